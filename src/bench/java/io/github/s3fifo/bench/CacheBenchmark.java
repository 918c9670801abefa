package io.github.s3fifo.bench;

import io.github.s3fifo.workload.Zipf;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of get-only, 75% get / 25% put and put-only over Zipf-distributed keys (skew 1,
 * 2^20 distinct keys) in a cache of 2^17 entries (an eighth). Every cache starts holding the same
 * 2^17 most frequent keys (put coldest first), so all start from the same content and about 86%
 * of the reads hit; the puts of the mixed and put-only benchmarks then drive each cache's own
 * eviction. Keys are boxed {@code Long}s drawn ahead of time, so neither generating nor boxing
 * them is measured; each key has one value object, a {@code Long} or, for the store-by-value
 * targets, a {@link BenchValue} that every provider must copy by serialization.
 *
 * <p>Run it through {@link BenchMain}, which runs 1 and 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CacheBenchmark {

  static final int DISTINCT_KEYS = 1 << 20;
  static final int MAXIMUM_SIZE = 1 << 17;
  static final int SAMPLES = 1 << 22;
  static final int MASK = SAMPLES - 1;
  static final double SKEW = 1.0;
  static final long SEED = 1;

  @Param({"s3fifo", "caffeine", "chm",
      "ref-s3fifo", "ref-caffeine", "ref-ehcache", "ref-cache2k",
      "val-s3fifo", "val-caffeine", "val-ehcache", "val-cache2k"})
  public String target;

  Long[] keys;
  Object[] values;
  BenchCache<Long, Object> cache;

  @Setup(Level.Trial)
  public void setUp() {
    Target chosen = Target.of(target);
    Long[] keyByRank = new Long[DISTINCT_KEYS];
    Object[] valueByRank = new Object[DISTINCT_KEYS];
    for (int rank = 0; rank < DISTINCT_KEYS; rank++) {
      keyByRank[rank] = Zipf.scramble(rank);
      valueByRank[rank] = chosen.isByValue()
          ? new BenchValue(keyByRank[rank], 1) : keyByRank[rank];
    }
    Zipf zipf = new Zipf(DISTINCT_KEYS, SKEW, SEED);
    keys = new Long[SAMPLES];
    values = new Object[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      int rank = zipf.nextRank();
      keys[i] = keyByRank[rank];
      values[i] = valueByRank[rank];
    }
    cache = chosen.create(MAXIMUM_SIZE);
    for (int rank = MAXIMUM_SIZE - 1; rank >= 0; rank--) {
      cache.put(keyByRank[rank], valueByRank[rank]);
    }
    cache.settle();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
  }

  /** Each thread walks the shared key sequence from its own starting point. */
  @State(Scope.Thread)
  public static class Cursor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    int index;

    @Setup(Level.Trial)
    public void setUp() {
      index = (int) Zipf.scramble(THREADS.getAndIncrement()) & MASK;
    }
  }

  @Benchmark
  public Object get(Cursor cursor) {
    return cache.get(keys[cursor.index++ & MASK]);
  }

  /** Every fourth operation of a thread is a put, the others are gets. */
  @Benchmark
  public Object getPut(Cursor cursor) {
    int i = cursor.index++ & MASK;
    if ((i & 3) == 0) {
      cache.put(keys[i], values[i]);
      return values[i];
    }
    return cache.get(keys[i]);
  }

  @Benchmark
  public Object put(Cursor cursor) {
    int i = cursor.index++ & MASK;
    cache.put(keys[i], values[i]);
    return values[i];
  }
}
