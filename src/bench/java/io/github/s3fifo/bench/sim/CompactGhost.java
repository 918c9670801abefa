package io.github.s3fifo.bench.sim;

/**
 * A ghost of fingerprints in one {@code int} per slot, for the {@code gcompact} variant: what a
 * long ghost would cost the store if it did not keep a FIFO ring and a table of counts.
 *
 * <p>The ghost remembers the last {@code horizon} additions (approximately). Slots form buckets of
 * {@value #WAYS}; a fingerprint's bucket is picked by multiply-shift of the fingerprint times
 * 0x9E3779B9 (so any number of buckets), and its slot holds a 20-bit
 * tag (fingerprint bits 8 to 27, never 0) and a 12-bit stamp: the addition count at the time, in
 * units of {@code 2^shift} additions (the horizon spans about 2^10 units), modulo 2^12. A record is live while its age is at most the
 * horizon. Adding a fingerprint refreshes its own slot if its bucket has one, else takes the
 * bucket's empty or oldest slot (so a crowded bucket forgets its oldest a little early). A lookup
 * hit clears the slot. A fingerprint never added matches a live tag in its bucket with probability
 * at most {@value #WAYS} / 2^20 per lookup. A stamp wraps after about four horizons; a
 * slot that old is long expired and, being its bucket's oldest, is reused first.
 */
final class CompactGhost {

  static final int WAYS = 8;

  private int[] slots;
  private long buckets;
  private int shift;
  private long horizon;
  private long added;

  /** A ghost for {@code horizon} additions in about {@code slack × horizon} slots. */
  CompactGhost(long horizon, double slack) {
    resize(horizon, slack);
  }

  /** Bytes of the table: the per-record cost is {@code bytes() / horizon}. */
  long bytes() {
    return 4L * slots.length;
  }

  /** Sizes for a new horizon when it has outgrown the table (forgetting everything). */
  void ensureHorizon(long newHorizon, double slack) {
    if (newHorizon > horizon) {
      // At least by half, as the store grows it: a growing cache then reallocates O(log) times.
      resize(Math.max(newHorizon, horizon + (horizon >>> 1)), slack);
    }
  }

  private void resize(long newHorizon, double slack) {
    this.horizon = Math.max(16, newHorizon);
    this.buckets = Math.max(1, (long) Math.ceil(horizon * slack / WAYS));
    this.slots = new int[Math.toIntExact(buckets * WAYS)];
    // Stamps count in units of 2^shift additions, so that the horizon spans about 2^10 units
    // and a stamp wraps only after about 4 horizons.
    this.shift = Math.max(0, 64 - Long.numberOfLeadingZeros(horizon) - 10);
  }

  private int bucket(int fingerprint) {
    // Mixed first, so that the bucket depends on every bit of the fingerprint, not only on the
    // top bits that the tag could then repeat.
    int mixed = fingerprint * 0x9E3779B9;
    return (int) (((mixed & 0xFFFF_FFFFL) * buckets) >>> 32) * WAYS;
  }

  private static int tag(int fingerprint) {
    // Bits 8..27: in the store the lowest bits choose the shard, the same for all its keys.
    int tag = (fingerprint >>> 8) & 0xF_FFFF;
    return tag == 0 ? 1 : tag;
  }

  private int now() {
    return (int) (added >>> shift) & 0xFFF;
  }

  /** The age of a slot in additions (rounded to stamp units), or max for an empty slot. */
  private long age(int slot) {
    if (slot == 0) {
      return Long.MAX_VALUE;
    }
    return (long) ((now() - (slot & 0xFFF)) & 0xFFF) << shift;
  }

  void add(int fingerprint) {
    int base = bucket(fingerprint);
    int tag = tag(fingerprint);
    int target = -1;
    long oldest = -1;
    for (int i = base; i < base + WAYS; i++) {
      if (slots[i] != 0 && (slots[i] >>> 12) == tag) {
        target = i;
        break;
      }
      long age = age(slots[i]);
      if (age > oldest) {
        oldest = age;
        target = i;
      }
    }
    slots[target] = (tag << 12) | now();
    added++;
  }

  /** If the fingerprint has a live record, forgets it and returns true. */
  boolean consume(int fingerprint) {
    int base = bucket(fingerprint);
    int tag = tag(fingerprint);
    for (int i = base; i < base + WAYS; i++) {
      if (slots[i] != 0 && (slots[i] >>> 12) == tag) {
        boolean live = age(slots[i]) <= horizon;
        slots[i] = 0;
        return live;
      }
    }
    return false;
  }
}
