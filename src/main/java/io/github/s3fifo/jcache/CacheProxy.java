package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.copy.StoreCodec;
import io.github.s3fifo.jcache.event.EventDispatcher;
import io.github.s3fifo.jcache.expiry.ExpiryCalculator;
import io.github.s3fifo.jcache.expiry.ExpirySweeper;
import io.github.s3fifo.jcache.integration.LoaderAdapter;
import io.github.s3fifo.jcache.integration.WriterAdapter;
import io.github.s3fifo.jcache.management.CacheManagement;
import io.github.s3fifo.jcache.management.CacheStatistics;
import io.github.s3fifo.jcache.management.StoreMetrics;
import io.github.s3fifo.store.EntryComputation;
import io.github.s3fifo.store.RemovalCause;
import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.store.StoreEntry;
import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * A {@link Cache} over a {@link ShardedStore}: argument checks and the shape of each operation
 * live here; what an operation does to an entry (write-through, expiry, statistics, events) is
 * decided by {@link EntryEffects}; the multi-key operations are in {@link BulkOperations}, those
 * that read an entry before deciding (putIfAbsent, replace, getAndRemove...) in
 * {@link ConditionalWrites}.
 *
 * <p>Every operation that may run user code (a loader, writer, EntryProcessor or weigher) runs it
 * inside {@link ShardedStore#compute}, holding only the one key concerned. Reads are lock-free.
 * A get, put or remove that {@link EntryEffects} finds has no effect beyond the store's own and
 * the statistics (no listener, writer, loader or access expiry) calls the store directly; with
 * statistics off, such a get or put is the argument checks, the codec's copy and the store's call
 * alone, decided by one volatile read ({@link EntryEffects#barePaths}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CacheProxy<K, V> implements Cache<K, V> {

  private static final System.Logger LOGGER = System.getLogger(CacheProxy.class.getName());

  private final S3FifoCacheManager manager;
  private final String name;
  private final S3FifoConfiguration<K, V> configuration;
  private final CacheStatistics statistics;
  private final CacheManagement management;
  final ShardedStore<Object, Object> store;
  final StoreCodec<K, V> codec;
  final EventDispatcher<K, V> events;
  final EntryEffects<K, V> effects;
  final EntryWeigher<K, V> weigher;
  final WriterAdapter<K, V> writer;
  final LoaderAdapter<K, V> loader;
  private final ExpiryCalculator expiry;
  private final boolean readThrough;
  private final TypeChecks types;
  final Class<?> valueType;
  private final OperationTimer timer;
  private final BulkOperations<K, V> bulk;
  private final ConditionalWrites<K, V> conditional;
  private final Invocations<K, V> invocations;
  /** Kept strongly here because the sweeper holds it weakly; null for an eternal cache. */
  private final Runnable sweepTask;
  private final StoreMetrics metrics;
  private volatile boolean closed;
  /**
   * {@link EntryEffects#barePaths}, 0 once closed: one volatile read tells a get or put that it
   * is the store's call alone. Written under this proxy's monitor after what it depends on.
   */
  private volatile int barePaths;
  private final boolean eternal;

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
    this.types = new TypeChecks(name, configuration.getKeyType(), configuration.getValueType());
    this.valueType = configuration.getValueType();
    this.codec = CacheStores.codec(configuration, manager::getClassLoader);
    this.expiry = new ExpiryCalculator(configuration.getExpiryPolicyFactory().create());
    Factory<CacheLoader<K, V>> loaderFactory = configuration.getCacheLoaderFactory();
    this.loader = loaderFactory == null ? null : new LoaderAdapter<>(loaderFactory.create());
    this.readThrough = configuration.isReadThrough() && loader != null;
    Factory<CacheWriter<? super K, ? super V>> writerFactory =
        configuration.getCacheWriterFactory();
    this.writer = new WriterAdapter<>(configuration.isWriteThrough() && writerFactory != null
        ? writerFactory.create() : null);
    this.weigher = new EntryWeigher<>(configuration.getWeigherFactory() == null
        ? null : configuration.getWeigherFactory().create(), codec);
    this.eternal = expiry.isEternal();
    this.store = CacheStores.build(configuration, weigher, !eternal, this::onRemoval);
    this.metrics = new StoreMetrics(store);
    this.statistics = new CacheStatistics(() -> store.stats().evictions());
    this.timer = new OperationTimer(statistics);
    this.events = new EventDispatcher<>(this, codec);
    for (CacheEntryListenerConfiguration<K, V> listener
        : configuration.getCacheEntryListenerConfigurations()) {
      events.register(listener);
    }
    this.effects = new EntryEffects<>(
        store, codec, expiry, writer, weigher, statistics, events, readThrough);
    this.bulk = new BulkOperations<>(this, timer);
    this.conditional = new ConditionalWrites<>(this, timer);
    this.invocations = new Invocations<>(this);
    this.management = new CacheManagement(this, statistics, metrics);
    try {
      enableStatistics(configuration.isStatisticsEnabled());
      enableManagement(configuration.isManagementEnabled());
    } catch (RuntimeException e) {
      management.close(); // no MBean of a cache that failed to build
      events.close();
      throw e;
    }
    if (eternal) {
      this.sweepTask = null;
    } else {
      this.sweepTask = this::sweepExpired;
      ExpirySweeper.register(sweepTask);
    }
  }

  /** The store tells only of expirations (published); it counts its evictions itself. */
  private void onRemoval(Object storeKey, Object storedValue, RemovalCause cause) {
    if (cause == RemovalCause.EXPIRED) {
      events.publishExpired(storeKey, storedValue);
    }
  }

  private void sweepExpired() {
    if (!closed) {
      withEvents(store::evictExpired);
    }
  }

  /** Turns statistics on or off, updating the configuration and the MBean. */
  public void enableStatistics(boolean enabled) {
    configuration.setStatisticsEnabled(enabled);
    management.setStatisticsEnabled(enabled);
    refreshBarePaths(); // also settles them first, from the constructor
  }

  private synchronized void refreshBarePaths() {
    barePaths = closed ? 0 : effects.barePaths();
  }

  /** {@link EntryEffects#barePaths} as the cache last settled it; 0 once closed. */
  int barePaths() {
    return barePaths;
  }

  /** Turns the configuration MBean on or off, updating the configuration. */
  public void enableManagement(boolean enabled) {
    configuration.setManagementEnabled(enabled);
    management.setManagementEnabled(enabled);
  }

  @Override
  public V get(K key) {
    if ((barePaths & EntryEffects.BARE_GET) != 0) {
      requireKey(key);
      Object stored = store.get(codec.lookupKey(key));
      if (!eternal) {
        effects.deliverExpiries();
      }
      return stored == null ? null : codec.value(stored);
    }
    requireOpen();
    requireKey(key);
    long start = timer.start();
    V value;
    if (effects.readsPlainly()) {
      Object stored = store.get(codec.lookupKey(key));
      effects.afterPlainRead(stored);
      value = stored == null ? null : codec.value(stored);
    } else {
      value = withEvents(() -> read(key));
    }
    timer.record(start, OperationTimer.GET);
    return value;
  }

  /** A get without timing: lock-free on a hit, a load under the key's lock on a miss. */
  private V read(K key) {
    Object stored = readStored(key);
    if (stored != null) {
      return codec.value(stored);
    }
    return readThrough ? loadMissing(key, null) : null;
  }

  /** A lock-free read counting a hit (and the access) or a miss; the stored form or null. */
  Object readStored(K key) {
    StoreEntry<Object, Object> entry = store.getEntry(codec.lookupKey(key));
    Object stored = entry == null ? null : entry.getValue();
    if (stored == null) {
      statistics.recordMisses(1);
      return null;
    }
    statistics.recordHits(1);
    effects.access(entry);
    return stored;
  }

  /**
   * Loads the key, unless a value appeared meanwhile (then returned); {@code preloaded} is the
   * value a bulk load already fetched for it, or null to ask the loader.
   */
  V loadMissing(K key, V preloaded) {
    return compute(codec.storeKey(key), entry -> {
      if (entry.isPresent()) {
        return codec.value(entry.value());
      }
      V loaded = preloaded != null ? preloaded : loader.load(key);
      if (loaded == null) {
        return null;
      }
      requireValue(loaded);
      effects.create(entry, key, loaded, codec.storeValue(loaded), false);
      return loaded;
    });
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    return withEvents(() -> bulk.getAll(keys));
  }

  @Override
  public boolean containsKey(K key) {
    requireOpen();
    requireKey(key);
    boolean contained = store.containsKey(codec.lookupKey(key)); // neither counted nor an access
    effects.deliverExpiries();
    return contained;
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues,
      CompletionListener completionListener) {
    requireOpen();
    bulk.loadAll(keys, replaceExistingValues, completionListener);
  }

  boolean isReadThrough() {
    return readThrough;
  }

  @Override
  public void put(K key, V value) {
    if ((barePaths & EntryEffects.BARE_PUT) != 0) {
      requireKey(key);
      requireValue(value);
      Object stored = codec.storeValue(value);
      if (eternal) {
        store.put(codec.storeKey(key), stored);
      } else {
        store.put(codec.storeKey(key), stored, effects.plainWriteExpiry());
        effects.deliverExpiries();
      }
      return;
    }
    requireOpen();
    requireKey(key);
    requireValue(value);
    long start = timer.start();
    Object stored = codec.storeValue(value);
    if (effects.writesPlainly()) {
      store.put(codec.storeKey(key), stored, effects.plainWriteExpiry());
      effects.afterPlainWrite();
    } else {
      withEvents(() -> compute(codec.storeKey(key), entry -> {
        effects.put(entry, key, value, stored, true);
        return null;
      }));
    }
    timer.record(start, OperationTimer.PUT);
  }

  @Override
  public V getAndPut(K key, V value) {
    return conditional.getAndPut(key, value);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    long start = timer.start();
    bulk.putAll(map);
    timer.record(start, OperationTimer.PUT);
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    return conditional.putIfAbsent(key, value);
  }

  @Override
  public boolean remove(K key) {
    requireOpen();
    requireKey(key);
    long start = timer.start();
    boolean removed;
    if (effects.removesPlainly()) {
      removed = store.remove(codec.lookupKey(key)) != null;
      effects.afterPlainRemove(removed);
    } else {
      removed = withEvents(() -> compute(codec.lookupKey(key), entry -> {
        if (!entry.isPresent()) {
          effects.removeAbsent(key);
          return false;
        }
        effects.remove(entry, key, true);
        return true;
      }));
    }
    timer.record(start, OperationTimer.REMOVE);
    return removed;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    return conditional.remove(key, oldValue);
  }

  @Override
  public V getAndRemove(K key) {
    return conditional.getAndRemove(key);
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    return conditional.replace(key, oldValue, newValue);
  }

  @Override
  public boolean replace(K key, V value) {
    return conditional.replace(key, value);
  }

  @Override
  public V getAndReplace(K key, V value) {
    return conditional.getAndReplace(key, value);
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    requireOpen();
    bulk.removeAll(keys);
  }

  @Override
  public void removeAll() {
    requireOpen();
    bulk.removeAll();
  }

  /** Removes every entry without the writer, listeners or statistics, as the spec says. */
  @Override
  public void clear() {
    requireOpen();
    withEvents(() -> {
      store.clear();
      return null;
    });
  }

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    requireOpen();
    return invocations.invoke(key, entryProcessor, arguments);
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys,
      EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    requireOpen();
    return invocations.invokeAll(keys, entryProcessor, arguments);
  }

  @Override
  public void registerCacheEntryListener(
      CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    requireOpen();
    Objects.requireNonNull(listenerConfiguration, "listenerConfiguration must not be null");
    events.register(listenerConfiguration);
    configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
    refreshBarePaths();
  }

  @Override
  public void deregisterCacheEntryListener(
      CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    Objects.requireNonNull(listenerConfiguration, "listenerConfiguration must not be null");
    requireOpen();
    events.deregister(listenerConfiguration);
    configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
    refreshBarePaths();
  }

  @Override
  public Iterator<Entry<K, V>> iterator() {
    requireOpen();
    return new CacheIterator<>(this, store.iterator(), statistics);
  }

  /**
   * Returns the live configuration: {@link S3FifoConfiguration}, or any type it implements
   * ({@code CompleteConfiguration}, {@code Configuration}). It reflects listener registrations
   * and the statistics and management switches.
   */
  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    Objects.requireNonNull(clazz, "clazz must not be null");
    if (clazz.isInstance(configuration)) {
      return clazz.cast(configuration);
    }
    throw new IllegalArgumentException(
        "The configuration of cache '" + name + "' is not a " + clazz.getName());
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
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      barePaths = 0;
    }
    if (sweepTask != null) {
      ExpirySweeper.deregister(sweepTask);
    }
    manager.releaseCache(this);
    try {
      management.close();
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "Unregistering the MBeans of cache '" + name + "' failed", e);
    }
    events.close();
    UserResources.close(name, loader == null ? null : loader.loader(), writer.writer(),
        expiry.policy());
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Unwraps to this cache (or a type it implements) or to its {@link ShardedStore}. */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    Objects.requireNonNull(clazz, "clazz must not be null");
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    if (clazz == ShardedStore.class) {
      return clazz.cast(store);
    }
    if (clazz.isAssignableFrom(StoreMetrics.class)) {
      return clazz.cast(metrics);
    }
    throw new IllegalArgumentException("Cache '" + name + "' cannot be unwrapped to " + clazz);
  }

  @Override
  public String toString() {
    return "CacheProxy[" + name + ", " + manager.getURI() + "]";
  }

  // Helpers shared with BulkOperations and CacheIterator.

  /** The store's computation of a key, with the key's events batched. */
  <R> R compute(Object storeKey, EntryComputation<Object, Object, R> computation) {
    return events.compute(store, storeKey, computation);
  }

  /** Runs an operation, then the synchronous listener deliveries it queued. */
  <T> T withEvents(Supplier<T> operation) {
    T result;
    try {
      result = operation.get();
    } catch (RuntimeException | Error e) {
      events.flushAfter(e);
      throw e;
    }
    events.flush();
    return result;
  }

  void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  void requireKey(Object key) {
    types.requireKey(key);
  }

  void requireValue(Object value) {
    types.requireValue(value);
  }
}
