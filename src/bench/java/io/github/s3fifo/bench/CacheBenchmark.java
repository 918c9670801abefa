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
 * 2^20 distinct keys) in a cache of 2^17 entries (an eighth), prefilled by replaying the key
 * sequence once. Keys are boxed {@code Long}s drawn ahead of time, so neither generating nor
 * boxing them is measured. Run it through {@link BenchMain}, which runs 1 and 2 threads.
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

  @Param({"s3fifo", "caffeine", "chm"})
  public String target;

  Long[] keys;
  BenchCache<Long, Long> cache;

  @Setup(Level.Trial)
  public void setUp() {
    keys = zipfKeys();
    cache = Target.of(target).create(MAXIMUM_SIZE);
    for (Long key : keys) {
      cache.put(key, key);
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
  public Long get(Cursor cursor) {
    return cache.get(keys[cursor.index++ & MASK]);
  }

  /** Every fourth operation of a thread is a put, the others are gets. */
  @Benchmark
  public Long getPut(Cursor cursor) {
    int i = cursor.index++;
    Long key = keys[i & MASK];
    if ((i & 3) == 0) {
      cache.put(key, key);
      return key;
    }
    return cache.get(key);
  }

  @Benchmark
  public Long put(Cursor cursor) {
    Long key = keys[cursor.index++ & MASK];
    cache.put(key, key);
    return key;
  }

  /** The key sequence: Zipf ranks mapped to scrambled keys, one {@code Long} per distinct key. */
  static Long[] zipfKeys() {
    Long[] byRank = new Long[DISTINCT_KEYS];
    for (int rank = 0; rank < DISTINCT_KEYS; rank++) {
      byRank[rank] = Zipf.scramble(rank);
    }
    Zipf zipf = new Zipf(DISTINCT_KEYS, SKEW, SEED);
    Long[] keys = new Long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      keys[i] = byRank[zipf.nextRank()];
    }
    return keys;
  }
}
