package io.github.s3fifo.store;

/**
 * The mapping of one key as seen inside {@link ShardedStore#compute}. Changes are applied when the
 * computation returns normally; if it throws, the store is left as it was.
 */
public interface EditableEntry<K, V> {

  K key();

  /** True if the key has a live (present, unexpired) mapping. */
  boolean isPresent();

  /** The live value, or {@code null} when absent. Reflects changes made in this computation. */
  V value();

  /** The live mapping's expiry time, {@link ShardedStore#NEVER} if none or absent. */
  long expiresAt();

  /** The ticker time read once when the computation started. */
  long now();

  /** Sets the value, keeping the current expiry time when present ({@code NEVER} when absent). */
  void setValue(V value);

  /** Sets the value and its expiry time. */
  void setValue(V value, long expiresAt);

  /** Changes the expiry time of a present mapping; ignored when absent. */
  void setExpiresAt(long expiresAt);

  /** Removes the mapping, if present. */
  void remove();
}
