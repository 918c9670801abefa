package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.management.CacheStatistics;
import io.github.s3fifo.store.StoreEntry;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.cache.Cache;

/**
 * The cache's weakly consistent iterator. Each entry it returns counts as a get hit and an access
 * (for the expiry policy); its {@code remove} is a {@link Cache#remove(Object)} of that key, with
 * write-through, statistics and a REMOVED event.
 */
final class CacheIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

  private final CacheProxy<K, V> cache;
  private final Iterator<StoreEntry<Object, Object>> entries;
  private final CacheStatistics statistics;
  private StoreEntry<Object, Object> next;
  private Object nextValue;
  private K lastKey;

  CacheIterator(CacheProxy<K, V> cache, Iterator<StoreEntry<Object, Object>> entries,
      CacheStatistics statistics) {
    this.cache = cache;
    this.entries = entries;
    this.statistics = statistics;
  }

  @Override
  public boolean hasNext() {
    while (next == null && entries.hasNext()) {
      StoreEntry<Object, Object> candidate = entries.next();
      Object value = candidate.getValue(); // null once removed meanwhile
      if (value != null) {
        next = candidate;
        nextValue = value;
      }
    }
    return next != null;
  }

  @Override
  public Cache.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StoreEntry<Object, Object> entry = next;
    Object value = nextValue;
    next = null;
    nextValue = null;
    statistics.recordHits(1);
    cache.effects.accessSnapshot(entry);
    K key = cache.codec.key(entry.getKey());
    lastKey = key;
    cache.events.flush();
    return new CacheEntry<>(key, cache.codec.value(value));
  }

  @Override
  public void remove() {
    if (lastKey == null) {
      throw new IllegalStateException("remove() without a preceding next()");
    }
    K key = lastKey;
    lastKey = null;
    cache.remove(key);
  }
}
