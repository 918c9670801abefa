package io.github.s3fifo.store;

/**
 * A read-only view of a mapping in a {@link ShardedStore}. The view is live: its value is the
 * mapping's current one, or {@code null} once the mapping has been removed.
 */
public interface StoreEntry<K, V> {

  K getKey();

  /** The current value, or {@code null} if the mapping has since been removed. */
  V getValue();

  /** The ticker time at which the mapping expires, or {@link ShardedStore#NEVER}. */
  long getExpiresAt();

  /** The mapping's weight. */
  long getWeight();
}
