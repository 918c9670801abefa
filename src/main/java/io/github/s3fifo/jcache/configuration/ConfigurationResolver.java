package io.github.s3fifo.jcache.configuration;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;

/**
 * Turns whatever {@link Configuration} an application passes to {@code createCache} into a
 * private {@link S3FifoConfiguration}, so the cache never shares state with the caller's object.
 */
public final class ConfigurationResolver {

  private ConfigurationResolver() {}

  /**
   * Returns a new {@link S3FifoConfiguration} holding the given configuration's settings: a
   * {@link CompleteConfiguration} is copied whole (with this provider's bounds when it is an
   * {@code S3FifoConfiguration}); a plain {@link Configuration} contributes its types and
   * store-by-value flag, the rest taking the JCache defaults.
   *
   * @throws NullPointerException if the configuration is null
   * @throws IllegalArgumentException if it names no key or value type
   */
  public static <K, V> S3FifoConfiguration<K, V> resolve(Configuration<K, V> configuration) {
    if (configuration == null) {
      throw new NullPointerException("configuration must not be null");
    }
    requireTypes(configuration);
    if (configuration instanceof CompleteConfiguration<K, V> complete) {
      return new S3FifoConfiguration<>(complete);
    }
    return new S3FifoConfiguration<K, V>()
        .setTypes(configuration.getKeyType(), configuration.getValueType())
        .setStoreByValue(configuration.isStoreByValue());
  }

  private static void requireTypes(Configuration<?, ?> configuration) {
    if (configuration.getKeyType() == null) {
      throw new IllegalArgumentException(
          "The configuration's key type is null; use Object.class for an untyped cache");
    }
    if (configuration.getValueType() == null) {
      throw new IllegalArgumentException(
          "The configuration's value type is null; use Object.class for an untyped cache");
    }
  }

  /**
   * Checks that a cache configured with the given types may be returned for a lookup asking for
   * {@code keyType} and {@code valueType}: the JCache contract is that they are the same classes.
   *
   * @throws NullPointerException if a requested type is null
   * @throws ClassCastException if a requested type differs from the configured one
   */
  public static void checkTypes(
      String cacheName, Class<?> configuredKeyType, Class<?> configuredValueType,
      Class<?> keyType, Class<?> valueType) {
    if (keyType == null) {
      throw new NullPointerException("keyType must not be null");
    }
    if (valueType == null) {
      throw new NullPointerException("valueType must not be null");
    }
    if (keyType != configuredKeyType) {
      throw new ClassCastException("Cache '" + cacheName + "' has key type "
          + configuredKeyType.getName() + ", not the requested " + keyType.getName());
    }
    if (valueType != configuredValueType) {
      throw new ClassCastException("Cache '" + cacheName + "' has value type "
          + configuredValueType.getName() + ", not the requested " + valueType.getName());
    }
  }
}
