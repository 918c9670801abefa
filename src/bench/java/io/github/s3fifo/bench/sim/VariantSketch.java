package io.github.s3fifo.bench.sim;

/**
 * A count-min sketch of 4-bit counters (depth 4) for the policy variants: a row is {@code width}
 * counters packed 16 to a {@code long}; a key's counter in row {@code i} is picked by the top
 * bits of its fingerprint times an odd constant. Every {@code sample × width} increments all counters
 * are halved, so old popularity fades. With the defaults it is the store's FrequencySketch.
 */
final class VariantSketch {

  private static final int[] SEEDS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F};

  private long[] table;
  private int widthBits;
  private int rowLongs;
  private int sampleSize;
  private final boolean conservative;
  private final double widthFactor;
  private final double sample;
  private int additions;

  VariantSketch(long entries, double widthFactor, boolean conservative, double sample) {
    this.conservative = conservative;
    this.widthFactor = widthFactor;
    this.sample = sample;
    resize(entries);
  }

  private void resize(long entries) {
    long wanted = Math.max(16, Math.round(entries * widthFactor));
    int bits = 64 - Long.numberOfLeadingZeros(wanted - 1);
    this.widthBits = Math.min(26, Math.max(4, bits));
    int width = 1 << widthBits;
    this.rowLongs = width >>> 4;
    this.table = new long[4 * rowLongs];
    this.sampleSize = (int) Math.round(sample * width);
    this.additions = 0;
  }

  /** As the store's sketch: widens (clearing) when the entries outgrow its width. */
  void ensureWidth(long entries) {
    int width = 1 << widthBits;
    if (Math.round(entries * widthFactor) > width && widthBits < 26) {
      resize(entries);
    }
  }

  long bytes() {
    return 8L * table.length;
  }

  private int index(int fingerprint, int row) {
    return (fingerprint * SEEDS[row]) >>> (32 - widthBits);
  }

  private int counter(int row, int index) {
    long word = table[row * rowLongs + (index >>> 4)];
    return (int) ((word >>> ((index & 15) << 2)) & 0xF);
  }

  int frequency(int fingerprint) {
    int min = 15;
    for (int row = 0; row < 4; row++) {
      min = Math.min(min, counter(row, index(fingerprint, row)));
    }
    return min;
  }

  void increment(int fingerprint) {
    int min = conservative ? frequency(fingerprint) : -1;
    boolean added = false;
    for (int row = 0; row < 4; row++) {
      int index = index(fingerprint, row);
      int c = counter(row, index);
      if (c < 15 && (!conservative || c == min)) {
        table[row * rowLongs + (index >>> 4)] += 1L << ((index & 15) << 2);
        added = true;
      }
    }
    if (added && ++additions >= sampleSize) {
      for (int i = 0; i < table.length; i++) {
        table[i] = (table[i] >>> 1) & 0x7777_7777_7777_7777L;
      }
      additions /= 2;
    }
  }
}
