package io.github.s3fifo.bench.sim;

import io.github.s3fifo.workload.Zipf;
import java.util.SplittableRandom;

/**
 * Traces generated deterministically (fixed seeds), each in its own key range so none shares a
 * key with another by accident. Keys are scrambled (a bijection), so hash-based policies see no
 * pattern in them.
 */
public final class SyntheticTraces {

  private SyntheticTraces() {}

  /** Zipf (skew 1) over 100,000 keys, 1,000,000 requests. */
  public static Trace zipf() {
    Zipf zipf = new Zipf(100_000, 1.0, 11);
    long[] keys = new long[1_000_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(1, zipf.nextRank());
    }
    return new Trace("zipf", "synthetic: Zipf skew 1 over 100,000 keys, 1,000,000 requests",
        keys, null);
  }

  /** A loop over 10,000 keys, 50 times: any cache smaller than the loop is defeated by LRU. */
  public static Trace loop() {
    int length = 10_000;
    long[] keys = new long[length * 50];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(2, i % length);
    }
    return new Trace("loop", "synthetic: a loop over 10,000 keys, 50 rounds", keys, null);
  }

  /**
   * Zipf (skew 1) over 20,000 keys for 300,000 requests, then a one-time scan of 100,000 new
   * keys, then the same Zipf for 300,000 more: a scan-resistant policy keeps the hot set.
   */
  public static Trace zipfWithScan() {
    Zipf zipf = new Zipf(20_000, 1.0, 13);
    int phase = 300_000;
    int scan = 100_000;
    long[] keys = new long[phase + scan + phase];
    int i = 0;
    for (int n = 0; n < phase; n++) {
      keys[i++] = key(3, zipf.nextRank());
    }
    for (int n = 0; n < scan; n++) {
      keys[i++] = key(4, n);
    }
    for (int n = 0; n < phase; n++) {
      keys[i++] = key(3, zipf.nextRank());
    }
    return new Trace("zipf_scan", "synthetic: Zipf skew 1 over 20,000 keys, 300,000 requests;"
        + " a scan of 100,000 new keys; 300,000 more Zipf requests", keys, null);
  }

  /**
   * A phase that rewards recency, then a loop. Phase 1 (400,000 requests): a window of the 4,000
   * newest keys, one new key every 8 requests, the newest the most requested (Zipf skew 1 over
   * age). Phase 2 (400,000 requests): a loop over 6,000 other keys.
   */
  public static Trace phaseShift() {
    int window = 4_000;
    int phase = 400_000;
    int loop = 6_000;
    Zipf age = new Zipf(window, 1.0, 17);
    long[] keys = new long[2 * phase];
    int i = 0;
    for (int n = 0; n < phase; n++) {
      long newest = window + n / 8;
      keys[i++] = key(5, newest - age.nextRank());
    }
    for (int n = 0; n < phase; n++) {
      keys[i++] = key(6, n % loop);
    }
    return new Trace("phase_shift", "synthetic: 400,000 requests to a sliding window of the"
        + " 4,000 newest keys (newest hottest), then 400,000 of a loop over 6,000 keys",
        keys, null);
  }

  /**
   * A weighted trace: Zipf (skew 1) over 50,000 objects, 1,000,000 requests; each object's size
   * is fixed and log-uniform between 64 bytes and 64 KiB, independent of its popularity.
   */
  public static Trace weightedZipf() {
    int objects = 50_000;
    int[] sizeOf = new int[objects];
    SplittableRandom random = new SplittableRandom(19);
    for (int rank = 0; rank < objects; rank++) {
      sizeOf[rank] = (int) Math.round(64 * Math.pow(2, 10 * random.nextDouble()));
    }
    Zipf zipf = new Zipf(objects, 1.0, 23);
    long[] keys = new long[1_000_000];
    int[] sizes = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int rank = zipf.nextRank();
      keys[i] = key(7, rank);
      sizes[i] = sizeOf[rank];
    }
    return new Trace("weighted_zipf", "synthetic: Zipf skew 1 over 50,000 objects of 64 B to"
        + " 64 KiB (log-uniform), 1,000,000 requests; cache bounded in bytes", keys, sizes);
  }

  /** A key in trace {@code space}'s own range: the top byte tells the traces apart. */
  private static long key(int space, long index) {
    return Zipf.scramble(((long) space << 56) | index);
  }
}
