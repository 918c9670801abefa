package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.processor.ProcessorEntry;
import io.github.s3fifo.jcache.processor.ProcessorResult;
import io.github.s3fifo.store.EditableEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * {@code invoke} and {@code invokeAll}: an EntryProcessor runs inside the store's computation of
 * its key (holding that key only), on a {@link ProcessorEntry}; the net effect it recorded is then
 * applied through {@link EntryEffects}, so statistics, write-through, expiry and events reflect
 * the final outcome, not each call the processor made. The entry counts one hit or one miss,
 * whatever the processor did.
 */
final class Invocations<K, V> {

  private final CacheProxy<K, V> cache;

  Invocations(CacheProxy<K, V> cache) {
    this.cache = cache;
  }

  /**
   * @throws EntryProcessorException wrapping whatever the processor (or the loader, writer or
   *     weigher it led to) threw; the entry is then unchanged
   */
  <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    cache.requireKey(key);
    Objects.requireNonNull(processor, "entryProcessor must not be null");
    T result;
    try {
      result = cache.compute(cache.codec.storeKey(key),
          entry -> process(entry, key, processor, arguments));
    } catch (EntryProcessorException e) {
      cache.events.flushAfter(e);
      throw e;
    } catch (RuntimeException e) {
      EntryProcessorException wrapped = new EntryProcessorException(
          "The EntryProcessor failed on the key " + key + ": " + e, e);
      cache.events.flushAfter(wrapped);
      throw wrapped;
    }
    cache.events.flush();
    return result;
  }

  private <T> T process(EditableEntry<Object, Object> entry, K key,
      EntryProcessor<K, V, T> processor, Object[] arguments) {
    cache.effects.hitOrMiss(entry);
    ProcessorEntry<K, V> mutable = new ProcessorEntry<>(key, entry.value(), cache.codec,
        cache.isReadThrough() ? cache.loader::load : null, cache.valueType);
    T result = processor.process(mutable, arguments);
    V value = mutable.value();
    EntryEffects<K, V> effects = cache.effects;
    switch (mutable.action()) {
      case NONE -> { }
      case READ -> effects.access(entry);
      case LOADED -> effects.create(entry, key, value, cache.codec.storeValue(value), false);
      case CREATED -> effects.create(entry, key, value, cache.codec.storeValue(value), true);
      case UPDATED -> effects.update(entry, key, value, cache.codec.storeValue(value), true);
      case REMOVED -> effects.remove(entry, key, true);
      case DELETED_ABSENT -> effects.removeAbsent(key);
      default -> throw new AssertionError(mutable.action());
    }
    return result;
  }

  /** Invokes the processor on each key; a key's failure is in its result, null results omitted. */
  <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys,
      EntryProcessor<K, V, T> processor, Object... arguments) {
    Objects.requireNonNull(keys, "keys must not be null");
    Objects.requireNonNull(processor, "entryProcessor must not be null");
    keys.forEach(cache::requireKey);
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, ProcessorResult.of(result));
        }
      } catch (EntryProcessorException e) {
        results.put(key, ProcessorResult.failed(e));
      }
    }
    return results;
  }
}
