package io.github.s3fifo.bench.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sequence of requests: keys, and for a weighted trace the size of each requested object (the
 * cache is then bounded in those units, bytes by convention).
 */
public final class Trace {

  private final String name;
  private final String origin;
  private final long[] keys;
  private final int[] sizes;
  private final int distinctKeys;
  private final long distinctSize;

  /**
   * @param name a short name, used in reports
   * @param origin where the trace comes from (a file, or how it was generated)
   * @param keys the requested keys in order
   * @param sizes the size of each request's object (same length as keys), or {@code null} when
   *     every object counts as one
   */
  public Trace(String name, String origin, long[] keys, int[] sizes) {
    this.name = Objects.requireNonNull(name);
    this.origin = Objects.requireNonNull(origin);
    this.keys = Objects.requireNonNull(keys);
    if (sizes != null && sizes.length != keys.length) {
      throw new IllegalArgumentException(
          "sizes has " + sizes.length + " elements for " + keys.length + " keys");
    }
    this.sizes = sizes;
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    this.distinctKeys = distinct;
    this.distinctSize = sizes == null ? distinct : sizeOfDistinct(keys, sizes);
  }

  /** The summed size of the distinct objects, taking each key's first size. */
  private static long sizeOfDistinct(long[] keys, int[] sizes) {
    java.util.HashSet<Long> seen = new java.util.HashSet<>();
    long total = 0;
    for (int i = 0; i < keys.length; i++) {
      if (seen.add(keys[i])) {
        total += sizes[i];
      }
    }
    return total;
  }

  public String name() {
    return name;
  }

  public String origin() {
    return origin;
  }

  public int requests() {
    return keys.length;
  }

  public long key(int i) {
    return keys[i];
  }

  /** The size of request {@code i}'s object: 1 for an unweighted trace. */
  public int size(int i) {
    return sizes == null ? 1 : sizes[i];
  }

  public boolean weighted() {
    return sizes != null;
  }

  public int distinctKeys() {
    return distinctKeys;
  }

  /** The summed size of the distinct objects (their count for an unweighted trace). */
  public long distinctSize() {
    return distinctSize;
  }

  /** The mean size of a distinct object (1 for an unweighted trace). */
  public double meanObjectSize() {
    return (double) distinctSize / Math.max(1, distinctKeys);
  }
}
