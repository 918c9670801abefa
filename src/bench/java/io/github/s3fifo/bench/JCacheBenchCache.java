package io.github.s3fifo.bench;

import javax.cache.Cache;
import javax.cache.CacheManager;

/** A {@link BenchCache} over a {@code javax.cache.Cache} of one of the providers. */
final class JCacheBenchCache implements BenchCache<Long, Object> {

  private static final Long PROBE_KEY = Long.MIN_VALUE;

  private final Cache<Long, Object> cache;

  private JCacheBenchCache(Cache<Long, Object> cache) {
    this.cache = cache;
  }

  /**
   * A new cache of the provider, checked to copy values exactly when {@code byValue} says (a
   * provider that silently ignored the setting would make the comparison meaningless).
   */
  @SuppressWarnings("unchecked")
  static JCacheBenchCache create(JCacheProvider provider, boolean byValue, long maximumSize) {
    Class<?> valueType = byValue ? BenchValue.class : Long.class;
    Cache<Long, Object> cache = (Cache<Long, Object>) provider.createCache(
        "bench", valueType, byValue, maximumSize);
    Object probe = byValue ? new BenchValue(PROBE_KEY, 1) : Long.valueOf(PROBE_KEY + 1);
    cache.put(PROBE_KEY, probe);
    Object read = cache.get(PROBE_KEY);
    if (!probe.equals(read) || (read == probe) == byValue) {
      throw new IllegalStateException(provider + " does not store by "
          + (byValue ? "value" : "reference") + " as configured: put " + probe + ", got " + read);
    }
    cache.remove(PROBE_KEY);
    return new JCacheBenchCache(cache);
  }

  @Override
  public Object get(Long key) {
    return cache.get(key);
  }

  @Override
  public void put(Long key, Object value) {
    cache.put(key, value);
  }

  @Override
  public void settle() {
    try {
      cache.unwrap(com.github.benmanes.caffeine.cache.Cache.class).cleanUp();
    } catch (IllegalArgumentException notCaffeine) {
      // the other providers do their maintenance on the caller's thread
    }
  }

  @Override
  public void close() {
    CacheManager manager = cache.getCacheManager();
    manager.destroyCache(cache.getName());
    manager.close();
  }
}
