package io.github.s3fifo.demo;

/**
 * What the demo needs of a cache. The demo talks to the store through this, so going through
 * {@code Caching.getCachingProvider()} later means one more implementation and a one-line change
 * in {@link Demo#openCache}.
 */
interface DemoCache<K, V> extends AutoCloseable {

  /** Returns the cached value or {@code null}. */
  V get(K key);

  void put(K key, V value);

  /** Counters and sizes as of now. */
  Snapshot snapshot();

  @Override
  void close();

  /**
   * @param entries resident mappings
   * @param weight their summed weight (bytes here)
   * @param capacity the weight bound
   * @param evictions mappings evicted to respect the bound so far
   * @param shards the store's shard count
   */
  record Snapshot(long entries, long weight, long capacity, long evictions, int shards) {}
}
