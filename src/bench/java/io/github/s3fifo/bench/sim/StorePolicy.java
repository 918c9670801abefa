package io.github.s3fifo.bench.sim;

import io.github.s3fifo.store.ShardedStore;

/**
 * Our {@link ShardedStore} as it is: a unit weigher (bounded in entries) for an unweighted
 * trace, the object's size as its weight (bounded in bytes) for a weighted one.
 */
final class StorePolicy implements Policy {

  private final ShardedStore<Long, Integer> store;

  /**
   * @param capacity entries, or size units for a weighted trace
   * @param weighted whether to weigh entries by size
   * @param expectedEntries the store's hint for the entries at capacity (sizes its ghost)
   * @param shardCount the shard count hint; 0 lets the store choose
   */
  StorePolicy(long capacity, boolean weighted, long expectedEntries, int shardCount) {
    ShardedStore.Builder<Long, Integer> builder = ShardedStore.builder();
    if (weighted) {
      builder.maximumWeight(capacity).weigher((key, size) -> size);
    } else {
      builder.maximumSize(capacity);
    }
    store = builder.expectedEntries(expectedEntries).shardCount(shardCount).build();
  }

  @Override
  public boolean access(long key, int size) {
    Long boxed = key;
    if (store.get(boxed) != null) {
      return true;
    }
    store.put(boxed, size);
    return false;
  }

  @Override
  public String detail() {
    return "shards=" + store.shardCount();
  }

  @Override
  public void close() {
    store.clear();
  }
}
