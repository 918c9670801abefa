package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.Test;

/** Closing a cache releases it from its manager and closes the user objects it created. */
class CloseTest {

  static final AtomicInteger LOADER_CLOSED = new AtomicInteger();
  static final AtomicInteger WRITER_CLOSED = new AtomicInteger();
  static final AtomicInteger EXPIRY_CLOSED = new AtomicInteger();
  static final AtomicInteger LISTENER_CLOSED = new AtomicInteger();

  @Test
  void closeReleasesTheCacheAndClosesItsCloseableCollaborators() {
    Factory<CacheLoader<String, String>> loader = ClosingLoader::new;
    Factory<CacheWriter<String, String>> writer = ClosingWriter::new;
    Factory<ExpiryPolicy> expiry = ClosingExpiry::new;
    Factory<CacheEntryCreatedListener<String, String>> listener = ClosingListener::new;
    Cache<String, String> cache = TestCaches.create(new S3FifoConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setCacheLoaderFactory(loader).setReadThrough(true)
        .setCacheWriterFactory(writer).setWriteThrough(true)
        .setExpiryPolicyFactory(expiry)
        .addCacheEntryListenerConfiguration(
            new MutableCacheEntryListenerConfiguration<>(listener, null, false, true)));
    cache.put("k", "v");
    String name = cache.getName();
    assertTrue(cache.getCacheManager().getCache(name, String.class, String.class) == cache);

    cache.close();
    cache.close();
    assertNull(cache.getCacheManager().getCache(name), "released from its manager");
    assertEquals(1, LOADER_CLOSED.get());
    assertEquals(1, WRITER_CLOSED.get());
    assertEquals(1, EXPIRY_CLOSED.get());
    assertEquals(1, LISTENER_CLOSED.get());
  }

  static final class ClosingLoader implements CacheLoader<String, String>, Closeable {
    @Override
    public String load(String key) {
      return null;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      return Map.of();
    }

    @Override
    public void close() {
      LOADER_CLOSED.incrementAndGet();
    }
  }

  static final class ClosingWriter implements CacheWriter<String, String>, Closeable {
    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {}

    @Override
    public void writeAll(java.util.Collection<Cache.Entry<? extends String, ? extends String>> e) {}

    @Override
    public void delete(Object key) {}

    @Override
    public void deleteAll(java.util.Collection<?> keys) {}

    @Override
    public void close() {
      WRITER_CLOSED.incrementAndGet();
    }
  }

  static final class ClosingExpiry implements ExpiryPolicy, Closeable {
    @Override
    public Duration getExpiryForCreation() {
      return Duration.ONE_HOUR;
    }

    @Override
    public Duration getExpiryForAccess() {
      return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }

    @Override
    public void close() {
      EXPIRY_CLOSED.incrementAndGet();
    }
  }

  static final class ClosingListener
      implements CacheEntryCreatedListener<String, String>, Closeable {
    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {}

    @Override
    public void close() {
      LISTENER_CLOSED.incrementAndGet();
    }
  }
}
