package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.management.CacheManagement;
import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.store.Weigher;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager with a declarative configuration: declared caches, the template, merging. */
class S3FifoCacheManagerDeclarativeTest {

  private static final ClassLoader LOADER = S3FifoCacheManagerDeclarativeTest.class
      .getClassLoader();
  private static final String BOOK = "com.acme.Book";
  private static final String AUTHORS = "com.acme.Book.authors";
  private static final String NATURAL_ID = "com.acme.Book##NaturalId";
  private static final String TIMESTAMPS = "default-update-timestamps-region";

  private final CachingProvider provider = Caching.getCachingProvider();
  private final List<CacheManager> opened = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void closeManagers() {
    opened.forEach(CacheManager::close);
  }

  private CacheManager manager(URI uri) {
    return manager(uri, LOADER, null);
  }

  private CacheManager manager(URI uri, ClassLoader loader, Properties properties) {
    CacheManager manager = provider.getCacheManager(uri, loader, properties);
    opened.add(manager);
    return manager;
  }

  private URI file(String... lines) throws IOException {
    return fileNamed("s3fifo.properties", lines);
  }

  private URI fileNamed(String name, String... lines) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, String.join("\n", lines), StandardCharsets.UTF_8);
    return path.toUri();
  }

  // ---- Declared caches exist from the start --------------------------------------------------

  @Test
  void declaredCachesExistFromTheStartWithTheirDottedNames() throws IOException {
    CacheManager manager = manager(file(
        "cache." + BOOK + ".maximum-entries = 100",
        "cache." + AUTHORS + ".maximum-weight = 1MB",
        "cache." + NATURAL_ID + ".expire-after-write = 10m",
        "cache." + TIMESTAMPS + ".maximum-weight = unbounded",
        "cache." + TIMESTAMPS + ".store-by-value = false"));

    assertEquals(List.of(BOOK, AUTHORS, NATURAL_ID, TIMESTAMPS),
        sortedLike(manager.getCacheNames(), List.of(BOOK, AUTHORS, NATURAL_ID, TIMESTAMPS)));
    Cache<Object, Object> book = manager.getCache(BOOK);
    assertNotNull(book);
    assertEquals(BOOK, book.getName());
    assertSame(book, manager.getCache(BOOK, Object.class, Object.class));
    assertEquals(100, configuration(book).getMaximumSize());
    assertEquals(1L << 20, configuration(manager.getCache(AUTHORS)).getMaximumWeight());
    assertFalse(configuration(manager.getCache(TIMESTAMPS)).isStoreByValue());
    assertEquals(S3FifoConfiguration.UNBOUNDED,
        configuration(manager.getCache(TIMESTAMPS)).getMaximumWeight());

    // The bound is real: the store holds at most 100 entries.
    for (int i = 0; i < 1_000; i++) {
      book.put(i, "book " + i);
    }
    assertEquals(100, store(book).capacity());
    assertTrue(store(book).size() <= 100, "size " + store(book).size());
  }

  @Test
  void declaredTypesAreCheckedByTheTypedLookup() throws IOException {
    CacheManager manager = manager(file(
        "cache.typed.key-type = java.lang.String",
        "cache.typed.value-type = java.lang.Long"));

    Cache<String, Long> typed = manager.getCache("typed", String.class, Long.class);
    assertNotNull(typed);
    typed.put("one", 1L);
    assertEquals(1L, typed.get("one"));
    assertThrows(ClassCastException.class,
        () -> manager.getCache("typed", Object.class, Object.class));
    assertSame(typed, manager.getCache("typed"));
  }

  @Test
  void aJarUriIsRead() throws IOException {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("config/s3fifo.properties"));
      writeUtf8(out, "cache." + NATURAL_ID + ".maximum-entries = 42\n");
      out.closeEntry();
    }
    CacheManager manager =
        manager(URI.create("jar:" + jar.toUri() + "!/config/s3fifo.properties"));

    assertEquals(42, configuration(manager.getCache(NATURAL_ID)).getMaximumSize());
  }

  @Test
  void classPathAndSchemeLessUrisReadTheResource() {
    for (String uri : List.of("classpath:manager-test/declared.properties",
        "manager-test/declared.properties")) {
      CacheManager manager = manager(URI.create(uri));

      assertEquals(Set.of(BOOK, NATURAL_ID), toSet(manager.getCacheNames()), uri);
      assertEquals(100, configuration(manager.getCache(BOOK)).getMaximumSize(), uri);
      assertEquals(300, configuration(manager.getCache(NATURAL_ID)).getMaximumSize(), uri);
      assertTrue(configuration(manager.getCache(NATURAL_ID)).isStatisticsEnabled(), uri);
    }
  }

  @Test
  void theDefaultUriReadsTheDefaultResourceOfItsClassLoader() throws IOException {
    fileNamed(io.github.s3fifo.jcache.configuration.CacheConfigurationFile.DEFAULT_RESOURCE,
        "cache.from-default.maximum-entries = 7");
    try (URLClassLoader withDefault = new URLClassLoader(new URL[] {dir.toUri().toURL()}, LOADER)) {
      CacheManager manager = manager(null, withDefault, null);

      assertEquals(provider.getDefaultURI(), manager.getURI());
      assertEquals(Set.of("from-default"), toSet(manager.getCacheNames()));
      assertEquals(7, configuration(manager.getCache("from-default")).getMaximumSize());
    }
    // Nothing at the root of the test class path configures the other tests (and the TCK).
    assertNull(LOADER.getResource(
        io.github.s3fifo.jcache.configuration.CacheConfigurationFile.DEFAULT_RESOURCE));
    assertFalse(manager(null, LOADER, null).getCacheNames().iterator().hasNext());
  }

  @Test
  void aUriThatIsOnlyANameConfiguresNothing() {
    CacheManager manager = manager(URI.create("urn:s3fifo-test:only-a-name"));

    assertFalse(manager.getCacheNames().iterator().hasNext());
    Cache<Object, Object> cache = manager.createCache("plain", new MutableConfiguration<>());
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration(cache).getMaximumSize());
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration(cache).getMaximumWeight());
  }

  // ---- Errors fail getCacheManager -----------------------------------------------------------

  @Test
  void aBadFileFailsGetCacheManagerNamingKeyValueAndFile() throws IOException {
    URI uri = file("cache." + BOOK + ".maximum-entries = 100",
        "cache." + NATURAL_ID + ".maximum-wieght = 64MB");

    CacheException e = assertThrows(CacheException.class, () -> manager(uri));
    assertTrue(e.getMessage().contains("cache." + NATURAL_ID + ".maximum-wieght"), e.getMessage());
    assertTrue(e.getMessage().contains("64MB"), e.getMessage());
    assertTrue(e.getMessage().contains(uri.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("maximum-weight"), "suggests the spelling: " + e);

    // Nothing half-made was kept: once the file is fixed, the same URI gives a working manager.
    file("cache." + BOOK + ".maximum-entries = 100",
        "cache." + NATURAL_ID + ".maximum-weight = 64MB");
    CacheManager manager = manager(uri);
    assertEquals(Set.of(BOOK, NATURAL_ID), toSet(manager.getCacheNames()));
  }

  @Test
  void anInvalidValueAndAMissingFileFailGetCacheManager() throws IOException {
    URI invalid = file("default.expire-after-write = 10 fortnights");
    CacheException e = assertThrows(CacheException.class, () -> manager(invalid));
    assertTrue(e.getMessage().contains("default.expire-after-write = 10 fortnights"),
        e.getMessage());
    assertTrue(e.getMessage().contains(invalid.toString()), e.getMessage());

    URI missing = dir.resolve("missing.properties").toUri();
    CacheException absent = assertThrows(CacheException.class, () -> manager(missing));
    assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());
  }

  @Test
  void aBadOverrideFailsGetCacheManager() throws IOException {
    Properties overrides = new Properties();
    overrides.setProperty("cache.orders.shards", "many");
    overrides.setProperty("hibernate.cache.use_query_cache", "true"); // someone else's: ignored

    CacheException e = assertThrows(CacheException.class,
        () -> manager(URI.create("urn:s3fifo-test:overrides"), LOADER, overrides));
    assertTrue(e.getMessage().contains("cache.orders.shards = many"), e.getMessage());
    assertTrue(e.getMessage().contains("getCacheManager"), e.getMessage());
  }

  @Test
  void aDeclaredCacheThatCannotBeBuiltFailsGetCacheManagerAndLeavesNoMBean()
      throws IOException {
    URI uri = file("cache.first.management = true",
        "cache.second.maximum-weight = 1MB",
        "cache.second.weigher = " + SecondInstanceFails.class.getName());
    SecondInstanceFails.INSTANCES.set(0);

    CacheException e = assertThrows(CacheException.class, () -> manager(uri));
    assertTrue(e.getMessage().contains("'second'"), e.getMessage());
    assertTrue(e.getMessage().contains(uri.toString()), e.getMessage());
    assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(
        CacheManagement.objectName("CacheConfiguration", uri.toString(), "first")),
        "the cache declared before the failing one was closed");
  }

  // ---- Overrides and the template --------------------------------------------------------------

  @Test
  void theGetCacheManagerPropertiesOverrideTheFile() throws IOException {
    Properties overrides = new Properties();
    overrides.setProperty("cache." + BOOK + ".maximum-weight", "2MB");
    overrides.setProperty("cache.only-here.maximum-entries", "5");

    CacheManager manager = manager(file("cache." + BOOK + ".maximum-entries = 100"), LOADER,
        overrides);

    S3FifoConfiguration<?, ?> book = configuration(manager.getCache(BOOK));
    assertEquals(2L << 20, book.getMaximumWeight());
    assertEquals(S3FifoConfiguration.UNBOUNDED, book.getMaximumSize());
    assertEquals(5, configuration(manager.getCache("only-here")).getMaximumSize());
    assertEquals("2MB", manager.getProperties().getProperty("cache." + BOOK + ".maximum-weight"));
  }

  @Test
  void theTemplateBoundsCachesCreatedFromAPlainMutableConfiguration() throws IOException {
    CacheManager manager = manager(file(
        "default.maximum-entries = 200", "default.store-by-value = false"));

    // What Hibernate does for a region the file does not declare.
    Cache<Object, Object> region =
        manager.createCache("com.acme.Author", new MutableConfiguration<>());
    for (int i = 0; i < 2_000; i++) {
      region.put(i, new StringBuilder("author " + i));
    }

    assertEquals(200, configuration(region).getMaximumSize());
    assertFalse(configuration(region).isStoreByValue());
    assertTrue(store(region).size() <= 200, "size " + store(region).size());
    // Store-by-reference: the very object put is returned.
    StringBuilder value = new StringBuilder("kept");
    region.put("k", value);
    assertSame(value, region.get("k"));

    // Code that configures this provider explicitly keeps its own choices.
    Cache<Object, Object> explicit = manager.createCache("explicit",
        new S3FifoConfiguration<>().setMaximumSize(10));
    assertEquals(10, configuration(explicit).getMaximumSize());
    assertTrue(configuration(explicit).isStoreByValue());
  }

  @Test
  void undeclaredNamesStillRefuseASecondCreateCache() throws IOException {
    CacheManager manager = manager(file("cache." + BOOK + ".maximum-entries = 100"));
    manager.createCache("other", new MutableConfiguration<>());

    assertThrows(CacheException.class,
        () -> manager.createCache("other", new MutableConfiguration<>()));
  }

  // ---- createCache on a declared name ------------------------------------------------

  @Test
  void createCacheOnAnUnusedDeclaredCacheReplacesItWithTheMergedConfiguration()
      throws IOException {
    URI uri = file("cache." + BOOK + ".maximum-entries = 100",
        "cache." + BOOK + ".management = true");
    CacheManager manager = manager(uri);

    Cache<String, Long> created = manager.createCache(BOOK, new S3FifoConfiguration<String, Long>()
        .setTypes(String.class, Long.class)
        .setStatisticsEnabled(true)
        .setMaximumSize(5)); // the declaration's bound wins

    S3FifoConfiguration<?, ?> merged = configuration(created);
    assertEquals(String.class, merged.getKeyType());
    assertEquals(Long.class, merged.getValueType());
    assertTrue(merged.isStatisticsEnabled(), "from the request");
    assertTrue(merged.isManagementEnabled(), "from the declaration");
    assertEquals(100, merged.getMaximumSize(), "the declared key wins");
    assertSame(created, manager.getCache(BOOK, String.class, Long.class));
    assertEquals(List.of(BOOK), List.copyOf(toSet(manager.getCacheNames())));
    assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(
        CacheManagement.objectName("CacheConfiguration", uri.toString(), BOOK)),
        "the replacement owns the MBean name; closing the replaced cache did not remove it");

    // Now used: a further createCache returns it as it is.
    created.put("a", 1L);
    assertSame(created, manager.createCache(BOOK,
        new MutableConfiguration<String, Long>().setTypes(String.class, Long.class)));
    assertEquals(1L, created.get("a"));
  }

  @Test
  void createCacheOnAUsedDeclaredCacheReturnsItUnchanged() throws IOException {
    CacheManager manager = manager(file("cache." + BOOK + ".maximum-entries = 100"));
    Cache<Object, Object> book = manager.getCache(BOOK);
    book.put(1, "one");

    Cache<Object, Object> created = manager.createCache(BOOK,
        new MutableConfiguration<>().setStatisticsEnabled(true));

    assertSame(book, created);
    assertFalse(book.isClosed());
    assertEquals("one", book.get(1));
    assertFalse(configuration(book).isStatisticsEnabled(), "a used cache is not reconfigured");
    // Types that contradict the cache in use are refused rather than lied about.
    CacheException e = assertThrows(CacheException.class, () -> manager.createCache(BOOK,
        new MutableConfiguration<String, String>().setTypes(String.class, String.class)));
    assertTrue(e.getMessage().contains(BOOK), e.getMessage());
    assertSame(book, manager.getCache(BOOK));
  }

  @Test
  void enablingStatisticsCountsAsUse() throws IOException {
    CacheManager manager = manager(file("cache." + BOOK + ".maximum-entries = 100"));
    manager.enableStatistics(BOOK, true);

    Cache<Object, Object> created = manager.createCache(BOOK, new MutableConfiguration<>());
    assertTrue(configuration(created).isStatisticsEnabled());
  }

  @Test
  void aDeclaredTypeContradictedByTheRequestIsACacheException() throws IOException {
    CacheManager manager = manager(file("cache.typed.key-type = java.lang.String"));

    CacheException e = assertThrows(CacheException.class, () -> manager.createCache("typed",
        new MutableConfiguration<Long, Object>().setTypes(Long.class, Object.class)));
    assertTrue(e.getMessage().contains("java.lang.Long"), e.getMessage());
    assertEquals(String.class, configuration(manager.getCache("typed")).getKeyType());
  }

  @Test
  void aDestroyedDeclaredCacheIsCreatedAgainMerged() throws IOException {
    CacheManager manager = manager(file("cache." + BOOK + ".maximum-entries = 100"));
    Cache<Object, Object> first = manager.getCache(BOOK);
    manager.destroyCache(BOOK);
    assertNull(manager.getCache(BOOK));
    assertTrue(first.isClosed());

    Cache<Object, Object> again = manager.createCache(BOOK, new MutableConfiguration<>());
    assertNotSame(first, again);
    assertEquals(100, configuration(again).getMaximumSize());
  }

  @Test
  void aClosedManagerIsReplacedByOneWithTheDeclaredCachesAgain() throws IOException {
    URI uri = file("cache." + BOOK + ".maximum-entries = 100");
    CacheManager manager = manager(uri);
    Cache<Object, Object> book = manager.getCache(BOOK);
    book.put(1, "one");
    manager.close();

    CacheManager fresh = manager(uri);
    assertNotSame(manager, fresh);
    Cache<Object, Object> again = fresh.getCache(BOOK);
    assertNotSame(book, again);
    assertFalse(again.isClosed());
    assertNull(again.get(1));
  }

  @Test
  void getCacheRacingCreateCacheOnADeclaredNameNeverHandsOutAClosedCache() throws Exception {
    URI uri = file("cache." + BOOK + ".maximum-entries = 100");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 30; round++) {
        CacheManager manager = manager(uri);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cache<Object, Object>>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          boolean creates = i % 2 == 0;
          Callable<Cache<Object, Object>> call = () -> {
            start.await();
            return creates
                ? manager.createCache(BOOK, new MutableConfiguration<>())
                : manager.getCache(BOOK);
          };
          results.add(pool.submit(call));
        }
        start.countDown();
        Set<Cache<Object, Object>> seen = new HashSet<>();
        for (Future<Cache<Object, Object>> result : results) {
          seen.add(result.get());
        }
        assertEquals(1, seen.size(), "every caller got the same cache");
        Cache<Object, Object> cache = seen.iterator().next();
        assertFalse(cache.isClosed());
        assertSame(cache, manager.getCache(BOOK));
        manager.close();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A weigher that can be made once (the file parser's check) and fails afterwards. */
  public static final class SecondInstanceFails implements Weigher<Object, Object> {
    static final AtomicInteger INSTANCES = new AtomicInteger();

    public SecondInstanceFails() {
      if (INSTANCES.incrementAndGet() > 1) {
        throw new IllegalStateException("only one instance");
      }
    }

    @Override
    public long weigh(Object key, Object value) {
      return 1;
    }
  }

  private static S3FifoConfiguration<?, ?> configuration(Cache<?, ?> cache) {
    return cache.getConfiguration(S3FifoConfiguration.class);
  }

  @SuppressWarnings("unchecked")
  private static ShardedStore<Object, Object> store(Cache<?, ?> cache) {
    return cache.unwrap(ShardedStore.class);
  }

  private static void writeUtf8(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Set<String> toSet(Iterable<String> names) {
    Set<String> set = new java.util.LinkedHashSet<>();
    names.forEach(set::add);
    return set;
  }

  /** The names, checked to be exactly {@code expected} in any order, in the expected order. */
  private static List<String> sortedLike(Iterable<String> names, List<String> expected) {
    Set<String> actual = toSet(names);
    assertEquals(new HashSet<>(expected), actual);
    List<String> ordered = new ArrayList<>(expected);
    ordered.retainAll(actual);
    return ordered;
  }
}
