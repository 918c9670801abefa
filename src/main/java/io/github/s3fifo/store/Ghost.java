package io.github.s3fifo.store;

/**
 * The ghost: which fingerprints were evicted from small within the last {@code H} evictions to
 * it (the horizon), in one {@code int} per remembered key and never the key itself. Guarded by
 * the shard lock. The rules are the policy text's (package-info); in short:
 *
 * <ul>
 *   <li>Slots come in buckets of {@value #WAYS}; a fingerprint's bucket is chosen from all its
 *       bits, and its slot holds a 20-bit tag (bits 8 to 27: a shard's fingerprints share their
 *       low bits) and a 12-bit stamp of the addition count, in units of {@code 2^shift}
 *       additions so that the horizon spans about 2^10 units.
 *   <li>Adding refreshes the fingerprint's own slot, or else takes its bucket's empty or oldest
 *       slot. Asking clears the fingerprint's slot and says whether it was at most {@code H} old.
 * </ul>
 *
 * <p>Unlike a FIFO with a count per fingerprint, a key that keeps coming back is remembered
 * from its latest eviction, not forgotten when an older record of it falls off the end.
 *
 * <p>The table (4 bytes × 1.25 × {@code H}) is kept in pages of {@value #PAGE_BUCKETS} buckets,
 * each made when a fingerprint is first added to it: a shard that has evicted a little holds a
 * little of it, and only one that has evicted about as many keys as it has pages holds it all.
 * An absent page is a page of empty slots, so paging changes nothing of what the ghost says.
 */
final class Ghost {

  static final int WAYS = 8;
  private static final int TAG_BITS = 20;
  private static final int STAMP_BITS = 12;
  private static final int STAMP_MASK = (1 << STAMP_BITS) - 1;
  private static final int SPREAD = 0x9E3779B9;
  static final int PAGE_BUCKETS = 64;
  private static final int PAGE_SLOTS = PAGE_BUCKETS * WAYS;

  private long horizon;
  /** Pages of {@link #PAGE_SLOTS} slots, each null until a fingerprint is added to it. */
  private int[][] pages;
  private long buckets;
  private int shift;
  private long added;

  Ghost(long horizon) {
    setHorizon(Math.max(16, horizon));
  }

  private void setHorizon(long newHorizon) {
    horizon = newHorizon;
    buckets = (5 * newHorizon + 31) / 32; // ceil(1.25 × H / WAYS)
    int bits = 64 - Long.numberOfLeadingZeros(newHorizon);
    shift = Math.max(0, bits - 10);
    pages = null;
  }

  /**
   * Remembers a fingerprint evicted from small, the shard then holding {@code liveEntries}.
   * A horizon below {@value S3FifoShard#GHOST_HORIZON} times the live entries first grows to
   * that, at least by half, and forgets what it held (the count of additions carries on).
   */
  void add(int fingerprint, long liveEntries) {
    long wanted = S3FifoShard.GHOST_HORIZON * liveEntries;
    if (wanted > horizon) {
      setHorizon(Math.max(wanted, horizon + (horizon >>> 1)));
    }
    if (pages == null) {
      pages = new int[pageCount()][];
    }
    int bucket = bucketOf(fingerprint);
    int[] slots = pages[bucket / PAGE_BUCKETS];
    if (slots == null) {
      slots = pages[bucket / PAGE_BUCKETS] = new int[PAGE_SLOTS];
    }
    int base = bucket % PAGE_BUCKETS * WAYS;
    int tag = tagOf(fingerprint);
    int target = base;
    long oldest = -1;
    for (int i = base; i < base + WAYS; i++) {
      int slot = slots[i];
      if (slot != 0 && slot >>> STAMP_BITS == tag) {
        target = i;
        break;
      }
      long age = ageOf(slot);
      if (age > oldest) {
        oldest = age;
        target = i;
      }
    }
    slots[target] = tag << STAMP_BITS | stamp();
    added++;
  }

  /** If the fingerprint's slot is there, clears it; true if it was at most the horizon old. */
  boolean consume(int fingerprint) {
    if (pages == null) {
      return false;
    }
    int bucket = bucketOf(fingerprint);
    int[] slots = pages[bucket / PAGE_BUCKETS];
    if (slots == null) {
      return false;
    }
    int base = bucket % PAGE_BUCKETS * WAYS;
    int tag = tagOf(fingerprint);
    for (int i = base; i < base + WAYS; i++) {
      int slot = slots[i];
      if (slot != 0 && slot >>> STAMP_BITS == tag) {
        slots[i] = 0;
        return ageOf(slot) <= horizon;
      }
    }
    return false;
  }

  void clear() {
    pages = null;
    added = 0;
  }

  /** How many pages have been made (for tests and diagnostics). */
  int pagesMade() {
    int made = 0;
    if (pages != null) {
      for (int[] page : pages) {
        made += page == null ? 0 : 1;
      }
    }
    return made;
  }

  /** How many pages the whole table has. */
  int pageCount() {
    return (int) ((buckets + PAGE_BUCKETS - 1) / PAGE_BUCKETS);
  }

  private int bucketOf(int fingerprint) {
    long mixed = (fingerprint * SPREAD) & 0xFFFF_FFFFL;
    return (int) ((mixed * buckets) >>> 32);
  }

  private static int tagOf(int fingerprint) {
    int tag = (fingerprint >>> 8) & ((1 << TAG_BITS) - 1);
    return tag == 0 ? 1 : tag;
  }

  private int stamp() {
    return (int) (added >>> shift) & STAMP_MASK;
  }

  /** A slot's age in additions (to a stamp unit), or the greatest for an empty slot. */
  private long ageOf(int slot) {
    if (slot == 0) {
      return Long.MAX_VALUE;
    }
    return (long) ((stamp() - (slot & STAMP_MASK)) & STAMP_MASK) << shift;
  }
}
