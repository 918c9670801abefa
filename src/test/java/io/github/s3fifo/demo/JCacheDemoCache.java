package io.github.s3fifo.demo;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.management.S3FifoCacheMXBean;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * The demo's cache obtained the way any JCache application obtains one: through
 * {@link Caching#getCachingProvider()}, bounded in bytes by {@link S3FifoConfiguration}. It is
 * store-by-value (the JCache default), so the weight is each entry's serialized size.
 */
final class JCacheDemoCache implements DemoCache<Long, byte[]> {

  private static final String NAME = "demo";

  private final CacheManager manager;
  private final Cache<Long, byte[]> cache;
  private final S3FifoCacheMXBean metrics;

  JCacheDemoCache(long capacityBytes) {
    manager = Caching.getCachingProvider().getCacheManager();
    cache = manager.createCache(NAME,
        new S3FifoConfiguration<Long, byte[]>()
            .setTypes(Long.class, byte[].class)
            .setMaximumWeight(capacityBytes));
    metrics = cache.unwrap(S3FifoCacheMXBean.class);
  }

  @Override
  public byte[] get(Long key) {
    return cache.get(key);
  }

  @Override
  public void put(Long key, byte[] value) {
    cache.put(key, value);
  }

  @Override
  public Snapshot snapshot() {
    return new Snapshot(metrics.getEntryCount(), metrics.getWeight(), metrics.getMaximumWeight(),
        metrics.getEvictions(), metrics.getShardCount());
  }

  @Override
  public void close() {
    manager.destroyCache(NAME);
  }
}
