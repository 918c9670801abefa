package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.s3fifo.jcache.management.CacheManagement;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.integration.CacheLoader;
import javax.cache.management.CacheStatisticsMXBean;
import javax.management.JMX;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counting rules the TCK does not pin: evictions, loads, bulk operations, the iterator. */
class StatisticsTest {

  private Cache<Integer, String> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  private CacheStatisticsMXBean statistics() {
    return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
        CacheManagement.objectName("CacheStatistics",
            cache.getCacheManager().getURI().toString(), cache.getName()),
        CacheStatisticsMXBean.class);
  }

  @Test
  void evictionsByTheStoreAreCountedAsEvictionsNotRemovals() {
    cache = TestCaches.create(new S3FifoConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setMaximumSize(100)
        .setStatisticsEnabled(true));
    for (int i = 0; i < 1_000; i++) {
      cache.put(i, "v" + i);
    }
    long resident = TestCaches.store(cache).size();
    assertEquals(1_000, statistics().getCachePuts());
    assertEquals(1_000 - resident, statistics().getCacheEvictions());
    assertEquals(0, statistics().getCacheRemovals());
  }

  @Test
  void readThroughLoadsCountAMissAndAPut() {
    cache = TestCaches.create(new S3FifoConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(EvenKeysLoader.class))
        .setStatisticsEnabled(true));
    assertEquals("even-2", cache.get(2));
    assertEquals(null, cache.get(3));
    assertEquals("even-2", cache.get(2));
    Map<Integer, String> all = cache.getAll(Set.of(2, 4, 5));
    assertEquals(Map.of(2, "even-2", 4, "even-4"), all);
    CacheStatisticsMXBean stats = statistics();
    assertEquals(2, stats.getCacheHits(), "get(2) and getAll's 2");
    assertEquals(4, stats.getCacheMisses(), "get(2), get(3), getAll's 4 and 5");
    assertEquals(2, stats.getCachePuts(), "the loaded 2 and 4");
  }

  @Test
  void iterationCountsHitsAndIteratorRemoveCountsRemovals() {
    cache = TestCaches.create(new S3FifoConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setStatisticsEnabled(true));
    cache.putAll(Map.of(1, "a", 2, "b", 3, "c"));
    var iterator = cache.iterator();
    iterator.next();
    iterator.remove();
    iterator.next();
    CacheStatisticsMXBean stats = statistics();
    assertEquals(3, stats.getCachePuts());
    assertEquals(2, stats.getCacheHits());
    assertEquals(1, stats.getCacheRemovals());
    assertEquals(0, stats.getCacheMisses());
  }

  /** Loads "even-k" for even keys, nothing for odd ones. */
  public static final class EvenKeysLoader implements CacheLoader<Integer, String> {
    @Override
    public String load(Integer key) {
      return key % 2 == 0 ? "even-" + key : null;
    }

    @Override
    public Map<Integer, String> loadAll(Iterable<? extends Integer> keys) {
      Map<Integer, String> result = new java.util.HashMap<>();
      for (Integer key : keys) {
        String value = load(key);
        if (value != null) {
          result.put(key, value);
        }
      }
      return result;
    }
  }
}
