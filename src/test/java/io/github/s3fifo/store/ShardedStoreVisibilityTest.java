package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What other threads can observe while writes are under way. */
class ShardedStoreVisibilityTest {

  @Test
  void aSampledWeightNeverExceedsCapacityWhileEntriesGrowAndShrink() throws Exception {
    long capacity = 20_000;
    ShardedStore<Integer, byte[]> store =
        ShardedStore.<Integer, byte[]>builder()
            .expiring()
            .maximumWeight(capacity)
            .weigher((key, value) -> value.length)
            .shardCount(1)
            .build();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong worst = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> sampler = pool.submit(() -> {
        while (!stop.get()) {
          worst.accumulateAndGet(store.weight(), Math::max);
        }
      });
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int seed = t;
        writers.add(pool.submit(() -> {
          Random random = new Random(seed);
          for (int i = 0; i < 100_000; i++) {
            // Few keys, so most writes replace a value with a heavier or lighter one.
            store.put(random.nextInt(300), new byte[1 + random.nextInt(400)]);
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
      stop.set(true);
      sampler.get(10, TimeUnit.SECONDS);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    assertTrue(worst.get() <= capacity, "a reader saw weight " + worst.get());
    assertTrue(worst.get() > capacity / 2, "the sampler saw the store filled: " + worst.get());
  }

  @Test
  void anExpiryFoundByAReadIsReportedBeforeTheKeyCanBeWrittenAgain() throws Exception {
    AtomicLong now = new AtomicLong();
    CountDownLatch listening = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> heard = new ArrayList<>();
    ShardedStore<String, String> store =
        ShardedStore.<String, String>builder()
            .expiring()
            .ticker(now::get)
            .removalListener((key, value, cause) -> {
              synchronized (heard) {
                heard.add(cause + ":" + value);
              }
              if (cause == RemovalCause.EXPIRED) {
                listening.countDown();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            })
            .build();
    store.put("k", "old", 10);
    now.set(20);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> reader = pool.submit(() -> store.get("k"));
      assertTrue(listening.await(10, TimeUnit.SECONDS));
      Future<String> writer = pool.submit(() -> store.put("k", "new"));
      // The writer must wait for the key until the expiry has been reported.
      Thread.sleep(100);
      assertFalse(writer.isDone(), "the key was written again before its expiry was reported");
      release.countDown();
      assertNull(reader.get(10, TimeUnit.SECONDS));
      assertNull(writer.get(10, TimeUnit.SECONDS));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertEquals("new", store.get("k"));
    synchronized (heard) {
      assertEquals(List.of("EXPIRED:old"), heard);
    }
  }

  @Test
  void aListenerOfSomeCausesHearsOfThoseOnly() {
    AtomicLong now = new AtomicLong();
    List<String> heard = new ArrayList<>();
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder()
            .expiring()
            .maximumSize(2)
            .shardCount(1)
            .ticker(now::get)
            .removalListener((key, value, cause) -> heard.add(cause + ":" + key),
                RemovalCause.SIZE, RemovalCause.EXPIRED)
            .build();
    store.put(1, 1);
    store.put(1, 10); // REPLACED: not asked for
    store.remove(1); // EXPLICIT: not asked for
    store.put(2, 2, 5);
    now.set(5);
    assertNull(store.get(2)); // EXPIRED
    store.put(3, 3);
    store.put(4, 4);
    store.put(5, 5); // SIZE: main's first fill keeps 3, so 4 goes
    store.clear(); // EXPLICIT, twice
    assertEquals(List.of("EXPIRED:2", "SIZE:4"), heard);
  }
}
