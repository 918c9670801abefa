package io.github.s3fifo.jcache.copy;

import java.util.Objects;

/** Store-by-reference: the store holds the caller's own key and value objects. */
public final class ReferenceCodec<K, V> implements StoreCodec<K, V> {

  private final Serializer serializer;

  /** @param serializer measures entries when the cache is bounded in weight with no weigher */
  public ReferenceCodec(Serializer serializer) {
    this.serializer = serializer;
  }

  @Override
  public boolean isStoreByValue() {
    return false;
  }

  @Override
  public Object storeKey(K key) {
    return key;
  }

  @Override
  public Object lookupKey(K key) {
    return key;
  }

  @Override
  @SuppressWarnings("unchecked")
  public K key(Object storeKey) {
    return (K) storeKey;
  }

  @Override
  public Object storeValue(V value) {
    return value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V value(Object storedValue) {
    return (V) storedValue;
  }

  @Override
  public boolean valueEquals(Object storedValue, V value) {
    return Objects.equals(storedValue, value);
  }

  @Override
  public long defaultWeight(Object storeKey, Object storedValue) {
    // The same bytes a by-value cache would count, so a weight bound means the same thing with
    // either storage; measuring costs one serialization per write (a weigher avoids it).
    return SerializedSize.of(storeKey, serializer) + SerializedSize.of(storedValue, serializer);
  }
}
