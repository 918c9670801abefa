package io.github.s3fifo.jcache.configuration;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * A cache manager's declarative configuration: a template for every cache and the caches it
 * declares, read from a properties document and the properties given to {@code getCacheManager}.
 * Immutable and thread-safe.
 *
 * <h2>Format</h2>
 * UTF-8 {@link Properties} text. {@code default.<property> = value} sets the template;
 * {@code cache.<cache-name>.<property> = value} declares a cache. The property is what follows
 * the last dot of the key, so a cache name may hold dots, {@code ##} and dashes as is. Keys and
 * values are trimmed; a key set twice, any other key, an unknown property or an invalid value is a
 * {@link CacheException} naming the key, the value and the document. Properties:
 * {@code maximum-weight}, {@code maximum-entries}, {@code shards}, {@code expire-after-write},
 * {@code expire-after-access}, {@code store-by-value}, {@code statistics}, {@code management},
 * {@code weigher}, {@code key-type}, {@code value-type} (these two per cache only),
 * {@code serial-filter}.
 *
 * <h2>Merge rules of {@link #resolve}</h2>
 * The result starts as a copy of the request; then for each setting the first that applies wins:
 * <ol>
 *   <li>the declared cache's own key (file or override), when the name is declared;
 *   <li>the request's value, when the request "set" it (see below);
 *   <li>the template's key;
 *   <li>the request's value.
 * </ol>
 * A request sets a bound when it is an {@link S3FifoConfiguration} with a maximum weight or size,
 * a weigher, serial filter or shard count when it is one with that set, and an expiry policy when
 * its factory is not the default eternal one ({@code EternalExpiryPolicy.factoryOf()}).
 * Statistics and management are enabled when the request or the template enables them (a
 * declared cache's own key decides alone). {@code store-by-value} in the template applies only to
 * requests that are not an {@code S3FifoConfiguration}: a template can force store-by-reference
 * on the {@code new MutableConfiguration<>()} that Hibernate and Spring pass, while code that
 * configures this provider explicitly keeps its choice. The two bounds count as one setting, and
 * the two expiry durations combine per key (a cache's {@code expire-after-access} joins the
 * template's {@code expire-after-write} unless the request set an expiry policy).
 */
public final class CacheConfigurationFile {

  /** The class-path resource read when the manager's URI is the provider's default. */
  public static final String DEFAULT_RESOURCE = "s3fifo-jcache.properties";

  private final String source;
  private final CacheSettings template;
  private final Map<String, CacheSettings> caches;

  private CacheConfigurationFile(
      String source, CacheSettings template, Map<String, CacheSettings> caches) {
    this.source = source;
    this.template = template;
    this.caches = caches;
  }

  /**
   * Reads the configuration a cache manager's URI designates, with {@code overrides} on top.
   *
   * <p>The URI: {@code null} (pass it for the provider's default URI) reads the class-path
   * resource {@value #DEFAULT_RESOURCE} when there is one; {@code file:} reads that file, which
   * must exist; {@code jar:} (and the other archive schemes {@code wsjar: zip: vfs: vfszip:
   * vfsfile: bundleresource: bundleentry:}) reads that URL without caching the archive, which
   * would keep it open; {@code classpath:name} reads that class-path resource, which must exist;
   * a URI without a scheme reads the class-path resource of that name if there is one and is
   * otherwise only a name; any other scheme ({@code urn:} …) is only a name. A name configures
   * nothing: every cache is configured by its {@code createCache} request alone.
   *
   * <p>{@code overrides} (the properties given to {@code getCacheManager}, may be null) use the
   * same keys and win key by key over the document (a bound replaces either bound); keys that
   * start with neither {@code default.} nor {@code cache.} are ignored, since frameworks pass
   * unrelated properties there.
   *
   * @param classLoader loads resources and the named classes; null means the thread's context
   *     class loader, or this class's loader
   * @throws CacheException if the document cannot be read or an entry is invalid; the message
   *     names the key, the value and the document
   */
  public static CacheConfigurationFile load(
      URI uri, ClassLoader classLoader, Properties overrides) {
    ClassLoader loader = classLoader != null ? classLoader : defaultClassLoader();
    ConfigurationSource document = ConfigurationSource.locate(uri, loader);
    ConfigurationParser.Sections file =
        new ConfigurationParser(document.description(), loader, false).parse(document.read());
    String overrideSource = "the properties given to getCacheManager"
        + (uri == null ? "" : " for " + uri);
    ConfigurationParser.Sections given =
        new ConfigurationParser(overrideSource, loader, true).parse(entriesOf(overrides));

    Map<String, CacheSettings> caches = new LinkedHashMap<>(file.caches());
    given.caches().forEach((name, settings) -> caches.merge(name, settings,
        CacheSettings::overriddenBy));
    return new CacheConfigurationFile(document.description(),
        file.template().overriddenBy(given.template()), Collections.unmodifiableMap(caches));
  }

  private static ClassLoader defaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : CacheConfigurationFile.class.getClassLoader();
  }

  private static Map<String, String> entriesOf(Properties overrides) {
    Map<String, String> entries = new TreeMap<>();
    if (overrides == null) {
      return entries;
    }
    for (String name : overrides.stringPropertyNames()) {
      entries.put(name.trim(), overrides.getProperty(name).trim());
    }
    // Properties is a Hashtable: someone may have put a number or a boolean.
    for (Map.Entry<Object, Object> entry : overrides.entrySet()) {
      if (entry.getKey() instanceof String name && !(entry.getValue() instanceof String)) {
        entries.put(name.trim(), String.valueOf(entry.getValue()).trim());
      }
    }
    return entries;
  }

  /** How messages name the document: the URI as given, and what it resolved to. */
  public String source() {
    return source;
  }

  /**
   * The names of the declared caches (unmodifiable): the document's in the order it first
   * mentions them, then those only the overrides declare, by name.
   */
  public Set<String> declaredCacheNames() {
    return caches.keySet();
  }

  /** Whether the configuration declares a cache of this name. */
  public boolean isDeclared(String cacheName) {
    return caches.containsKey(cacheName);
  }

  /**
   * The configuration of a declared cache: the JCache defaults, then the template's keys, then
   * the cache's own. A new object on every call; equal to
   * {@code resolve(cacheName, new MutableConfiguration<>())}.
   *
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException if no cache of that name is declared
   */
  public <K, V> S3FifoConfiguration<K, V> declaredConfiguration(String cacheName) {
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    if (!isDeclared(cacheName)) {
      throw new IllegalArgumentException(
          "No cache named '" + cacheName + "' is declared in " + source);
    }
    @SuppressWarnings("unchecked")
    S3FifoConfiguration<K, V> declared =
        (S3FifoConfiguration<K, V>) resolve(cacheName, new MutableConfiguration<>());
    return declared;
  }

  /**
   * The configuration {@code createCache(cacheName, requested)} should use: a new
   * {@link S3FifoConfiguration} that copies the request (all of a {@link CompleteConfiguration};
   * the types and store-by-value flag of a plain {@link Configuration}) merged with this
   * configuration by the rules in the class documentation.
   *
   * <p>Types: a declared {@code key-type} or {@code value-type} replaces {@code Object} in the
   * request; a request naming another class than the declaration is refused.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the request has a null key or value type
   * @throws CacheException if the request's key or value type contradicts the declared one; a
   *     configuration conflict, which {@code createCache} reports as a CacheException
   */
  public <K, V> S3FifoConfiguration<K, V> resolve(String cacheName, Configuration<K, V> requested) {
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    Objects.requireNonNull(requested, "configuration must not be null");
    if (requested.getKeyType() == null || requested.getValueType() == null) {
      throw new IllegalArgumentException("The configuration's key and value types must not be"
          + " null; use Object.class for an untyped cache");
    }
    CacheSettings declared = caches.getOrDefault(cacheName, new CacheSettings());
    S3FifoConfiguration<?, ?> explicit =
        requested instanceof S3FifoConfiguration<?, ?> ours ? ours : null;

    // Copies the JCache settings only: this provider's are decided below.
    S3FifoConfiguration<K, V> result = requested instanceof CompleteConfiguration<K, V> complete
        ? new S3FifoConfiguration<>(new MutableConfiguration<>(complete))
        : new S3FifoConfiguration<K, V>().setStoreByValue(requested.isStoreByValue());
    result.setTypes(
        type(cacheName, CacheProperty.KEY_TYPE, requested.getKeyType(), declared),
        type(cacheName, CacheProperty.VALUE_TYPE, requested.getValueType(), declared));

    result.setStoreByValue(first(declared, CacheProperty.STORE_BY_VALUE,
        explicit == null ? template.get(CacheProperty.STORE_BY_VALUE) : null,
        result.isStoreByValue()));
    result.setStatisticsEnabled(first(declared, CacheProperty.STATISTICS, null,
        result.isStatisticsEnabled() || enables(CacheProperty.STATISTICS)));
    result.setManagementEnabled(first(declared, CacheProperty.MANAGEMENT, null,
        result.isManagementEnabled() || enables(CacheProperty.MANAGEMENT)));
    applyExpiry(result, declared);
    applyBound(result, declared, explicit);

    Factory<?> weigher = explicit == null ? null : explicit.getWeigherFactory();
    result.setWeigherFactory(cast(first(declared, CacheProperty.WEIGHER, weigher,
        template.get(CacheProperty.WEIGHER))));
    Integer shards = explicit == null || explicit.getShardCount() == 0
        ? null : explicit.getShardCount();
    Integer templateShards = template.get(CacheProperty.SHARDS);
    result.setShardCount(first(declared, CacheProperty.SHARDS, shards,
        templateShards == null ? 0 : templateShards));
    Factory<?> filter = explicit == null ? null : explicit.getSerialFilterFactory();
    result.setSerialFilterFactory(cast(first(declared, CacheProperty.SERIAL_FILTER, filter,
        template.get(CacheProperty.SERIAL_FILTER))));
    return result;
  }

  /** The declared cache's value, else {@code requested} if not null, else {@code fallback}. */
  private static <T> T first(CacheSettings declared, CacheProperty property, T requested,
      T fallback) {
    if (declared.has(property)) {
      return declared.get(property);
    }
    return requested != null ? requested : fallback;
  }

  private boolean enables(CacheProperty flag) {
    return Boolean.TRUE.equals(template.get(flag));
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object factory) {
    return (T) factory;
  }

  @SuppressWarnings("unchecked")
  private <T> Class<T> type(
      String cacheName, CacheProperty property, Class<T> requested, CacheSettings declared) {
    Class<?> configured = declared.get(property);
    if (configured == null || configured == Object.class || configured == requested) {
      return requested;
    }
    if (requested == Object.class) {
      return (Class<T>) configured;
    }
    throw new CacheException("Cache '" + cacheName + "' is declared with " + property.key() + " "
        + configured.getName() + " in " + source + ", but the configuration given to createCache"
        + " has " + requested.getName());
  }

  private void applyExpiry(S3FifoConfiguration<?, ?> result, CacheSettings declared) {
    Factory<? extends ExpiryPolicy> requested = result.getExpiryPolicyFactory();
    boolean requestIsDefault =
        requested == null || EternalExpiryPolicy.factoryOf().equals(requested);
    CacheSettings effective;
    if (requestIsDefault) {
      effective = template.overriddenBy(declared);
    } else if (declared.hasExpiry()) {
      effective = declared;
    } else {
      return;
    }
    if (effective.hasExpiry()) {
      result.setExpiryPolicyFactory(
          expiryFactory(effective.expireAfterWrite(), effective.expireAfterAccess()));
    }
  }

  /** The policy for the two durations, each null or eternal when not wanted. */
  static Factory<ExpiryPolicy> expiryFactory(Duration afterWrite, Duration afterAccess) {
    boolean write = afterWrite != null && !afterWrite.isEternal();
    boolean access = afterAccess != null && !afterAccess.isEternal();
    if (write && access) {
      return WriteAndAccessExpiryPolicy.factoryOf(afterWrite, afterAccess);
    }
    if (write) {
      return ModifiedExpiryPolicy.factoryOf(afterWrite);
    }
    if (access) {
      return TouchedExpiryPolicy.factoryOf(afterAccess);
    }
    return EternalExpiryPolicy.factoryOf();
  }

  private void applyBound(S3FifoConfiguration<?, ?> result, CacheSettings declared,
      S3FifoConfiguration<?, ?> explicit) {
    long weight;
    long entries;
    if (declared.hasBound()) {
      weight = bound(declared, CacheProperty.MAXIMUM_WEIGHT);
      entries = bound(declared, CacheProperty.MAXIMUM_ENTRIES);
    } else if (explicit != null && (explicit.getMaximumWeight() != S3FifoConfiguration.UNBOUNDED
        || explicit.getMaximumSize() != S3FifoConfiguration.UNBOUNDED)) {
      weight = explicit.getMaximumWeight();
      entries = explicit.getMaximumSize();
    } else {
      weight = bound(template, CacheProperty.MAXIMUM_WEIGHT);
      entries = bound(template, CacheProperty.MAXIMUM_ENTRIES);
    }
    if (weight != S3FifoConfiguration.UNBOUNDED) {
      result.setMaximumWeight(weight);
    } else if (entries != S3FifoConfiguration.UNBOUNDED) {
      result.setMaximumSize(entries);
    }
  }

  private static long bound(CacheSettings settings, CacheProperty property) {
    Long value = settings.get(property);
    return value == null ? S3FifoConfiguration.UNBOUNDED : value;
  }

  @Override
  public String toString() {
    return "CacheConfigurationFile[" + source + ", template=" + template + ", caches=" + caches
        + "]";
  }
}
