package io.github.s3fifo.jcache.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoCacheManager;
import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.management.S3FifoCacheMXBean;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Boot's cache auto-configuration with this jar as the only JCache provider: it picks
 * JCache, our provider, and our configuration file through {@code spring.cache.jcache.config}.
 */
class SpringBootAutoConfigurationTest {

  private static final String FILE = "spring-test/s3fifo-spring.properties";
  private static final long TEMPLATE_WEIGHT = 8L << 20;

  @TempDir Path dir;

  @Test
  void bootPicksThisProviderAndTheFileSpringResolvedToAUrl() throws Exception {
    try (ConfigurableApplicationContext context = CachingApplication.start(
        CachingApplication.CONFIG)) {
      CacheManager manager = jcacheManager(context);
      assertInstanceOf(S3FifoCacheManager.class, manager);
      // Boot hands the provider the URL the classpath: resource resolved to.
      URI expected = CachingApplication.class.getClassLoader().getResource(FILE).toURI();
      assertEquals("file", manager.getURI().getScheme());
      assertEquals(expected, manager.getURI());
      assertSame(CachingApplication.class.getClassLoader(), manager.getClassLoader());

      // The declared caches exist from the start, dotted names as written in the file.
      Set<String> springNames = new HashSet<>(context.getBean(
          org.springframework.cache.CacheManager.class).getCacheNames());
      assertEquals(Set.of(BookService.BOOKS, BookService.SLOW, BookService.MISSING),
          springNames);
      S3FifoConfiguration<?, ?> books = configuration(manager, BookService.BOOKS);
      assertEquals(1_000, books.getMaximumSize());
      assertFalse(books.isStoreByValue());
      assertTrue(books.isStatisticsEnabled(), "the template's statistics apply");
      S3FifoConfiguration<?, ?> slow = configuration(manager, BookService.SLOW);
      assertEquals(100, slow.getMaximumSize());
      assertEquals(1, slow.getShardCount());
      assertTrue(slow.isStoreByValue());
    }
  }

  @Test
  void cacheNamesAreCreatedBoundedByTheTemplateAndDeclaredOnesKeepTheirSettings() {
    String extra = "com.acme.extra";
    String other = "reports-2024.by-month";
    // The recipe's application.properties names these three caches.
    try (ConfigurableApplicationContext context = CachingApplication.builder()
        .run("--spring.config.location=classpath:/spring-test/application.properties")) {
      CacheManager manager = jcacheManager(context);
      // Boot made these through createCache(name, new MutableConfiguration<>()).
      for (String name : List.of(extra, other)) {
        Cache<Object, Object> cache = manager.getCache(name);
        assertEquals(TEMPLATE_WEIGHT, cache.unwrap(S3FifoCacheMXBean.class).getMaximumWeight(),
            name);
        S3FifoConfiguration<?, ?> configuration = configuration(manager, name);
        assertEquals(TEMPLATE_WEIGHT, configuration.getMaximumWeight(), name);
        assertTrue(configuration.isStatisticsEnabled(), name);
        assertTrue(configuration.isStoreByValue(), "what MutableConfiguration asks, " + name);
      }
      // createCache on a declared name merged the request with the declaration.
      S3FifoConfiguration<?, ?> books = configuration(manager, BookService.BOOKS);
      assertEquals(1_000, books.getMaximumSize());
      assertFalse(books.isStoreByValue());

      Set<String> springNames = new HashSet<>(context.getBean(
          org.springframework.cache.CacheManager.class).getCacheNames());
      assertTrue(springNames.containsAll(
          Set.of(extra, other, BookService.BOOKS, BookService.SLOW, BookService.MISSING)),
          springNames.toString());
    }
  }

  @Test
  void closingTheContextClosesTheManagerAndARestartGetsAnOpenOne() {
    CacheManager first;
    try (ConfigurableApplicationContext context = CachingApplication.start(
        CachingApplication.CONFIG)) {
      first = jcacheManager(context);
      first.getCache(BookService.BOOKS).put(1L, "kept until the context closes");
    }
    assertTrue(first.isClosed(), "Spring closes the javax.cache.CacheManager bean");
    try (ConfigurableApplicationContext context = CachingApplication.start(
        CachingApplication.CONFIG)) {
      CacheManager second = jcacheManager(context);
      assertNotSame(first, second);
      assertFalse(second.isClosed());
      assertEquals(first.getURI(), second.getURI());
      assertFalse(second.getCache(BookService.BOOKS).containsKey(1L));
    }
  }

  @Test
  void aConfigurationFileInsideAJarIsReadThroughItsJarUrl() throws Exception {
    Path jar = dir.resolve("packaged-app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("spring-jar/packaged.properties"));
      OutputStream entry = out;
      entry.write(("default.maximum-entries = 50\n"
          + "cache.com.acme.packaged.maximum-entries = 7\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
        CachingApplication.class.getClassLoader())) {
      try (ConfigurableApplicationContext context = CachingApplication.start(loader,
          "spring.cache.jcache.config=classpath:spring-jar/packaged.properties",
          "spring.cache.cache-names=com.acme.onthefly")) {
        CacheManager manager = jcacheManager(context);
        assertEquals("jar", manager.getURI().getScheme());
        assertTrue(manager.getURI().toString().endsWith("packaged-app.jar!/spring-jar/"
            + "packaged.properties"), manager.getURI().toString());
        assertSame(loader, manager.getClassLoader());
        assertEquals(7, configuration(manager, "com.acme.packaged").getMaximumSize());
        assertEquals(50, configuration(manager, "com.acme.onthefly").getMaximumSize());
      }
    }
  }

  static CacheManager jcacheManager(ConfigurableApplicationContext context) {
    org.springframework.cache.CacheManager spring =
        context.getBean(org.springframework.cache.CacheManager.class);
    JCacheCacheManager jcache = assertInstanceOf(JCacheCacheManager.class, spring);
    CacheManager manager = jcache.getCacheManager();
    assertSame(context.getBean(CacheManager.class), manager);
    return manager;
  }

  private static S3FifoConfiguration<?, ?> configuration(CacheManager manager, String name) {
    Cache<Object, Object> cache = manager.getCache(name);
    assertTrue(cache != null, "no cache " + name);
    return cache.getConfiguration(S3FifoConfiguration.class);
  }
}
