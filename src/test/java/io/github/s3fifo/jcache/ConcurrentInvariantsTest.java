package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.management.CacheManagement;
import io.github.s3fifo.store.ShardedStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.management.CacheStatisticsMXBean;
import javax.management.JMX;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads on one cache: no lost update, the bound holds, the counters add up. */
class ConcurrentInvariantsTest {

  private static final int THREADS = 4;
  private static final int OPS_PER_THREAD = 20_000;
  private Cache<Integer, Object> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  @Test
  void mixedOperationsKeepTheInvariants() throws Exception {
    long maxBytes = 1 << 15;
    cache = TestCaches.create(new S3FifoConfiguration<Integer, Object>()
        .setTypes(Integer.class, Object.class)
        .setMaximumWeight(maxBytes)
        .setStatisticsEnabled(true));
    ShardedStore<Object, Object> store = TestCaches.store(cache);
    AtomicLong gets = new AtomicLong();
    AtomicLong puts = new AtomicLong();
    AtomicLong removals = new AtomicLong();
    AtomicLong maxWeightSeen = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < OPS_PER_THREAD; i++) {
            int key = random.nextInt(2_000);
            switch (random.nextInt(5)) {
              case 0, 1 -> {
                cache.put(key, new byte[random.nextInt(600)]);
                puts.incrementAndGet();
              }
              case 2 -> {
                cache.get(key);
                gets.incrementAndGet();
              }
              case 3 -> {
                if (cache.remove(key)) {
                  removals.incrementAndGet();
                }
              }
              default -> {
                gets.incrementAndGet(); // putIfAbsent counts a hit or a miss
                if (cache.putIfAbsent(key, "s".repeat(random.nextInt(300)))) {
                  puts.incrementAndGet();
                }
              }
            }
            maxWeightSeen.accumulateAndGet(store.weight(), Math::max);
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // While writes are in flight a sampled weight may include entries not yet balanced by their
    // evictions: at most one entry (< 1 KiB here) per writing thread. At rest, the bound is exact.
    assertTrue(maxWeightSeen.get() <= maxBytes + THREADS * 1024L,
        "max weight seen " + maxWeightSeen.get());
    assertTrue(store.weight() <= maxBytes, "weight at rest " + store.weight());
    CacheStatisticsMXBean stats = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
        CacheManagement.objectName("CacheStatistics",
            cache.getCacheManager().getURI().toString(), cache.getName()),
        CacheStatisticsMXBean.class);
    assertEquals(gets.get(), stats.getCacheGets());
    assertEquals(gets.get(), stats.getCacheHits() + stats.getCacheMisses());
    assertEquals(puts.get(), stats.getCachePuts());
    assertEquals(removals.get(), stats.getCacheRemovals());
    assertTrue(stats.getCacheEvictions() > 0, "the workload overflows the bound");
    assertEquals(store.stats().evictions(), stats.getCacheEvictions());
  }

  @Test
  void concurrentIncrementsThroughEntryProcessorsLoseNoUpdate() throws Exception {
    cache = TestCaches.create(new S3FifoConfiguration<Integer, Object>()
        .setTypes(Integer.class, Object.class)
        .setShardCount(2));
    int keys = 16;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            cache.invoke(i % keys, (entry, args) -> {
              entry.setValue(entry.exists() ? (Integer) entry.getValue() + 1 : 1);
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int key = 0; key < keys; key++) {
      assertEquals(THREADS * perThread / keys, cache.get(key), "key " + key);
    }
  }
}
