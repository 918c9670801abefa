package io.github.s3fifo.jcache.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CacheStatisticsTest {

  /** The store's own count of its evictions, ever: the statistics read it, from a base. */
  private final long[] storeEvictions = {100};
  private final CacheStatistics statistics = new CacheStatistics(() -> storeEvictions[0]);

  @Test
  void startsDisabledAndAtZero() {
    assertEquals(false, statistics.isEnabled());
    statistics.recordHits(1);
    statistics.recordMisses(1);
    statistics.recordPuts(1);
    statistics.recordRemovals(1);
    storeEvictions[0] += 1;
    statistics.recordGetTime(1_000);
    statistics.recordPutTime(1_000);
    statistics.recordRemoveTime(1_000);

    assertEquals(0, statistics.getGets());
    assertEquals(0, statistics.getPuts());
    assertEquals(0, statistics.getRemovals());
    assertEquals(0, statistics.getEvictions());
    assertEquals(0f, statistics.getHitPercentage());
    assertEquals(0f, statistics.getMissPercentage());
    assertEquals(0f, statistics.getAverageGetTime());
    assertEquals(0f, statistics.getAveragePutTime());
    assertEquals(0f, statistics.getAverageRemoveTime());
  }

  @Test
  void countsWhileEnabled() {
    statistics.setEnabled(true);
    statistics.recordHits(6);
    statistics.recordMisses(2);
    statistics.recordPuts(4);
    statistics.recordRemovals(5);
    storeEvictions[0] += 7;

    assertEquals(6, statistics.getHits());
    assertEquals(2, statistics.getMisses());
    assertEquals(8, statistics.getGets());
    assertEquals(4, statistics.getPuts());
    assertEquals(5, statistics.getRemovals());
    assertEquals(7, statistics.getEvictions());
    assertEquals(75f, statistics.getHitPercentage());
    assertEquals(25f, statistics.getMissPercentage());

    statistics.setEnabled(false);
    statistics.recordHits(100);
    storeEvictions[0] += 100;
    assertEquals(6, statistics.getHits(), "disabling freezes the counters");
    assertEquals(7, statistics.getEvictions(), "disabling freezes the evictions too");
  }

  @Test
  void evictionsCountOnlyWhileEnabledAndFromTheLastClear() {
    assertEquals(0, statistics.getEvictions(), "the store's earlier evictions are not counted");
    statistics.setEnabled(true);
    storeEvictions[0] += 3;
    assertEquals(3, statistics.getEvictions());
    statistics.setEnabled(false);
    storeEvictions[0] += 5;
    assertEquals(3, statistics.getEvictions());
    statistics.setEnabled(true);
    statistics.setEnabled(true); // enabling twice changes nothing
    storeEvictions[0] += 2;
    assertEquals(5, statistics.getEvictions());
    statistics.clear();
    assertEquals(0, statistics.getEvictions());
    storeEvictions[0] += 1;
    assertEquals(1, statistics.getEvictions());
  }

  @Test
  void averagesTimesInMicrosecondsPerOperation() {
    statistics.setEnabled(true);
    statistics.recordHits(3);
    statistics.recordMisses(1);
    statistics.recordGetTime(10_000); // 10 µs over 4 gets
    statistics.recordPuts(2);
    statistics.recordPutTime(3_000);
    statistics.recordRemovals(4);
    statistics.recordRemoveTime(2_000);

    assertEquals(2.5f, statistics.getAverageGetTime());
    assertEquals(1.5f, statistics.getAveragePutTime());
    assertEquals(0.5f, statistics.getAverageRemoveTime());
  }

  @Test
  void clearResetsEverything() {
    statistics.setEnabled(true);
    statistics.recordHits(1);
    statistics.recordMisses(1);
    statistics.recordPuts(1);
    statistics.recordRemovals(1);
    storeEvictions[0] += 1;
    statistics.recordGetTime(1);
    statistics.recordPutTime(1);
    statistics.recordRemoveTime(1);

    statistics.clear();

    assertEquals(0, statistics.getHits());
    assertEquals(0, statistics.getMisses());
    assertEquals(0, statistics.getPuts());
    assertEquals(0, statistics.getRemovals());
    assertEquals(0, statistics.getEvictions());
    assertEquals(0f, statistics.getAverageGetTime());
    assertEquals(true, statistics.isEnabled(), "clearing does not disable");
    statistics.recordHits(2);
    assertEquals(2, statistics.getHits());
  }

  @Test
  void losesNoCountUnderContention() throws InterruptedException {
    statistics.setEnabled(true);
    int threads = 4;
    int perThread = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        for (int i = 0; i < perThread; i++) {
          statistics.recordHits(1);
          statistics.recordPuts(1);
        }
      });
    }
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(1, TimeUnit.MINUTES));
    assertEquals((long) threads * perThread, statistics.getHits());
    assertEquals((long) threads * perThread, statistics.getPuts());
    assertEquals(100f, statistics.getHitPercentage());
  }

  @Test
  void theMxBeanIsAViewOfTheCounters() {
    CacheStatisticsMXBeanImpl bean = new CacheStatisticsMXBeanImpl(statistics);
    statistics.setEnabled(true);
    statistics.recordHits(1);
    statistics.recordMisses(3);
    statistics.recordPuts(2);
    statistics.recordPutTime(4_000);
    statistics.recordRemovals(1);
    storeEvictions[0] += 9;

    assertEquals(1, bean.getCacheHits());
    assertEquals(3, bean.getCacheMisses());
    assertEquals(4, bean.getCacheGets());
    assertEquals(2, bean.getCachePuts());
    assertEquals(1, bean.getCacheRemovals());
    assertEquals(9, bean.getCacheEvictions());
    assertEquals(25f, bean.getCacheHitPercentage());
    assertEquals(75f, bean.getCacheMissPercentage());
    assertEquals(2f, bean.getAveragePutTime());

    bean.clear();
    assertEquals(0, statistics.getPuts());
    assertEquals(0, bean.getCacheEvictions());
    assertThrows(NullPointerException.class, () -> new CacheStatisticsMXBeanImpl(null));
  }
}
