package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.integration.WriterAdapter.BatchResult;
import io.github.s3fifo.store.StoreEntry;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.cache.Cache;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;

/**
 * The cache operations on many keys. They are not atomic as a whole (the spec does not ask it):
 * each key is handled under its own lock, with the same {@link EntryEffects} as the single-key
 * operations; the writer's and loader's batch methods run outside any lock.
 */
final class BulkOperations<K, V> {

  private static final System.Logger LOGGER = System.getLogger(BulkOperations.class.getName());

  private final CacheProxy<K, V> cache;
  private final OperationTimer timer;

  BulkOperations(CacheProxy<K, V> cache, OperationTimer timer) {
    this.cache = cache;
    this.timer = timer;
  }

  Map<K, V> getAll(Set<? extends K> keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    keys.forEach(cache::requireKey);
    long start = timer.start();
    Map<K, V> result = new HashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      Object stored = cache.readStored(key);
      if (stored == null) {
        missing.add(key);
      } else {
        result.put(key, cache.codec.value(stored));
      }
    }
    if (cache.isReadThrough() && !missing.isEmpty()) {
      Map<K, V> loaded = cache.loader.loadAll(missing);
      for (K key : missing) {
        V value = loaded.get(key);
        V kept = value == null ? null : cache.loadMissing(key, value);
        if (kept != null) {
          result.put(key, kept);
        }
      }
    }
    timer.record(start, OperationTimer.GET);
    return result;
  }

  /**
   * Checks every entry first (nulls, types, serialization, weights), so bad input changes
   * nothing; then writes through in one batch, and stores the entries the writer accepted.
   */
  void putAll(Map<? extends K, ? extends V> map) {
    Objects.requireNonNull(map, "map must not be null");
    Map<K, V> entries = new LinkedHashMap<>();
    Map<K, Object> stored = new HashMap<>();
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      K key = entry.getKey();
      V value = entry.getValue();
      cache.requireKey(key);
      cache.requireValue(value);
      cache.weigher.check(key, value);
      entries.put(key, value);
      stored.put(key, cache.codec.storeValue(value));
    }
    List<Cache.Entry<? extends K, ? extends V>> toWrite = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> toWrite.add(new CacheEntry<>(key, value)));
    BatchResult<K> written = cache.writer.writeAll(toWrite);
    runThenThrow(written, () -> {
      for (K key : written.done()) {
        V value = entries.get(key);
        Object storedValue = stored.get(key);
        cache.compute(cache.codec.storeKey(key), entry -> {
          cache.effects.put(entry, key, value, storedValue, false);
          return null;
        });
      }
    });
  }

  void removeAll(Set<? extends K> keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    keys.forEach(cache::requireKey);
    long start = timer.start();
    BatchResult<K> deleted = cache.writer.deleteAll(new LinkedHashSet<>(keys));
    runThenThrow(deleted, () -> {
      for (K key : deleted.done()) {
        removeIfPresent(cache.codec.lookupKey(key), key);
      }
    });
    timer.record(start, OperationTimer.REMOVE);
  }

  /** Removes every live entry, through the writer (only if there is any) and the listeners. */
  void removeAll() {
    long start = timer.start();
    List<Object> storeKeys = new ArrayList<>();
    for (StoreEntry<Object, Object> entry : cache.store) {
      storeKeys.add(entry.getKey());
    }
    if (!cache.writer.isWriteThrough()) {
      cache.withEvents(() -> {
        storeKeys.forEach(storeKey -> removeIfPresent(storeKey, null));
        return null;
      });
    } else {
      Map<K, Object> keys = new LinkedHashMap<>();
      storeKeys.forEach(storeKey -> keys.put(cache.codec.key(storeKey), storeKey));
      BatchResult<K> deleted = cache.writer.deleteAll(keys.keySet());
      runThenThrow(deleted, () -> deleted.done().forEach(key -> removeIfPresent(keys.get(key), key)));
    }
    timer.record(start, OperationTimer.REMOVE);
  }

  /** Removes the mapping, already deleted through the writer if write-through. */
  private void removeIfPresent(Object storeKey, K key) {
    cache.compute(storeKey, entry -> {
      if (entry.isPresent()) {
        cache.effects.remove(entry, key, false);
      }
      return null;
    });
  }

  /**
   * Runs the cache changes and delivers their events; then throws the writer's failure if any,
   * with a listener's failure added to it as suppressed.
   */
  private void runThenThrow(BatchResult<K> batch, Runnable changes) {
    CacheWriterException failure = batch.failure();
    if (failure == null) {
      cache.withEvents(() -> {
        changes.run();
        return null;
      });
      return;
    }
    try {
      changes.run();
    } catch (RuntimeException | Error e) {
      e.addSuppressed(failure);
      cache.events.flushAfter(e);
      throw e;
    }
    cache.events.flushAfter(failure);
    throw failure;
  }

  void loadAll(Set<? extends K> keys, boolean replaceExisting, CompletionListener listener) {
    Objects.requireNonNull(keys, "keys must not be null");
    keys.forEach(cache::requireKey);
    if (cache.loader == null) {
      if (listener != null) {
        listener.onCompletion();
      }
      return;
    }
    List<K> toLoad = new ArrayList<>(keys);
    LoadPool.INSTANCE.execute(() -> {
      try {
        cache.withEvents(() -> {
          load(toLoad, replaceExisting);
          return null;
        });
      } catch (Exception e) {
        if (listener != null) {
          listener.onException(e);
        } else {
          LOGGER.log(Level.WARNING, "loadAll failed on cache '" + cache.getName() + "'", e);
        }
        return;
      }
      if (listener != null) {
        listener.onCompletion();
      }
    });
  }

  private void load(List<K> keys, boolean replaceExisting) {
    cache.requireOpen();
    List<K> toLoad = keys;
    if (!replaceExisting) {
      toLoad = new ArrayList<>();
      for (K key : keys) {
        if (!cache.store.containsKey(cache.codec.lookupKey(key))) {
          toLoad.add(key);
        }
      }
    }
    if (toLoad.isEmpty()) {
      return;
    }
    Map<K, V> loaded = cache.loader.loadAll(toLoad);
    for (K key : toLoad) {
      V value = loaded.get(key);
      if (value == null) {
        continue;
      }
      cache.requireValue(value);
      Object stored = cache.codec.storeValue(value);
      cache.compute(cache.codec.storeKey(key), entry -> {
        if (!entry.isPresent()) {
          cache.effects.create(entry, key, value, stored, false);
        } else if (replaceExisting) {
          cache.effects.update(entry, key, value, stored, false);
        }
        return null;
      });
    }
  }

  /** The shared daemon pool running {@code loadAll}. */
  private static final class LoadPool {
    static final ExecutorService INSTANCE = DaemonPools.create("s3fifo-jcache-loader");
  }
}
