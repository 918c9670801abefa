package io.github.s3fifo.jcache.event;

import io.github.s3fifo.jcache.copy.StoreCodec;
import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * An event about one entry, built for one listener. The key and values are converted from the
 * store's forms when first asked for, so a listener that never reads a value never pays for its
 * deserialization.
 *
 * <p>For REMOVED and EXPIRED events the value is the old value, as JCache 1.1 asks; old values
 * are available only to listeners registered with {@code isOldValueRequired()}.
 */
public final class EntryEvent<K, V> extends CacheEntryEvent<K, V> {

  private static final long serialVersionUID = 1L;
  private static final Object UNSET = new Object();

  private final transient StoreCodec<K, V> codec;
  private final transient Object storeKey;
  private final transient Object storedValue;
  private final transient Object storedOldValue;
  private final boolean oldValueAvailable;
  private transient Object key = UNSET;
  private transient Object value = UNSET;
  private transient Object oldValue = UNSET;

  EntryEvent(Cache<K, V> source, EventType type, StoreCodec<K, V> codec, Object storeKey,
      Object storedValue, Object storedOldValue, boolean oldValueAvailable) {
    super(source, type);
    this.codec = codec;
    this.storeKey = storeKey;
    this.storedValue = storedValue;
    this.storedOldValue = storedOldValue;
    this.oldValueAvailable = oldValueAvailable && storedOldValue != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public K getKey() {
    if (key == UNSET) {
      key = codec.key(storeKey);
    }
    return (K) key;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V getValue() {
    EventType type = getEventType();
    if (type == EventType.REMOVED || type == EventType.EXPIRED) {
      return getOldValue();
    }
    if (value == UNSET) {
      value = storedValue == null ? null : codec.value(storedValue);
    }
    return (V) value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V getOldValue() {
    if (!oldValueAvailable) {
      return null;
    }
    if (oldValue == UNSET) {
      oldValue = codec.value(storedOldValue);
    }
    return (V) oldValue;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValueAvailable;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("A cache entry event cannot be unwrapped to " + clazz);
  }

  @Override
  public String toString() {
    return "EntryEvent[" + getEventType() + " " + getKey() + "]";
  }
}
