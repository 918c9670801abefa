package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.configuration.CacheConfigurationFile;
import io.github.s3fifo.jcache.configuration.ConfigurationResolver;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;

/**
 * The {@link CacheManager} of one (URI, class loader) pair of an {@link S3FifoCachingProvider}.
 *
 * <p>Its URI designates a declarative configuration ({@link CacheConfigurationFile}), read when
 * the manager is created, with the properties given to {@code getCacheManager} as overrides: the
 * caches it declares exist from the start, and every {@code createCache} request is merged with
 * it by {@link CacheConfigurationFile#resolve}. {@code createCache} on a declared name does not
 * fail because the cache exists: while nobody has used the declared cache (no {@code getCache},
 * {@code createCache}, {@code enableStatistics} or {@code enableManagement} returned or touched
 * it, so it holds no entries either), it is replaced by a cache with the merged configuration;
 * once used, it is returned as it is, since replacing it would close a cache someone holds.
 *
 * <p>Thread-safe. Its class loader is held weakly, so a manager never keeps an undeployed
 * application's classes alive; whoever still uses classes from that loader keeps it reachable.
 */
public final class S3FifoCacheManager implements CacheManager {

  private static final Logger LOGGER = Logger.getLogger(S3FifoCacheManager.class.getName());

  private final S3FifoCachingProvider provider;
  private final URI uri;
  private final WeakReference<ClassLoader> classLoader;
  private final Properties properties;
  private final CacheConfigurationFile configuration;
  private final ConcurrentHashMap<String, ManagedCache> caches = new ConcurrentHashMap<>();
  /** Names whose cache is being built, so one createCache wins and no bin lock covers user code. */
  private final Set<String> creating = ConcurrentHashMap.newKeySet();
  /** Serializes createCache on declared names, which may replace a cache instead of failing. */
  private final Object declaredCreation = new Object();
  private volatile boolean closed;

  /**
   * A cache, the types it was created with (for {@link #getCache(String, Class, Class)}), and
   * whether it was used: only an unused declared cache may be replaced by {@code createCache}.
   */
  private static final class ManagedCache {
    final CacheProxy<?, ?> cache;
    final Class<?> keyType;
    final Class<?> valueType;
    /** Set once the cache is handed out or acted on; changes under this object's lock. */
    volatile boolean used;
    /** Set, under this object's lock, when createCache replaced this unused declared cache. */
    boolean replaced;

    ManagedCache(CacheProxy<?, ?> cache, boolean used) {
      this.cache = cache;
      S3FifoConfiguration<?, ?> configuration = cache.getConfiguration(S3FifoConfiguration.class);
      this.keyType = configuration.getKeyType();
      this.valueType = configuration.getValueType();
      this.used = used;
    }
  }

  /**
   * Creates the manager, reads its configuration and creates the declared caches.
   *
   * @throws CacheException if the configuration cannot be read or is invalid (the message names
   *     the key, the value and the file), or a declared cache cannot be created
   */
  S3FifoCacheManager(
      S3FifoCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = new WeakReference<>(classLoader);
    this.properties = new Properties();
    if (properties != null) {
      this.properties.putAll(properties);
    }
    // The provider's default URI reads the default class-path resource, when there is one.
    this.configuration = CacheConfigurationFile.load(
        uri.equals(provider.getDefaultURI()) ? null : uri, classLoader, this.properties);
    createDeclaredCaches();
  }

  private void createDeclaredCaches() {
    for (String name : configuration.declaredCacheNames()) {
      try {
        S3FifoConfiguration<Object, Object> declared = configuration.declaredConfiguration(name);
        caches.put(name, new ManagedCache(new CacheProxy<>(this, name, declared), false));
      } catch (RuntimeException e) {
        for (ManagedCache created : caches.values()) {
          closeQuietly(created.cache);
        }
        caches.clear();
        throw new CacheException("Could not create the cache '" + name + "' declared in "
            + configuration.source() + ": " + e, e);
      }
    }
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  /**
   * The class loader this manager was obtained with; if nothing else referenced it and it was
   * collected, the provider's default class loader.
   */
  @Override
  public ClassLoader getClassLoader() {
    ClassLoader loader = classLoader.get();
    return loader == null ? provider.getDefaultClassLoader() : loader;
  }

  /** The class loader this manager was obtained with, or null if it was collected. */
  ClassLoader classLoaderIfAlive() {
    return classLoader.get();
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  /** The declarative configuration this manager read when it was created. */
  public CacheConfigurationFile getConfigurationFile() {
    return configuration;
  }

  /**
   * Creates a cache whose configuration is the request merged with this manager's declarative
   * configuration ({@link CacheConfigurationFile#resolve}): the template bounds caches created
   * from a plain {@code MutableConfiguration}.
   *
   * <p>On a name the configuration declares, it does not fail because the cache exists: an
   * unused declared cache is replaced by one with the merged configuration, and a used one is
   * returned unchanged (a warning is logged when the request asked for something else).
   *
   * @throws CacheException if a cache of an undeclared name exists, or the requested key or value
   *     type contradicts the declared or the existing cache's
   */
  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(
      String cacheName, C configuration) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    S3FifoConfiguration<K, V> copy = this.configuration.resolve(cacheName, configuration);
    if (this.configuration.isDeclared(cacheName)) {
      return createDeclared(cacheName, copy);
    }
    if (caches.containsKey(cacheName) || !creating.add(cacheName)) {
      throw alreadyExists(cacheName);
    }
    try {
      if (caches.containsKey(cacheName)) {
        throw alreadyExists(cacheName);
      }
      return register(cacheName, build(cacheName, copy));
    } finally {
      creating.remove(cacheName);
    }
  }

  /** Records a new cache, handed out to its creator; closes it if the manager closed meanwhile. */
  private <K, V> CacheProxy<K, V> register(String cacheName, CacheProxy<K, V> cache) {
    caches.put(cacheName, new ManagedCache(cache, true));
    if (closed) {
      // close() ran while the cache was being built and did not see it.
      closeQuietly(cache);
      throw closedException();
    }
    return cache;
  }

  /** createCache on a declared name: replaces the unused declared cache, or returns it. */
  @SuppressWarnings("unchecked")
  private <K, V> Cache<K, V> createDeclared(String cacheName, S3FifoConfiguration<K, V> copy) {
    ManagedCache current;
    CacheProxy<K, V> replacement;
    synchronized (declaredCreation) {
      current = caches.get(cacheName);
      if (current == null) {
        // Destroyed or closed since the manager was created: made again, merged.
        return register(cacheName, build(cacheName, copy));
      }
      // getCache takes this lock to mark the cache used, so it never hands out a replaced one.
      synchronized (current) {
        if (current.used) {
          return (Cache<K, V>) keepUsed(cacheName, current, copy);
        }
        // The replacement's MBeans take over the names; the old cache's close leaves them be.
        try {
          replacement = build(cacheName, copy);
        } catch (RuntimeException | Error e) {
          reclaimMBeans(current.cache);
          throw e;
        }
        current.replaced = true;
        caches.put(cacheName, new ManagedCache(replacement, true));
      }
    }
    closeQuietly(current.cache);
    if (closed) {
      closeQuietly(replacement);
      throw closedException();
    }
    return replacement;
  }

  /** Registers a cache's MBeans again, in case a replacement that failed to build took them. */
  private static void reclaimMBeans(CacheProxy<?, ?> cache) {
    S3FifoConfiguration<?, ?> configuration = cache.getConfiguration(S3FifoConfiguration.class);
    cache.enableStatistics(configuration.isStatisticsEnabled());
    cache.enableManagement(configuration.isManagementEnabled());
  }

  /** Returns a used declared cache for a createCache request, which cannot change it any more. */
  private CacheProxy<?, ?> keepUsed(
      String cacheName, ManagedCache current, S3FifoConfiguration<?, ?> requested) {
    if (current.keyType != requested.getKeyType()
        || current.valueType != requested.getValueType()) {
      throw new CacheException("Cache '" + cacheName + "' is in use with key type "
          + current.keyType.getName() + " and value type " + current.valueType.getName()
          + "; the configuration given to createCache has " + requested.getKeyType().getName()
          + " and " + requested.getValueType().getName());
    }
    S3FifoConfiguration<?, ?> existing = current.cache.getConfiguration(S3FifoConfiguration.class);
    if (!existing.equals(requested)) {
      LOGGER.warning("createCache('" + cacheName + "') returns the cache declared in "
          + configuration.source() + " as it is: it is already in use, so the configuration"
          + " given to createCache cannot be applied");
    }
    return current.cache;
  }

  /**
   * Builds the cache. The exceptions the spec names for {@code createCache} pass through; any
   * other failure (a user factory that throws, say) becomes a {@link CacheException}.
   */
  private <K, V> CacheProxy<K, V> build(String cacheName, S3FifoConfiguration<K, V> copy) {
    try {
      return new CacheProxy<>(this, cacheName, copy);
    } catch (CacheException | IllegalArgumentException | IllegalStateException
        | UnsupportedOperationException | NullPointerException | ClassCastException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheException("Could not create cache '" + cacheName + "': " + e, e);
    }
  }

  private CacheException alreadyExists(String cacheName) {
    return new CacheException("A cache named '" + cacheName + "' already exists in " + uri);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    if (keyType == null || valueType == null) {
      throw new NullPointerException("keyType and valueType must not be null");
    }
    ManagedCache managed = used(cacheName);
    if (managed == null) {
      return null;
    }
    ConfigurationResolver.checkTypes(
        cacheName, managed.keyType, managed.valueType, keyType, valueType);
    return (Cache<K, V>) managed.cache;
  }

  /** Returns the named cache without a type check (the JCache 1.1 contract), or null. */
  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    ManagedCache managed = used(cacheName);
    return managed == null ? null : (Cache<K, V>) managed.cache;
  }

  /** The named cache, marked used (from then on createCache never replaces it), or null. */
  private ManagedCache used(String cacheName) {
    ManagedCache managed = caches.get(cacheName);
    if (managed == null || managed.used) {
      return managed;
    }
    synchronized (managed) {
      if (!managed.replaced) {
        managed.used = true;
        return managed;
      }
    }
    // createCache replaced it meanwhile; its replacement was handed out, so it is used already.
    return caches.get(cacheName);
  }

  /** A snapshot of the cache names: later creations and destructions do not show in it. */
  @Override
  public Iterable<String> getCacheNames() {
    requireOpen();
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  @Override
  public void destroyCache(String cacheName) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    ManagedCache managed = caches.remove(cacheName);
    if (managed == null) {
      return;
    }
    CacheProxy<?, ?> cache = managed.cache;
    try {
      cache.clear();
    } catch (IllegalStateException closedMeanwhile) {
      // Another thread closed it; closing again below is a no-op.
    } finally {
      cache.close();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    ManagedCache managed = used(cacheName);
    if (managed != null) {
      managed.cache.enableManagement(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    ManagedCache managed = used(cacheName);
    if (managed != null) {
      managed.cache.enableStatistics(enabled);
    }
  }

  /**
   * Forgets the named cache; a {@link CacheProxy} calls this when it is closed. Idempotent, and
   * allowed on a closed manager.
   */
  public void releaseCache(String cacheName) {
    if (cacheName != null) {
      caches.remove(cacheName);
    }
  }

  /**
   * Forgets this cache if it is still the one managed under its name, so a stale cache closed
   * late never removes a newer cache of the same name. Idempotent.
   */
  public void releaseCache(Cache<?, ?> cache) {
    if (cache != null) {
      caches.computeIfPresent(cache.getName(), (name, managed) -> managed.cache == cache
          ? null : managed);
    }
  }

  /**
   * Closes every cache of this manager and detaches it from the provider; the next
   * {@code getCacheManager} with the same URI and class loader returns a new manager.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    provider.release(this);
    List<ManagedCache> open = new ArrayList<>(caches.values());
    caches.clear();
    for (ManagedCache managed : open) {
      closeQuietly(managed.cache);
    }
  }

  private static void closeQuietly(Cache<?, ?> cache) {
    try {
      cache.close();
    } catch (RuntimeException e) {
      // The spec: a failing cache close is logged and the others are still closed.
      LOGGER.log(Level.WARNING, "Closing cache '" + cache.getName() + "' failed", e);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz == null) {
      throw new NullPointerException("clazz must not be null");
    }
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException(
        "A " + getClass().getName() + " cannot be unwrapped to " + clazz.getName());
  }

  private void requireOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private IllegalStateException closedException() {
    return new IllegalStateException("The CacheManager " + uri + " is closed");
  }

  @Override
  public String toString() {
    return "S3FifoCacheManager[uri=" + uri + ", closed=" + closed + "]";
  }
}
