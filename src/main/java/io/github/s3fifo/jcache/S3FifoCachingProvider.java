package io.github.s3fifo.jcache;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The JCache {@link CachingProvider} of s3fifo-jcache, found by {@code Caching.getCachingProvider()}
 * through {@code META-INF/services/javax.cache.spi.CachingProvider}.
 *
 * <p>It keeps one {@link S3FifoCacheManager} per URI and class loader, the class loader held
 * weakly. A closed manager is replaced by a new one on the next {@link #getCacheManager} with
 * the same URI and class loader. Thread-safe.
 */
public final class S3FifoCachingProvider implements CachingProvider {

  private static final URI DEFAULT_URI = URI.create("urn:s3fifo-jcache:default");

  private final ClassLoader defaultClassLoader =
      new ContextFirstClassLoader(S3FifoCachingProvider.class.getClassLoader());

  /** Managers by class loader, then URI; guarded by itself. */
  private final Map<ClassLoader, Map<URI, S3FifoCacheManager>> managers = new WeakHashMap<>();

  /**
   * Returns the manager for the URI and class loader, creating it (or replacing a closed one).
   * A null URI means {@link #getDefaultURI()}, a null class loader
   * {@link #getDefaultClassLoader()}, null properties {@link #getDefaultProperties()}; the
   * properties only matter when the manager is created.
   *
   * <p>A new manager reads the configuration its URI designates (see
   * {@link io.github.s3fifo.jcache.configuration.CacheConfigurationFile#load}; the default URI
   * reads the class-path resource {@code s3fifo-jcache.properties} when present), with the
   * properties as overrides, and creates the caches it declares.
   *
   * @throws javax.cache.CacheException if that configuration cannot be read or is invalid; the
   *     message names the key, the value and the file
   */
  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Properties managerProperties = properties == null ? getDefaultProperties() : properties;
    synchronized (managers) {
      Map<URI, S3FifoCacheManager> byUri = managers.computeIfAbsent(loader, k -> new HashMap<>());
      S3FifoCacheManager manager = byUri.get(managerUri);
      if (manager == null || manager.isClosed()) {
        manager = new S3FifoCacheManager(this, managerUri, loader, managerProperties);
        byUri.put(managerUri, manager);
      }
      return manager;
    }
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
  }

  /**
   * A loader that tries the calling thread's context class loader first, then the loader of this
   * provider; the same instance on every call.
   */
  @Override
  public ClassLoader getDefaultClassLoader() {
    return defaultClassLoader;
  }

  @Override
  public URI getDefaultURI() {
    return DEFAULT_URI;
  }

  /** A new, empty {@link Properties} on each call. */
  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  /** Closes every manager of this provider. */
  @Override
  public void close() {
    List<S3FifoCacheManager> toClose = new ArrayList<>();
    synchronized (managers) {
      for (Map<URI, S3FifoCacheManager> byUri : managers.values()) {
        toClose.addAll(byUri.values());
      }
      managers.clear();
    }
    closeAll(toClose);
  }

  /** Closes every manager of this provider with that class loader (null: the default one). */
  @Override
  public void close(ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Map<URI, S3FifoCacheManager> byUri;
    synchronized (managers) {
      byUri = managers.remove(loader);
    }
    if (byUri != null) {
      closeAll(new ArrayList<>(byUri.values()));
    }
  }

  /** Closes the manager of that URI and class loader, if any (nulls mean the defaults). */
  @Override
  public void close(URI uri, ClassLoader classLoader) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    S3FifoCacheManager manager;
    synchronized (managers) {
      Map<URI, S3FifoCacheManager> byUri = managers.get(loader);
      manager = byUri == null ? null : byUri.remove(managerUri);
      if (byUri != null && byUri.isEmpty()) {
        managers.remove(loader);
      }
    }
    if (manager != null) {
      manager.close();
    }
  }

  /** Store-by-reference is the only optional feature, and it is supported. */
  @Override
  public boolean isSupported(OptionalFeature optionalFeature) {
    return optionalFeature == OptionalFeature.STORE_BY_REFERENCE;
  }

  /** Forgets a manager that closed itself, unless a newer one already took its place. */
  void release(S3FifoCacheManager manager) {
    ClassLoader loader = manager.classLoaderIfAlive();
    if (loader == null) {
      return; // the weak map has dropped its entry already
    }
    synchronized (managers) {
      Map<URI, S3FifoCacheManager> byUri = managers.get(loader);
      if (byUri != null && byUri.remove(manager.getURI(), manager) && byUri.isEmpty()) {
        managers.remove(loader);
      }
    }
  }

  private static void closeAll(List<S3FifoCacheManager> toClose) {
    for (S3FifoCacheManager manager : toClose) {
      manager.close();
    }
  }

  @Override
  public String toString() {
    return "S3FifoCachingProvider[defaultURI=" + DEFAULT_URI + "]";
  }
}
