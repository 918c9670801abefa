package io.github.s3fifo.jcache.management;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed store metrics behind {@code unwrap} and the {@code CacheStore} MBean. */
class S3FifoCacheMXBeanTest {

  private static final String NAME = "com.acme.Book##NaturalId";

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager();
  }

  @AfterEach
  void destroy() {
    manager.destroyCache(NAME);
  }

  @Test
  void unwrapGivesLiveCountsWeightsAndEvictions() {
    Cache<Integer, Integer> cache = manager.createCache(NAME,
        new S3FifoConfiguration<Integer, Integer>()
            .setTypes(Integer.class, Integer.class)
            .setMaximumSize(1_000)
            .setShardCount(1));
    S3FifoCacheMXBean metrics = cache.unwrap(S3FifoCacheMXBean.class);
    assertEquals(0, metrics.getEntryCount());
    assertEquals(1.0, metrics.getShardWeightSkew());
    for (int i = 0; i < 1_500; i++) {
      cache.put(i, i);
    }
    assertEquals(1_000, metrics.getEntryCount());
    assertEquals(1_000, metrics.getWeight());
    assertEquals(1_000, metrics.getMaximumWeight());
    assertEquals(1, metrics.getShardCount());
    assertArrayEquals(new long[] {1_000}, metrics.getShardWeights());
    assertEquals(500, metrics.getEvictions());
    assertEquals(500, metrics.getEvictedWeight());
    assertEquals(1.0, metrics.getShardWeightSkew());
    // Main's first fill took 0..989 from small (each unread head lowering small's share, to its
    // 1% floor); 990 was the first key evicted from small into the ghost: inserting it again is
    // a ghost hit.
    assertTrue(cache.get(989) != null);
    assertTrue(cache.get(990) == null);
    cache.put(990, 990);
    assertEquals(1, metrics.getGhostHits());
  }

  @Test
  void skewIsTheHeaviestShardOverTheMean() {
    Cache<Integer, Integer> cache = manager.createCache(NAME,
        new S3FifoConfiguration<Integer, Integer>()
            .setTypes(Integer.class, Integer.class)
            .setMaximumSize(1L << 20)
            .setShardCount(4));
    cache.put(1, 1);
    S3FifoCacheMXBean metrics = cache.unwrap(S3FifoCacheMXBean.class);
    assertEquals(4, metrics.getShardCount());
    // One entry in one of four shards: that shard holds four times the mean.
    assertEquals(4.0, metrics.getShardWeightSkew());
    assertEquals(1, Arrays.stream(metrics.getShardWeights()).sum());
  }

  @Test
  void theMBeanFollowsManagementAndClose() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Cache<String, String> cache = manager.createCache(NAME,
        new S3FifoConfiguration<String, String>()
            .setTypes(String.class, String.class)
            .setMaximumSize(100));
    ObjectName name = CacheManagement.objectName(
        CacheManagement.STORE_TYPE, manager.getURI().toString(), NAME);
    assertEquals("io.github.s3fifo", name.getDomain());
    assertFalse(server.isRegistered(name), "management is off by default");
    manager.enableManagement(NAME, true);
    assertTrue(server.isRegistered(name));
    cache.put("a", "b");
    assertEquals(1L, server.getAttribute(name, "EntryCount"));
    assertEquals(100L, server.getAttribute(name, "MaximumWeight"));
    manager.enableManagement(NAME, false);
    assertFalse(server.isRegistered(name));
    manager.enableManagement(NAME, true);
    cache.close();
    assertFalse(server.isRegistered(name), "close unregisters it");
  }
}
