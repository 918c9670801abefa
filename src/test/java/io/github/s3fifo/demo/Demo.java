package io.github.s3fifo.demo;

import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.workload.Zipf;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays a synthetic workload through the cache and prints what happened: a Zipf-distributed
 * (skew 1) read-through workload over byte arrays of mixed sizes in a cache bounded in bytes, with
 * a one-time scan of never-seen keys in the middle. A scan-resistant cache keeps its hit ratio
 * after the scan. Run with {@code mvn -q -B test-compile exec:java}; it takes a few seconds.
 *
 * <p>Throughput here is one thread's cache-aside loop (a get, and a put on each miss) and
 * includes making the missed values; it is a demonstration, not a benchmark (see the JMH
 * benchmark for those numbers).
 */
public final class Demo {

  static final int DISTINCT_KEYS = 200_000;
  static final double SKEW = 1.0;
  static final long CAPACITY_BYTES = 16L << 20;
  static final int WARM_UP = 500_000;
  static final int PHASE = 1_000_000;
  static final int SCAN = 200_000;
  static final long SEED = 20240601L;
  static final int MIN_VALUE_BYTES = 64;
  static final int MAX_VALUE_BYTES = 4_096;

  private Demo() {}

  public static void main(String[] args) {
    // The ghost queue is sized from the entries expected at capacity: bytes over the mean value size.
    long expectedEntries = CAPACITY_BYTES / ((MIN_VALUE_BYTES + MAX_VALUE_BYTES) / 2);
    try (DemoCache<Long, byte[]> cache = openCache(CAPACITY_BYTES, expectedEntries)) {
      run(cache, System.out);
    }
  }

  /**
   * The cache under demonstration, obtained through {@code Caching.getCachingProvider()} and
   * bounded in serialized bytes. ({@code expectedEntries} sizes the store's ghost when the demo
   * runs on a bare {@link StoreDemoCache}; the JCache cache sizes its ghost from what it holds.)
   */
  static DemoCache<Long, byte[]> openCache(long capacityBytes, long expectedEntries) {
    return new JCacheDemoCache(capacityBytes);
  }

  /** The same workload straight on the store, weighing each value by its length. */
  static DemoCache<Long, byte[]> openStore(long capacityBytes, long expectedEntries) {
    ShardedStore<Long, byte[]> store = ShardedStore.<Long, byte[]>builder()
        .maximumWeight(capacityBytes)
        .weigher((key, value) -> value.length)
        .expectedEntries(expectedEntries)
        .build();
    return new StoreDemoCache<>(store);
  }

  /**
   * Replays the workload through the cache, printing a line per phase and a summary.
   *
   * @return what each phase gave, in order
   */
  static List<Phase> run(DemoCache<Long, byte[]> cache, PrintStream out) {
    Zipf zipf = new Zipf(DISTINCT_KEYS, SKEW, SEED);
    out.printf(Locale.ROOT,
        "Workload: Zipf (skew %.1f) over %,d keys, values of %,d..%,d bytes, cache-aside;%n"
            + "cache bounded at %,d bytes; a one-time scan of %,d new keys between two phases.%n%n",
        SKEW, DISTINCT_KEYS, MIN_VALUE_BYTES, MAX_VALUE_BYTES, CAPACITY_BYTES, SCAN);
    out.println("| phase | requests | hit ratio | ops/s (1 thread) |");
    out.println("|---|---:|---:|---:|");
    List<Phase> phases = new ArrayList<>();
    phases.add(phase(cache, "warm-up", WARM_UP, i -> Zipf.scramble(zipf.nextRank())));
    phases.add(phase(cache, "before the scan", PHASE, i -> Zipf.scramble(zipf.nextRank())));
    // Scan keys are ranks past the Zipf range: never requested before or again.
    phases.add(phase(cache, "during the scan", SCAN, i -> Zipf.scramble(DISTINCT_KEYS + i)));
    phases.add(phase(cache, "after the scan", PHASE, i -> Zipf.scramble(zipf.nextRank())));
    long requests = 0;
    double seconds = 0;
    for (Phase phase : phases) {
      out.printf(Locale.ROOT, "| %s | %,d | %.2f%% | %,.0f |%n", phase.name(), phase.requests(),
          phase.hitRatio(), phase.requests() / phase.seconds());
      requests += phase.requests();
      seconds += phase.seconds();
    }

    DemoCache.Snapshot snapshot = cache.snapshot();
    out.printf(Locale.ROOT, "%nTotal: %,d requests in %.2f s (%,.0f ops/s)%n", requests,
        seconds, requests / seconds);
    out.printf(Locale.ROOT,
        "Cache: %,d entries, weight %,d of %,d bytes (%.1f%%), %,d evictions, %d shards%n",
        snapshot.entries(), snapshot.weight(), snapshot.capacity(),
        100.0 * snapshot.weight() / snapshot.capacity(), snapshot.evictions(), snapshot.shards());
    return phases;
  }

  /** Runs one phase of cache-aside requests: a get, and a put of a new value on a miss. */
  private static Phase phase(DemoCache<Long, byte[]> cache, String name, int requests,
      KeySource keys) {
    long hits = 0;
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      Long key = keys.key(i);
      if (cache.get(key) != null) {
        hits++;
      } else {
        cache.put(key, valueFor(key));
      }
    }
    return new Phase(name, requests, hits, (System.nanoTime() - start) / 1e9);
  }

  /**
   * What one phase of the workload gave.
   *
   * @param name the phase
   * @param requests its requests
   * @param hits those that hit
   * @param seconds its wall time
   */
  record Phase(String name, long requests, long hits, double seconds) {
    double hitRatio() {
      return 100.0 * hits / requests;
    }
  }

  /** The value "loaded" for a key: its size (64 to 4,096 bytes) is a function of the key. */
  static byte[] valueFor(long key) {
    int size = MIN_VALUE_BYTES
        + (int) Long.remainderUnsigned(Zipf.scramble(key), MAX_VALUE_BYTES - MIN_VALUE_BYTES + 1);
    return new byte[size];
  }

  @FunctionalInterface
  private interface KeySource {
    long key(int index);
  }
}
