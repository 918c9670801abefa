package io.github.s3fifo.jcache.management;

import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.management.CacheMXBean;

/**
 * The {@link CacheMXBean} of one cache. Every attribute is read from the cache's current
 * configuration, so enabling statistics or management later shows at once.
 */
public final class CacheConfigurationMXBean implements CacheMXBean {

  private final Cache<?, ?> cache;

  public CacheConfigurationMXBean(Cache<?, ?> cache) {
    if (cache == null) {
      throw new NullPointerException("cache must not be null");
    }
    this.cache = cache;
  }

  @SuppressWarnings("unchecked")
  private CompleteConfiguration<?, ?> configuration() {
    return cache.getConfiguration(CompleteConfiguration.class);
  }

  @Override
  public String getKeyType() {
    return configuration().getKeyType().getName();
  }

  @Override
  public String getValueType() {
    return configuration().getValueType().getName();
  }

  @Override
  public boolean isReadThrough() {
    return configuration().isReadThrough();
  }

  @Override
  public boolean isWriteThrough() {
    return configuration().isWriteThrough();
  }

  @Override
  public boolean isStoreByValue() {
    return configuration().isStoreByValue();
  }

  @Override
  public boolean isStatisticsEnabled() {
    return configuration().isStatisticsEnabled();
  }

  @Override
  public boolean isManagementEnabled() {
    return configuration().isManagementEnabled();
  }
}
