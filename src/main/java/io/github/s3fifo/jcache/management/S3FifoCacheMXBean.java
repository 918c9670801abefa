package io.github.s3fifo.jcache.management;

/**
 * What a cache's store holds and how its policy is doing: what JCache's own MXBeans lack. Also the
 * typed API of a cache, {@code cache.unwrap(S3FifoCacheMXBean.class)}. Registered with management
 * under {@code io.github.s3fifo:type=CacheStore,CacheManager=<uri>,Cache=<name>}.
 */
public interface S3FifoCacheMXBean {

  /** Resident entries (expired ones not yet reclaimed included). */
  long getEntryCount();

  /** The summed weight of the resident entries: bytes for a by-value cache without weigher. */
  long getWeight();

  /** The bound on {@link #getWeight()}; {@code Long.MAX_VALUE} when unbounded. */
  long getMaximumWeight();

  int getShardCount();

  /** Each shard's resident weight. */
  long[] getShardWeights();

  /**
   * The heaviest shard's weight over the mean shard weight: 1.0 is perfectly even; a high value
   * means a few keys (or a poor hash) crowd one shard, which then evicts early.
   */
  double getShardWeightSkew();

  /** Entries evicted to respect the bound. */
  long getEvictions();

  long getEvictedWeight();

  /** Entries removed because they expired. */
  long getExpirations();

  /** Inserts of keys the ghost remembered as recently evicted, admitted straight to main. */
  long getGhostHits();
}
