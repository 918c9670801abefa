package io.github.s3fifo.jcache;

import java.util.Map;
import java.util.Objects;
import javax.cache.Cache;

/**
 * An immutable key-value pair: what the cache's iterator returns and what a cache writer
 * receives.
 */
public final class CacheEntry<K, V> implements Cache.Entry<K, V> {

  private final K key;
  private final V value;

  public CacheEntry(K key, V value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  /** Unwraps to this entry (or any type it implements), or to a {@code Map.Entry} copy. */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    if (clazz == Map.Entry.class) {
      return clazz.cast(Map.entry(key, value));
    }
    throw new IllegalArgumentException("A cache entry cannot be unwrapped to " + clazz.getName());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof CacheEntry<?, ?> other
        && Objects.equals(key, other.key) && Objects.equals(value, other.value));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(key) ^ Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
