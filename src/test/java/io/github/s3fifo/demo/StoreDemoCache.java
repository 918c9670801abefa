package io.github.s3fifo.demo;

import io.github.s3fifo.store.ShardedStore;

/** The demo's cache straight over a {@link ShardedStore}. */
final class StoreDemoCache<K, V> implements DemoCache<K, V> {

  private final ShardedStore<K, V> store;

  StoreDemoCache(ShardedStore<K, V> store) {
    this.store = store;
  }

  @Override
  public V get(K key) {
    return store.get(key);
  }

  @Override
  public void put(K key, V value) {
    store.put(key, value);
  }

  @Override
  public Snapshot snapshot() {
    return new Snapshot(store.size(), store.weight(), store.capacity(), store.stats().evictions(),
        store.shardCount());
  }

  @Override
  public void close() {
    store.clear();
  }
}
