package io.github.s3fifo.store;

import static io.github.s3fifo.store.StoreTestSupport.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several threads race every write operation over an overlapping key space; afterwards every
 * inserted value must be either resident or reported removed exactly once, and the weight, size
 * and counters must agree with what is resident.
 */
class ShardedStoreStressTest {

  private static final int THREADS = 4;
  /** Per thread; a soak run raises it: {@code -Ds3fifo.stress.ops=5000000} (README, Commands). */
  private static final int OPS_PER_THREAD = Integer.getInteger("s3fifo.stress.ops", 120_000);
  /** In the expiring run, the ticker advances by one per operation of thread 0. */
  private static final long MAX_TIME_TO_LIVE = 20_000;
  private static final int SHARED_KEYS = 4_096;
  private static final int OWNED_KEYS_PER_THREAD = 256;
  private static final int OWNED_BASE = SHARED_KEYS;
  private static final long CAPACITY = 20_000;

  /** A value encodes who wrote it and for which key, so that every value is unique. */
  private static long value(int thread, int seq, int key) {
    return ((long) thread << 52) | ((long) seq << 14) | key;
  }

  private static int keyOf(long value) {
    return (int) (value & 0x3FFF);
  }

  /** Weights from 1 to 40, a function of the value only. */
  private static long weightOf(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return 1 + ((h >>> 40) % 40);
  }

  /** What one worker observed. */
  private static final class Log {
    final Set<Long> inserted = new HashSet<>();
    final Set<Long> replacedByMe = new HashSet<>(); // old values my writes replaced
    final Set<Long> removedByMe = new HashSet<>(); // old values my removals removed
    /** Owned key to the value this thread last put, or -1 if it last removed the key. */
    final Map<Integer, Long> lastOwnedWrite = new HashMap<>();
    final Set<Long> ownedMaybeEvicted = new HashSet<>(); // my own last value vanished under me
  }

  @ParameterizedTest(name = "expiring = {0}")
  @ValueSource(booleans = {false, true})
  @Timeout(60)
  void racingWritersKeepEveryInvariant(boolean expiring) throws Exception {
    FakeTicker ticker = new FakeTicker();
    Map<Long, RemovalCause> reported = new ConcurrentHashMap<>();
    Map<Long, Integer> reportedKey = new ConcurrentHashMap<>();
    AtomicReference<String> listenerError = new AtomicReference<>();
    ShardedStore<Integer, Long> store =
        ShardedStore.<Integer, Long>builder()
            .expiring()
            .maximumWeight(CAPACITY)
            .weigher((k, v) -> weightOf(v))
            .shardCount(4)
            .expectedEntries(4_096)
            .recordStats(true)
            .ticker(ticker)
            .removalListener(
                (k, v, cause) -> {
                  if (reported.putIfAbsent(v, cause) != null) {
                    listenerError.compareAndSet(null, "value reported twice: " + v + " " + cause);
                  }
                  reportedKey.put(v, k);
                })
            .build();
    assertEquals(4, store.shardCount());

    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Log>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        return work(store, thread, expiring ? ticker : null);
      }));
    }
    List<Log> logs = new ArrayList<>();
    long waitSeconds = 60L * Math.max(1, OPS_PER_THREAD / 120_000); // a soak run waits longer
    for (Future<Log> f : futures) {
      logs.add(f.get(waitSeconds, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertNull(listenerError.get(), listenerError::get);
    if (expiring) {
      // Reclaim what has expired, so that what the iterator shows is everything resident.
      store.evictExpired();
    }

    // What is resident, as the iterator sees it.
    Map<Integer, Long> resident = new HashMap<>();
    long iteratedWeight = 0;
    for (StoreEntry<Integer, Long> e : store) {
      assertNull(resident.put(e.getKey(), e.getValue()), "key iterated twice: " + e.getKey());
      assertEquals(weightOf(e.getValue()), e.getWeight(), "entry weight");
      iteratedWeight += e.getWeight();
      assertEquals(e.getKey().intValue(), keyOf(e.getValue()), "a value under the wrong key");
    }
    assertEquals(iteratedWeight, store.weight(), "weight() vs the resident entries' weights");
    assertEquals(store.weight(), sum(store.shardWeights()));
    assertEquals(resident.size(), store.size(), "size() vs iterated entries");
    assertTrue(store.weight() <= CAPACITY, "weight " + store.weight() + " > " + CAPACITY);

    // Conservation: every inserted value is resident xor reported exactly once.
    Set<Long> inserted = new HashSet<>();
    Set<Long> replacedByCallers = new HashSet<>();
    Set<Long> removedByCallers = new HashSet<>();
    for (Log log : logs) {
      inserted.addAll(log.inserted);
      replacedByCallers.addAll(log.replacedByMe);
      removedByCallers.addAll(log.removedByMe);
    }
    Set<Long> residentValues = new HashSet<>(resident.values());
    for (Long v : residentValues) {
      assertTrue(inserted.contains(v), "resident value never inserted: " + v);
      assertTrue(!reported.containsKey(v), "resident value also reported removed: " + v);
    }
    long insertedWeight = 0;
    long reportedWeight = 0;
    for (Long v : inserted) {
      insertedWeight += weightOf(v);
      boolean isResident = residentValues.contains(v);
      boolean isReported = reported.containsKey(v);
      assertTrue(isResident ^ isReported, "value lost (neither resident nor reported): " + v);
    }
    for (Map.Entry<Long, RemovalCause> r : reported.entrySet()) {
      assertTrue(inserted.contains(r.getKey()), "reported value never inserted: " + r);
      assertEquals(keyOf(r.getKey()), reportedKey.get(r.getKey()).intValue(), "reported key");
      reportedWeight += weightOf(r.getKey());
    }
    assertEquals(insertedWeight - reportedWeight, store.weight());

    // Causes agree with what callers were told.
    Set<Long> reportedReplaced = new HashSet<>();
    Set<Long> reportedExplicit = new HashSet<>();
    long sizeCount = 0;
    long expiredCount = 0;
    long sizeWeight = 0;
    for (Map.Entry<Long, RemovalCause> r : reported.entrySet()) {
      switch (r.getValue()) {
        case REPLACED -> reportedReplaced.add(r.getKey());
        case EXPLICIT -> reportedExplicit.add(r.getKey());
        case SIZE -> {
          sizeCount++;
          sizeWeight += weightOf(r.getKey());
        }
        case EXPIRED -> {
          if (!expiring) {
            throw new AssertionError("nothing expires here: " + r);
          }
          expiredCount++;
        }
      }
    }
    assertEquals(replacedByCallers, reportedReplaced, "REPLACED vs old values returned to callers");
    assertEquals(removedByCallers, reportedExplicit, "EXPLICIT vs values removed by callers");
    StoreStats stats = store.stats();
    assertEquals(sizeCount, stats.evictions(), "evictions vs SIZE notifications");
    assertEquals(sizeWeight, stats.evictedWeight(), "evictedWeight vs SIZE notifications");
    assertEquals(expiredCount, stats.expirations(), "expirations vs EXPIRED notifications");
    if (expiring) {
      assertTrue(expiredCount > 1_000, "the run must expire entries: " + stats);
    }
    Set<RemovalCause> vanishCauses =
        expiring ? Set.of(RemovalCause.SIZE, RemovalCause.EXPIRED) : Set.of(RemovalCause.SIZE);
    assertTrue(stats.evictions() > 10_000, "the run must churn: " + stats);
    assertTrue(stats.hits() > 0 && stats.misses() > 0, stats::toString);

    // Keys owned by one thread end in that thread's last state, or their last value was evicted.
    for (Log log : logs) {
      for (Map.Entry<Integer, Long> last : log.lastOwnedWrite.entrySet()) {
        Long now = resident.get(last.getKey());
        long lastValue = last.getValue();
        if (lastValue < 0) {
          assertNull(now, "owned key " + last.getKey() + " was removed last but is present");
        } else if (now == null) {
          assertTrue(vanishCauses.contains(reported.get(lastValue)),
              "owned key " + last.getKey() + " lost its last value " + lastValue);
        } else {
          assertEquals(lastValue, now.longValue(), "owned key " + last.getKey());
        }
      }
      for (Long v : log.ownedMaybeEvicted) {
        assertTrue(vanishCauses.contains(reported.get(v)),
            "an owned value vanished without an eviction: " + v);
      }
    }
  }

  /** With a ticker, thread 0 drives the clock and writes carry random expiry times. */
  private static Log work(ShardedStore<Integer, Long> store, int thread, FakeTicker ticker) {
    Log log = new Log();
    SplittableRandom random = new SplittableRandom(1_000 + thread);
    for (int seq = 0; seq < OPS_PER_THREAD; seq++) {
      long expiresAt = ShardedStore.NEVER;
      if (ticker != null) {
        if (thread == 0) {
          ticker.advance(1);
          if (seq % 20_000 == 0) {
            store.evictExpired();
          }
        }
        if (random.nextInt(4) != 0) {
          expiresAt = ticker.read() + 1 + random.nextLong(MAX_TIME_TO_LIVE);
        }
      }
      if (random.nextInt(8) == 0) {
        ownedOp(store, thread, seq, random, log, expiresAt);
        continue;
      }
      int key = random.nextInt(SHARED_KEYS);
      long v = value(thread, seq, key);
      int op = random.nextInt(100);
      if (op < 25) {
        store.get(key);
      } else if (op < 30) {
        StoreEntry<Integer, Long> entry = store.getEntry(key);
        if (entry != null && ticker != null && random.nextBoolean()) {
          store.setExpiresAt(entry, expiresAt);
        }
      } else if (op < 50) {
        Long old = store.put(key, v, expiresAt);
        log.inserted.add(v);
        if (old != null) {
          log.replacedByMe.add(old);
        }
      } else if (op < 58) {
        Long old = store.remove(key);
        if (old != null) {
          log.removedByMe.add(old);
        }
      } else if (op < 64) {
        Long seen = store.peek(key);
        if (seen != null && store.remove(key, seen)) {
          log.removedByMe.add(seen);
        }
      } else if (op < 74) {
        if (store.putIfAbsent(key, v, expiresAt) == null) {
          log.inserted.add(v);
        }
      } else if (op < 82) {
        Long old = store.replace(key, v);
        if (old != null) {
          log.inserted.add(v);
          log.replacedByMe.add(old);
        }
      } else if (op < 90) {
        Long seen = store.get(key);
        if (seen != null && store.replace(key, seen, v)) {
          log.inserted.add(v);
          log.replacedByMe.add(seen);
        }
      } else {
        int kind = random.nextInt(3);
        long computedExpiry = expiresAt;
        // The outcome is logged after compute returns, in case a computation were re-run.
        Long[] outcome =
            store.compute(
                key,
                e -> {
                  Long old = e.value();
                  if (kind == 0) {
                    e.setValue(v, computedExpiry);
                    return new Long[] {0L, old};
                  } else if (kind == 1 && old != null) {
                    e.remove();
                    return new Long[] {1L, old};
                  }
                  return new Long[] {2L, old};
                });
        if (outcome[0] == 0) {
          log.inserted.add(v);
          if (outcome[1] != null) {
            log.replacedByMe.add(outcome[1]);
          }
        } else if (outcome[0] == 1) {
          log.removedByMe.add(outcome[1]);
        }
      }
    }
    return log;
  }

  /** put/remove on a key only this thread writes; checks each returned previous value. */
  private static void ownedOp(
      ShardedStore<Integer, Long> store,
      int thread,
      int seq,
      SplittableRandom random,
      Log log,
      long expiresAt) {
    int key = OWNED_BASE + thread * OWNED_KEYS_PER_THREAD + random.nextInt(OWNED_KEYS_PER_THREAD);
    Long last = log.lastOwnedWrite.get(key);
    Long expectedOld = last == null || last < 0 ? null : last;
    Long old;
    if (random.nextInt(3) == 0) {
      old = store.remove(key);
      log.lastOwnedWrite.put(key, -1L);
      if (old != null) {
        log.removedByMe.add(old);
      }
    } else {
      long v = value(thread, seq, key);
      old = store.put(key, v, expiresAt);
      log.inserted.add(v);
      log.lastOwnedWrite.put(key, v);
      if (old != null) {
        log.replacedByMe.add(old);
      }
    }
    if (old == null) {
      if (expectedOld != null) {
        log.ownedMaybeEvicted.add(expectedOld); // only eviction (or expiry) may take it
      }
    } else if (!old.equals(expectedOld)) {
      throw new AssertionError(
          "owned key " + key + ": previous value " + old + " but this thread last wrote " + last);
    }
  }

  @Test
  @Timeout(60)
  void concurrentComputeIncrementsAreNeverLost() throws Exception {
    int keys = 64;
    int perThread = 50_000;
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder()
            .expiring()
            .maximumWeight(1_000_000) // never full: nothing is evicted
            .weigher((k, v) -> 1 + v % 7)
            .shardCount(2)
            .build();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<int[]>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        int[] counts = new int[keys];
        SplittableRandom random = new SplittableRandom(thread);
        for (int i = 0; i < perThread; i++) {
          int key = random.nextInt(keys);
          if (random.nextInt(4) == 0) {
            store.get(key);
            continue;
          }
          store.compute(key, e -> {
            e.setValue(e.isPresent() ? e.value() + 1 : 1);
            return null;
          });
          counts[key]++;
        }
        return counts;
      }));
    }
    int[] total = new int[keys];
    for (Future<int[]> f : futures) {
      int[] counts = f.get(60, TimeUnit.SECONDS);
      for (int k = 0; k < keys; k++) {
        total[k] += counts[k];
      }
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    long expectedWeight = 0;
    for (int k = 0; k < keys; k++) {
      if (total[k] > 0) {
        assertEquals(total[k], store.get(k).intValue(), "lost increments on key " + k);
        expectedWeight += 1 + total[k] % 7;
      }
    }
    assertEquals(expectedWeight, store.weight());
    assertEquals(0, store.stats().evictions());
  }
}
