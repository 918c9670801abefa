package io.github.s3fifo.store;

import java.util.Arrays;

/**
 * How often a key was seen lately, approximately: a count-min sketch of 4 rows of {@code width}
 * 4-bit counters (packed 16 to a {@code long}), fed from the write path only. It lets main refuse
 * a newcomer that is not more popular than what it would evict. Guarded by the shard lock.
 *
 * <p>A fingerprint's counter in row {@code r} is number {@code (fingerprint × SEEDS[r]) >>> (32 −
 * log2 width)}. An increment raises each of its 4 counters that is below 15; when an increment has
 * raised any, it is counted, and after {@code 10 × width} counted increments every counter and
 * the count are halved (rounded down), so popularity fades. The estimate is the least of the 4.
 * Growing the width clears the counters and the count.
 *
 * <p>Memory: {@code width / 2} bytes per row, 2 bytes per counted key at a width equal to the
 * entries (the width is the smallest power of two at least the shard's entries, so 2 to 4 bytes
 * per entry).
 */
final class FrequencySketch {

  /** Odd multipliers, one per row (golden ratio, then MurmurHash3's and xxHash's). */
  static final int[] SEEDS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F};

  static final int MIN_WIDTH = 16;
  static final int MAX_WIDTH = 1 << 26;
  static final int MAX_COUNT = 15;
  static final int SAMPLE_FACTOR = 10;

  private long[] table;
  private int widthBits;
  private int rowLongs;
  private int sampleSize;
  private int additions;

  /** A sketch at least {@code entries} wide. */
  FrequencySketch(long entries) {
    resize(widthFor(entries));
  }

  /** The smallest power of two that is at least {@code entries}, within the bounds. */
  static int widthFor(long entries) {
    long wanted = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, entries));
    return (int) Long.highestOneBit(wanted - 1) << 1;
  }

  int width() {
    return 1 << widthBits;
  }

  /** Widens the sketch (clearing it) if {@code entries} no longer fit its width. */
  void ensureWidth(long entries) {
    if (entries > width() && width() < MAX_WIDTH) {
      resize(widthFor(entries));
    }
  }

  private void resize(int width) {
    widthBits = Integer.numberOfTrailingZeros(width);
    rowLongs = width >>> 4;
    table = new long[4 * rowLongs];
    sampleSize = SAMPLE_FACTOR * width;
    additions = 0;
  }

  void clear() {
    Arrays.fill(table, 0L);
    additions = 0;
  }

  /** The estimated count of the fingerprint, 0 to 15. */
  int frequency(int fingerprint) {
    int min = MAX_COUNT;
    for (int row = 0; row < 4; row++) {
      int index = index(fingerprint, row);
      int count = (int) ((table[slot(row, index)] >>> shift(index)) & 0xF);
      min = Math.min(min, count);
    }
    return min;
  }

  /** Counts one occurrence of the fingerprint. */
  void increment(int fingerprint) {
    boolean added = false;
    for (int row = 0; row < 4; row++) {
      int index = index(fingerprint, row);
      int slot = slot(row, index);
      int shift = shift(index);
      if (((table[slot] >>> shift) & 0xF) < MAX_COUNT) {
        table[slot] += 1L << shift;
        added = true;
      }
    }
    if (added && ++additions >= sampleSize) {
      halve();
    }
  }

  private void halve() {
    for (int i = 0; i < table.length; i++) {
      table[i] = (table[i] >>> 1) & 0x7777_7777_7777_7777L;
    }
    additions >>>= 1;
  }

  private int index(int fingerprint, int row) {
    return (fingerprint * SEEDS[row]) >>> (32 - widthBits);
  }

  private int slot(int row, int index) {
    return row * rowLongs + (index >>> 4);
  }

  private static int shift(int index) {
    return (index & 15) << 2;
  }
}
