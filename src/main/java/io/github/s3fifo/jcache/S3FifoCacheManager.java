package io.github.s3fifo.jcache;

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
 * <p>Thread-safe. Its class loader is held weakly, so a manager never keeps an undeployed
 * application's classes alive; whoever still uses classes from that loader keeps it reachable.
 */
public final class S3FifoCacheManager implements CacheManager {

  private static final Logger LOGGER = Logger.getLogger(S3FifoCacheManager.class.getName());

  private final S3FifoCachingProvider provider;
  private final URI uri;
  private final WeakReference<ClassLoader> classLoader;
  private final Properties properties;
  private final ConcurrentHashMap<String, ManagedCache> caches = new ConcurrentHashMap<>();
  /** Names whose cache is being built, so one createCache wins and no bin lock covers user code. */
  private final Set<String> creating = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** A cache and the types it was created with, for {@link #getCache(String, Class, Class)}. */
  private record ManagedCache(CacheProxy<?, ?> cache, Class<?> keyType, Class<?> valueType) {}

  S3FifoCacheManager(
      S3FifoCachingProvider provider, URI uri, ClassLoader classLoader, Properties properties) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = new WeakReference<>(classLoader);
    this.properties = new Properties();
    if (properties != null) {
      this.properties.putAll(properties);
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

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(
      String cacheName, C configuration) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    S3FifoConfiguration<K, V> copy = ConfigurationResolver.resolve(configuration);
    if (caches.containsKey(cacheName) || !creating.add(cacheName)) {
      throw alreadyExists(cacheName);
    }
    try {
      if (caches.containsKey(cacheName)) {
        throw alreadyExists(cacheName);
      }
      CacheProxy<K, V> cache = build(cacheName, copy);
      caches.put(cacheName, new ManagedCache(cache, copy.getKeyType(), copy.getValueType()));
      if (closed) {
        // close() ran while the cache was being built and did not see it.
        closeQuietly(cache);
        throw closedException();
      }
      return cache;
    } finally {
      creating.remove(cacheName);
    }
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
    ManagedCache managed = caches.get(cacheName);
    if (managed == null) {
      return null;
    }
    ConfigurationResolver.checkTypes(
        cacheName, managed.keyType(), managed.valueType(), keyType, valueType);
    return (Cache<K, V>) managed.cache();
  }

  /** Returns the named cache without a type check (the JCache 1.1 contract), or null. */
  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    ManagedCache managed = caches.get(cacheName);
    return managed == null ? null : (Cache<K, V>) managed.cache();
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
    CacheProxy<?, ?> cache = managed.cache();
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
    ManagedCache managed = caches.get(cacheName);
    if (managed != null) {
      managed.cache().enableManagement(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    requireOpen();
    if (cacheName == null) {
      throw new NullPointerException("cacheName must not be null");
    }
    ManagedCache managed = caches.get(cacheName);
    if (managed != null) {
      managed.cache().enableStatistics(enabled);
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
      caches.computeIfPresent(cache.getName(), (name, managed) -> managed.cache() == cache
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
      closeQuietly(managed.cache());
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
