package io.github.s3fifo.store;

/** How many shards a store gets, and how its capacity is split among them. */
final class ShardSizing {

  /**
   * The fewest entries a shard should be able to hold. Below a few hundred entries a shard's
   * small queue and ghost are too short to tell one-hit wonders from the working set, and the hit
   * ratio drops; reads are lock-free anyway, so extra shards only buy write parallelism.
   */
  static final long MIN_SHARD_ENTRIES = 512;

  /** Without a hint of the entry count, a weighted store assumes entries of at least this weight. */
  static final long ASSUMED_MIN_ENTRY_WEIGHT = 128;

  private ShardSizing() {}

  /**
   * A power of two in [1, {@link ShardedStore#MAX_SHARDS}]: the hint (or four per processor),
   * lowered until each shard can hold {@link #MIN_SHARD_ENTRIES} entries.
   */
  static int shardCount(int hint, long capacity, Weigher<?, ?> weigher, long expectedEntries) {
    long wanted = hint > 0 ? hint : 4L * Runtime.getRuntime().availableProcessors();
    long count = ceilPowerOfTwo(Math.min(wanted, ShardedStore.MAX_SHARDS));
    long entries;
    if (expectedEntries > 0) {
      entries = expectedEntries;
    } else if (capacity == Long.MAX_VALUE) {
      entries = Long.MAX_VALUE;
    } else if (weigher == Weigher.unit()) {
      entries = capacity;
    } else {
      entries = capacity / ASSUMED_MIN_ENTRY_WEIGHT;
    }
    while (count > 1 && entries / count < MIN_SHARD_ENTRIES) {
      count >>= 1;
    }
    return (int) count;
  }

  /**
   * Shard {@code index}'s share of the capacity: the floor or the ceiling of capacity / count,
   * so that the shares add up to exactly the capacity and the whole store never exceeds it.
   */
  static long shareOf(long capacity, int count, int index) {
    if (capacity == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long base = capacity / count;
    return index < capacity % count ? base + 1 : base;
  }

  private static long ceilPowerOfTwo(long n) {
    return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
  }
}
