package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.management.CacheManagement;
import io.github.s3fifo.jcache.management.CacheStatistics;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * A {@link Cache} over a sharded S3-FIFO store. Skeleton: the constructor and management
 * contract the manager compiles against; the operations follow.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CacheProxy<K, V> implements Cache<K, V> {

  private final S3FifoCacheManager manager;
  private final String name;
  private final S3FifoConfiguration<K, V> configuration;
  private final CacheStatistics statistics;
  private final CacheManagement management;
  private volatile boolean closed;

  /**
   * Creates the cache.
   *
   * @param manager the manager that owns it
   * @param name the cache's name
   * @param configuration a defensive copy of the configuration, kept and returned live
   */
  public CacheProxy(
      S3FifoCacheManager manager, String name, S3FifoConfiguration<K, V> configuration) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.name = Objects.requireNonNull(name, "name");
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.statistics = new CacheStatistics();
    this.management = new CacheManagement(this, statistics);
    enableStatistics(configuration.isStatisticsEnabled());
    enableManagement(configuration.isManagementEnabled());
  }

  /** Turns statistics on or off, updating the configuration and the MBean. */
  public void enableStatistics(boolean enabled) {
    configuration.setStatisticsEnabled(enabled);
    management.setStatisticsEnabled(enabled);
  }

  /** Turns the configuration MBean on or off, updating the configuration. */
  public void enableManagement(boolean enabled) {
    configuration.setManagementEnabled(enabled);
    management.setManagementEnabled(enabled);
  }

  @Override public V get(K key) { throw new UnsupportedOperationException("not yet"); }
  @Override public Map<K, V> getAll(Set<? extends K> keys) { throw new UnsupportedOperationException("not yet"); }
  @Override public boolean containsKey(K key) { throw new UnsupportedOperationException("not yet"); }
  @Override public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener completionListener) { throw new UnsupportedOperationException("not yet"); }
  @Override public void put(K key, V value) { throw new UnsupportedOperationException("not yet"); }
  @Override public V getAndPut(K key, V value) { throw new UnsupportedOperationException("not yet"); }
  @Override public void putAll(Map<? extends K, ? extends V> map) { throw new UnsupportedOperationException("not yet"); }
  @Override public boolean putIfAbsent(K key, V value) { throw new UnsupportedOperationException("not yet"); }
  @Override public boolean remove(K key) { throw new UnsupportedOperationException("not yet"); }
  @Override public boolean remove(K key, V oldValue) { throw new UnsupportedOperationException("not yet"); }
  @Override public V getAndRemove(K key) { throw new UnsupportedOperationException("not yet"); }
  @Override public boolean replace(K key, V oldValue, V newValue) { throw new UnsupportedOperationException("not yet"); }
  @Override public boolean replace(K key, V value) { throw new UnsupportedOperationException("not yet"); }
  @Override public V getAndReplace(K key, V value) { throw new UnsupportedOperationException("not yet"); }
  @Override public void removeAll(Set<? extends K> keys) { throw new UnsupportedOperationException("not yet"); }
  @Override public void removeAll() { throw new UnsupportedOperationException("not yet"); }
  @Override public void clear() { throw new UnsupportedOperationException("not yet"); }
  @Override public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) { throw new UnsupportedOperationException("not yet"); }
  @Override public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor, Object... arguments) { throw new UnsupportedOperationException("not yet"); }
  @Override public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> cfg) { throw new UnsupportedOperationException("not yet"); }
  @Override public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> cfg) { throw new UnsupportedOperationException("not yet"); }
  @Override public Iterator<Entry<K, V>> iterator() { throw new UnsupportedOperationException("not yet"); }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    if (clazz.isInstance(configuration)) {
      return clazz.cast(configuration);
    }
    throw new IllegalArgumentException("The configuration is not a " + clazz.getName());
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    manager.releaseCache(name);
    management.close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap a cache to " + clazz.getName());
  }
}
