package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.store.ShardedStore;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;

/** The README's example, as written there: a cache bounded in serialized bytes. */
class ReadmeExampleTest {

  @Test
  void aByteBoundedCacheThroughTheStandardLookup() {
    CachingProvider provider = Caching.getCachingProvider();
    assertInstanceOf(S3FifoCachingProvider.class, provider);
    CacheManager manager = provider.getCacheManager();
    String name = "readme-thumbnails";
    try {
      // --- README example begins
      Cache<String, byte[]> thumbnails = manager.createCache(name,
          new S3FifoConfiguration<String, byte[]>()
              .setTypes(String.class, byte[].class)
              .setMaximumWeight(1L << 20)); // 1 MiB of serialized keys and values
      thumbnails.put("cat.png", new byte[4_000]);
      byte[] cat = thumbnails.get("cat.png");
      // --- README example ends
      assertArrayEquals(new byte[4_000], cat);

      // The bound is in real bytes: 1,000 values of about 4 KB cannot all stay.
      for (int i = 0; i < 1_000; i++) {
        thumbnails.put("image-" + i, new byte[4_000]);
      }
      @SuppressWarnings("unchecked")
      ShardedStore<Object, Object> store = thumbnails.unwrap(CacheProxy.class).store;
      assertTrue(store.weight() <= 1L << 20, "weight " + store.weight());
      assertTrue(store.weight() > (1L << 20) * 9 / 10, "filled: " + store.weight());
      S3FifoConfiguration<?, ?> configuration =
          thumbnails.getConfiguration(S3FifoConfiguration.class);
      assertEquals(1L << 20, configuration.getMaximumWeight());
    } finally {
      manager.destroyCache(name);
    }
  }
}
