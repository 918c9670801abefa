package io.github.s3fifo.bench.sim;

/**
 * A policy variant split into shards as the store splits itself: the shard is picked by the low
 * bits of the key's fingerprint, each shard gets the floor or the ceiling of capacity / shards and
 * its share of the expected entries, and runs the variant on its own (its own queues, ghost,
 * sketch and adaptive share). With {@code shards=auto} the count is the store's default: four per
 * processor, at most 8, halved while a shard would expect fewer than 512 entries.
 */
final class ShardedVariant implements Policy {

  private final VariantPolicy[] shards;

  ShardedVariant(VariantPolicy.Config config, long capacity, long expectedEntries, int count) {
    shards = new VariantPolicy[count];
    for (int i = 0; i < count; i++) {
      long share = capacity / count + (i < capacity % count ? 1 : 0);
      shards[i] = new VariantPolicy(config, share, Math.max(1, expectedEntries / count));
    }
  }

  /** The store's default shard count for this many expected entries. */
  static int defaultCount(long expectedEntries) {
    long wanted = 4L * Runtime.getRuntime().availableProcessors();
    int count = (int) Math.min(8, wanted <= 1 ? 1 : Long.highestOneBit(wanted - 1) << 1);
    while (count > 1 && expectedEntries / count < 512) {
      count >>= 1;
    }
    return count;
  }

  @Override
  public boolean access(long key, int size) {
    return shards[VariantPolicy.fingerprint(key) & (shards.length - 1)].access(key, size);
  }

  @Override
  public String detail() {
    return "shards=" + shards.length;
  }
}
