package io.github.s3fifo.jcache.integration;

import java.util.Map;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;

/** Calls a {@link CacheLoader}, reporting any exception it throws as a CacheLoaderException. */
public final class LoaderAdapter<K, V> {

  private final CacheLoader<K, V> loader;

  public LoaderAdapter(CacheLoader<K, V> loader) {
    this.loader = loader;
  }

  public CacheLoader<K, V> loader() {
    return loader;
  }

  /** The loaded value, or {@code null} if the loader has none. */
  public V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The cache loader failed to load " + key + ": " + e, e);
    }
  }

  /** The loaded entries (which may lack keys or hold null values). */
  public Map<K, V> loadAll(Iterable<? extends K> keys) {
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The cache loader failed to load all: " + e, e);
    }
    return loaded == null ? Map.of() : loaded;
  }
}
