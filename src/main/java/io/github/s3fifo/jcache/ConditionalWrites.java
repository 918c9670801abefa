package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.copy.StoreCodec;
import io.github.s3fifo.store.EditableEntry;
import java.util.function.Consumer;

/**
 * The single-key operations that read the entry before they decide (getAndPut, putIfAbsent,
 * conditional remove and replace, getAndRemove, getAndReplace): each runs in one computation of
 * its key, with its outcome decided by the cache's {@link EntryEffects}.
 */
final class ConditionalWrites<K, V> {

  private final CacheProxy<K, V> cache;
  private final StoreCodec<K, V> codec;
  private final EntryEffects<K, V> effects;
  private final OperationTimer timer;

  ConditionalWrites(CacheProxy<K, V> cache, OperationTimer timer) {
    this.cache = cache;
    this.codec = cache.codec;
    this.effects = cache.effects;
    this.timer = timer;
  }

  V getAndPut(K key, V value) {
    cache.requireOpen();
    cache.requireKey(key);
    cache.requireValue(value);
    long start = timer.start();
    Object stored = codec.storeValue(value);
    Object old = cache.withEvents(() -> cache.compute(codec.storeKey(key), entry -> {
      Object previous = entry.value();
      effects.hitOrMiss(entry);
      effects.put(entry, key, value, stored, true);
      return previous;
    }));
    timer.record(start, OperationTimer.GET | OperationTimer.PUT);
    return old == null ? null : codec.value(old);
  }

  boolean putIfAbsent(K key, V value) {
    cache.requireOpen();
    cache.requireKey(key);
    cache.requireValue(value);
    long start = timer.start();
    Object stored = codec.storeValue(value);
    boolean put = cache.withEvents(() -> cache.compute(codec.storeKey(key), entry -> {
      effects.hitOrMiss(entry);
      if (entry.isPresent()) {
        return false;
      }
      effects.create(entry, key, value, stored, true);
      return true;
    }));
    timer.record(start, OperationTimer.PUT);
    return put;
  }

  boolean remove(K key, V oldValue) {
    cache.requireOpen();
    cache.requireKey(key);
    cache.requireValue(oldValue);
    long start = timer.start();
    boolean removed = ifEqual(key, oldValue, entry -> effects.remove(entry, key, true));
    timer.record(start, OperationTimer.REMOVE);
    return removed;
  }

  V getAndRemove(K key) {
    cache.requireOpen();
    cache.requireKey(key);
    long start = timer.start();
    Object old = cache.withEvents(() -> cache.compute(codec.lookupKey(key), entry -> {
      effects.hitOrMiss(entry);
      if (!entry.isPresent()) {
        effects.removeAbsent(key);
        return null;
      }
      Object previous = entry.value();
      effects.remove(entry, key, true);
      return previous;
    }));
    timer.record(start, OperationTimer.GET | OperationTimer.REMOVE);
    return old == null ? null : codec.value(old);
  }

  boolean replace(K key, V oldValue, V newValue) {
    cache.requireOpen();
    cache.requireKey(key);
    cache.requireValue(oldValue);
    cache.requireValue(newValue);
    long start = timer.start();
    Object stored = codec.storeValue(newValue);
    boolean replaced = ifEqual(key, oldValue,
        entry -> effects.update(entry, key, newValue, stored, true));
    timer.record(start, OperationTimer.PUT);
    return replaced;
  }

  /**
   * Applies the change if the key holds a value equal to {@code expected}; a present but
   * different value counts as an access. A hit or miss either way.
   */
  private boolean ifEqual(K key, V expected, Consumer<EditableEntry<Object, Object>> change) {
    return cache.withEvents(() -> cache.compute(codec.lookupKey(key), entry -> {
      effects.hitOrMiss(entry);
      if (!entry.isPresent()) {
        return false;
      }
      if (!codec.valueEquals(entry.value(), expected)) {
        effects.access(entry);
        return false;
      }
      change.accept(entry);
      return true;
    }));
  }

  boolean replace(K key, V value) {
    return getAndReplaceStored(key, value) != null;
  }

  V getAndReplace(K key, V value) {
    Object old = getAndReplaceStored(key, value);
    return old == null ? null : codec.value(old);
  }

  /** Replaces a present value; returns the old stored form, or null if absent. */
  private Object getAndReplaceStored(K key, V value) {
    cache.requireOpen();
    cache.requireKey(key);
    cache.requireValue(value);
    long start = timer.start();
    Object stored = codec.storeValue(value);
    Object old = cache.withEvents(() -> cache.compute(codec.lookupKey(key), entry -> {
      effects.hitOrMiss(entry);
      if (!entry.isPresent()) {
        return null;
      }
      Object previous = entry.value();
      effects.update(entry, key, value, stored, true);
      return previous;
    }));
    timer.record(start, OperationTimer.PUT);
    return old;
  }
}
