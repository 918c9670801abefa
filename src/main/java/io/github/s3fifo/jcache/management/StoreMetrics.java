package io.github.s3fifo.jcache.management;

import io.github.s3fifo.store.ShardedStore;
import java.util.Objects;

/** {@link S3FifoCacheMXBean} read live from a {@link ShardedStore}. */
public final class StoreMetrics implements S3FifoCacheMXBean {

  private final ShardedStore<?, ?> store;

  public StoreMetrics(ShardedStore<?, ?> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public long getEntryCount() {
    return store.size();
  }

  @Override
  public long getWeight() {
    return store.weight();
  }

  @Override
  public long getMaximumWeight() {
    return store.capacity();
  }

  @Override
  public int getShardCount() {
    return store.shardCount();
  }

  @Override
  public long[] getShardWeights() {
    return store.shardWeights();
  }

  @Override
  public double getShardWeightSkew() {
    long[] weights = store.shardWeights();
    long total = 0;
    long max = 0;
    for (long weight : weights) {
      total += weight;
      max = Math.max(max, weight);
    }
    return total == 0 ? 1.0 : max / ((double) total / weights.length);
  }

  @Override
  public long getEvictions() {
    return store.stats().evictions();
  }

  @Override
  public long getEvictedWeight() {
    return store.stats().evictedWeight();
  }

  @Override
  public long getExpirations() {
    return store.stats().expirations();
  }

  @Override
  public long getGhostHits() {
    return store.stats().ghostHits();
  }
}
