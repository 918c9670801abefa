package io.github.s3fifo.jcache.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.management.CacheManagement;
import io.github.s3fifo.jcache.management.S3FifoCacheMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.JCacheMetrics;
import io.micrometer.core.instrument.config.InvalidConfigurationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Micrometer's {@link JCacheMetrics} over this provider: it reads the JCache statistics MBean
 * {@code javax.cache:type=CacheStatistics,CacheManager=<uri, ':' as '.'>,Cache=<name as is>}.
 */
class JCacheMetricsTest {

  /** A Hibernate-style region name: dots and {@code ##}. */
  private static final String NAME = "com.acme.metrics.Book##NaturalId";

  private final CacheManager manager = Caching.getCachingProvider().getCacheManager();
  private final List<String> created = new ArrayList<>();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void destroy() {
    created.forEach(manager::destroyCache);
  }

  private Cache<Integer, String> create(String name, boolean statistics) {
    Cache<Integer, String> cache = manager.createCache(name,
        new S3FifoConfiguration<Integer, String>()
            .setTypes(Integer.class, String.class)
            .setMaximumSize(4)
            .setShardCount(1)
            .setStatisticsEnabled(statistics));
    created.add(name);
    return cache;
  }

  @Test
  void reportsExactHitsMissesPutsEvictionsAndRemovals() {
    Cache<Integer, String> cache = create(NAME, true);
    JCacheMetrics.monitor(registry, cache, "app", "test");

    for (int i = 1; i <= 4; i++) {
      cache.put(i, "v" + i);
    }
    assertEquals("v1", cache.get(1));
    assertEquals("v2", cache.get(2));
    assertNull(cache.get(99));
    // Two more keys in a cache bounded at four entries: two evictions.
    cache.put(5, "v5");
    cache.put(6, "v6");
    int resident = residentKey(cache);
    assertTrue(cache.remove(resident));
    assertNull(cache.get(resident));

    assertEquals(2.0, gets("hit"));
    assertEquals(2.0, gets("miss"));
    assertEquals(6.0, registry.get("cache.puts").tag("cache", NAME).functionCounter().count());
    assertEquals(2.0,
        registry.get("cache.evictions").tag("cache", NAME).functionCounter().count());
    assertEquals(2, cache.unwrap(S3FifoCacheMXBean.class).getEvictions());
    assertEquals(1.0, registry.get("cache.removals").tag("cache", NAME).gauge().value());
    assertEquals("test", registry.get("cache.puts").functionCounter().getId().getTag("app"));
    assertNull(registry.find("cache.size").meter(), "JCache has no size statistic");
  }

  @Test
  void countersFollowStatisticsBeingTurnedOnAndClearedAtRunTime() {
    Cache<Integer, String> cache = create(NAME, false);
    JCacheMetrics.monitor(registry, cache);
    cache.put(1, "v1");
    cache.get(1);
    // No statistics MBean: Micrometer reads zero.
    assertEquals(0.0, gets("hit"));
    assertEquals(0.0, registry.get("cache.puts").functionCounter().count());

    manager.enableStatistics(NAME, true);
    cache.get(1);
    cache.get(2);
    cache.put(2, "v2");
    assertEquals(1.0, gets("hit"));
    assertEquals(1.0, gets("miss"));
    assertEquals(1.0, registry.get("cache.puts").functionCounter().count());
  }

  @Test
  void namesWithCommaColonOrEqualsAreRefusedByMicrometerThoughTheirMBeanIsRegistered()
      throws Exception {
    for (String name : List.of("com.acme.a,b", "urn:com.acme:c", "com.acme.key=value")) {
      Cache<Integer, String> cache = create(name, true);
      cache.put(1, "v1");
      // This provider registers the statistics under the JCache name, ",:=" written as '.'.
      ObjectName ours = CacheManagement.objectName(
          "CacheStatistics", manager.getURI().toString(), name);
      assertEquals(1L, ManagementFactory.getPlatformMBeanServer().getAttribute(ours, "CachePuts"),
          name);
      // Micrometer builds the ObjectName from the raw name and fails: "results in an invalid
      // JMX name". Such caches cannot be monitored with JCacheMetrics.
      InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
          () -> JCacheMetrics.monitor(registry, cache), name);
      assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }
  }

  @Test
  void namesWithAsteriskOrQuestionMarkSilentlyReadZero() throws Exception {
    for (String name : List.of("com.acme.*", "com.acme.book?")) {
      Cache<Integer, String> cache = create(name, true);
      JCacheMetrics.monitor(registry, cache);
      cache.put(1, "v1");
      // This provider quotes such a name in its ObjectName, as JMX requires ...
      ObjectName ours = CacheManagement.objectName(
          "CacheStatistics", manager.getURI().toString(), name);
      assertFalse(ours.isPattern(), ours.toString());
      assertTrue(ours.toString().endsWith(",Cache=" + ObjectName.quote(name)), ours.toString());
      assertEquals(1L, ManagementFactory.getPlatformMBeanServer().getAttribute(ours, "CachePuts"));
      // ... while Micrometer's unquoted name is a pattern, which it cannot read: zero, no error.
      assertEquals(0.0,
          registry.get("cache.puts").tag("cache", name).functionCounter().count(), name);
    }
  }

  @Test
  void aManagerUriWithCommaOrEqualsIsRefusedByMicrometer() {
    CacheManager tenant = Caching.getCachingProvider().getCacheManager(
        java.net.URI.create("urn:s3fifo-test:tenant=a,b"), getClass().getClassLoader());
    try {
      Cache<Integer, String> cache = tenant.createCache(NAME,
          new S3FifoConfiguration<Integer, String>().setTypes(Integer.class, String.class)
              .setStatisticsEnabled(true));
      cache.put(1, "v1");
      // Micrometer writes only ':' of the URI as '.'; ',' and '=' make its name invalid.
      assertThrows(InvalidConfigurationException.class,
          () -> JCacheMetrics.monitor(registry, cache));
    } finally {
      tenant.close();
    }
  }

  private double gets(String result) {
    return registry.get("cache.gets").tag("cache", NAME).tag("result", result)
        .functionCounter().count();
  }

  /** A key still in the cache; containsKey counts no statistics. */
  private static int residentKey(Cache<Integer, String> cache) {
    for (int key = 6; key >= 1; key--) {
      if (cache.containsKey(key)) {
        return key;
      }
    }
    throw new AssertionError("the cache is empty");
  }
}
