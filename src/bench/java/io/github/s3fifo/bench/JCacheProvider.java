package io.github.s3fifo.bench;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import io.github.s3fifo.jcache.S3FifoConfiguration;
import java.util.OptionalLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import org.cache2k.Cache2kBuilder;
import org.cache2k.jcache.ExtendedMutableConfiguration;
import org.cache2k.jcache.JCacheConfig;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.impl.config.copy.DefaultCopierConfiguration;
import org.ehcache.impl.copy.SerializingCopier;
import org.ehcache.jsr107.Eh107Configuration;

/**
 * The JCache providers on the bench class path, each obtained by its class name (several share the
 * class path, so {@code Caching.getCachingProvider()} without a name would fail), and each bounded
 * in entries through its own configuration type.
 */
public enum JCacheProvider {

  S3FIFO("io.github.s3fifo.jcache.S3FifoCachingProvider") {
    @Override
    <V> Configuration<Long, V> bounded(Class<V> valueType, boolean byValue, long maximumSize) {
      return new S3FifoConfiguration<Long, V>()
          .setTypes(Long.class, valueType)
          .setStoreByValue(byValue)
          .setMaximumSize(maximumSize);
    }
  },

  CAFFEINE("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider") {
    @Override
    <V> Configuration<Long, V> bounded(Class<V> valueType, boolean byValue, long maximumSize) {
      CaffeineConfiguration<Long, V> configuration = new CaffeineConfiguration<>();
      configuration.setTypes(Long.class, valueType);
      configuration.setStoreByValue(byValue);
      configuration.setMaximumSize(OptionalLong.of(maximumSize));
      return configuration;
    }
  },

  /** Ehcache 3's JSR-107 provider, on heap; by value through its serializing value copier. */
  EHCACHE("org.ehcache.jsr107.EhcacheCachingProvider") {
    @Override
    <V> Configuration<Long, V> bounded(Class<V> valueType, boolean byValue, long maximumSize) {
      CacheConfigurationBuilder<Long, V> builder = CacheConfigurationBuilder
          .newCacheConfigurationBuilder(Long.class, valueType,
              ResourcePoolsBuilder.heap(maximumSize));
      if (byValue) {
        // Keys are Longs, which the other providers never copy either.
        builder = builder.withService(new DefaultCopierConfiguration<>(
            SerializingCopier.<V>asCopierClass(), DefaultCopierConfiguration.Type.VALUE));
      }
      return Eh107Configuration.fromEhcacheCacheConfiguration(builder);
    }
  },

  CACHE2K("org.cache2k.jcache.provider.JCacheProvider") {
    @Override
    <V> Configuration<Long, V> bounded(Class<V> valueType, boolean byValue, long maximumSize) {
      // With its own configuration, cache2k copies only when told to honour store-by-value.
      ExtendedMutableConfiguration<Long, V> configuration = ExtendedMutableConfiguration.of(
          Cache2kBuilder.of(Long.class, valueType).entryCapacity(maximumSize)
              .with(JCacheConfig.class, section -> section.copyAlwaysIfRequested(byValue)));
      configuration.setTypes(Long.class, valueType);
      configuration.setStoreByValue(byValue);
      return configuration;
    }
  };

  private final String className;

  JCacheProvider(String className) {
    this.className = className;
  }

  /** The provider's class name, as given to {@code Caching.getCachingProvider(String)}. */
  public String className() {
    return className;
  }

  /** The provider itself. */
  public CachingProvider provider() {
    return Caching.getCachingProvider(className);
  }

  /** A configuration for {@code Long} keys bounded to {@code maximumSize} entries. */
  abstract <V> Configuration<Long, V> bounded(
      Class<V> valueType, boolean byValue, long maximumSize);

  /** A new cache named {@code name} in the provider's default manager. */
  public <V> Cache<Long, V> createCache(
      String name, Class<V> valueType, boolean byValue, long maximumSize) {
    CachingProvider provider = provider();
    CacheManager manager = provider.getCacheManager(
        provider.getDefaultURI(), provider.getDefaultClassLoader());
    return manager.createCache(name, bounded(valueType, byValue, maximumSize));
  }
}
