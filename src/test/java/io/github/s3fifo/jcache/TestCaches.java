package io.github.s3fifo.jcache;

import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.store.StoreEntry;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;

/** Creates uniquely named caches through the provider, as applications do. */
public final class TestCaches {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestCaches() {}

  public static CacheManager manager() {
    return Caching.getCachingProvider().getCacheManager(
        URI.create("s3fifo:test"), TestCaches.class.getClassLoader());
  }

  public static <K, V> Cache<K, V> create(Configuration<K, V> configuration) {
    return manager().createCache("test-" + COUNTER.incrementAndGet(), configuration);
  }

  @SuppressWarnings("unchecked")
  public static ShardedStore<Object, Object> store(Cache<?, ?> cache) {
    return cache.unwrap(ShardedStore.class);
  }

  public static void destroy(Cache<?, ?> cache) {
    if (cache != null && !cache.getCacheManager().isClosed()) {
      cache.getCacheManager().destroyCache(cache.getName());
    }
  }

  /** Waits until the store's iterator (which skips expired mappings) no longer shows the key. */
  public static void waitUntilExpired(ShardedStore<Object, Object> store, Object key)
      throws InterruptedException {
    for (int i = 0; i < 1_000; i++) {
      boolean live = false;
      for (StoreEntry<Object, Object> entry : store) {
        live |= entry.getKey().equals(key);
      }
      if (!live) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("key " + key + " did not expire");
  }
}
