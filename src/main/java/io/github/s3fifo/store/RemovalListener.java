package io.github.s3fifo.store;

/**
 * Told of every mapping that leaves the store. It is never called while a shard lock is held; it
 * may be called on the thread whose write caused the removal, while that thread holds the key it
 * was writing.
 */
@FunctionalInterface
public interface RemovalListener<K, V> {

  /** Called once for each removed or replaced mapping, with the value it held. */
  void onRemoval(K key, V value, RemovalCause cause);
}
