package io.github.s3fifo.jcache.copy;

/**
 * Converts a cache's keys and values between the caller's objects and the forms kept in the
 * store: the objects themselves for store-by-reference, private copies (serialized values,
 * copied keys) for store-by-value.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface StoreCodec<K, V> {

  /** True if the cache stores by value (copies), false if by reference. */
  boolean isStoreByValue();

  /** The store key under which a new mapping is inserted: never shared with the caller. */
  Object storeKey(K key);

  /** The store key for looking a key up; it is never inserted, so it need not be a copy. */
  Object lookupKey(K key);

  /** The key to hand to the caller for a store key (a copy when the key is mutable). */
  K key(Object storeKey);

  /** The form of the value kept in the store. */
  Object storeValue(V value);

  /** The value to hand to the caller for a stored form (a copy when the value is mutable). */
  V value(Object storedValue);

  /** Whether the stored form holds a value equal to {@code value}, by {@code equals}. */
  boolean valueEquals(Object storedValue, V value);

  /**
   * The weight of a mapping when no weigher is configured: its serialized key and value bytes
   * (as {@link Serializer#serializedSize} counts them) whether the cache stores by value or by
   * reference.
   */
  long defaultWeight(Object storeKey, Object storedValue);
}
