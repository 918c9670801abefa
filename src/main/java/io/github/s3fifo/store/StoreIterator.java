package io.github.s3fifo.store;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks the shards' tables, weakly consistent, yielding snapshots of the live, unexpired
 * mappings (a snapshot cannot turn {@code null} under the caller).
 */
final class StoreIterator<K, V> implements Iterator<StoreEntry<K, V>> {

  private final ShardedStore<K, V> store;
  private final S3FifoShard<K, V>[] shards;
  private int shardIndex;
  private Iterator<Node<K, V>> nodes;
  private StoreEntry<K, V> next;
  private StoreEntry<K, V> last;

  StoreIterator(ShardedStore<K, V> store, S3FifoShard<K, V>[] shards) {
    this.store = store;
    this.shards = shards;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (nodes == null || !nodes.hasNext()) {
        if (shardIndex == shards.length) {
          return false;
        }
        nodes = shards[shardIndex++].table.snapshot().iterator();
        continue;
      }
      Node<K, V> node = nodes.next();
      V value = node.value;
      long expiresAt = node.expiresAt();
      if (value != null
          && (expiresAt == ShardedStore.NEVER || store.ticker().read() - expiresAt < 0)) {
        next = new Snapshot<>(node.key, value, expiresAt, node.weight());
      }
    }
    return true;
  }

  @Override
  public StoreEntry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    last = next;
    next = null;
    return last;
  }

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() has not been called, or remove() already was");
    }
    store.remove(last.getKey());
    last = null;
  }

  private record Snapshot<K, V>(K getKey, V getValue, long getExpiresAt, long getWeight)
      implements StoreEntry<K, V> {}
}
