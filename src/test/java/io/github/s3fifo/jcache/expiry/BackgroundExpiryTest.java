package io.github.s3fifo.jcache.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.TestCaches;
import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expired entries are reclaimed, and EXPIRED events delivered, with no access to the cache. */
class BackgroundExpiryTest {

  private static final int ENTRIES = 50;
  static final Set<Integer> EXPIRED_KEYS = ConcurrentHashMap.newKeySet();
  static volatile CountDownLatch allExpired;

  private Cache<Integer, String> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  @Test
  void theSweeperReclaimsExpiredEntriesAndFiresExpiredEvents() throws InterruptedException {
    EXPIRED_KEYS.clear();
    allExpired = new CountDownLatch(ENTRIES);
    cache = TestCaches.create(new S3FifoConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setExpiryPolicyFactory(
            CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 1)))
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(RecordingExpiredListener.class), null, true, false)));
    for (int i = 0; i < ENTRIES; i++) {
      cache.put(i, "value-" + i);
    }
    // A second is far longer than 50 puts take, even on a loaded machine: all are resident.
    assertEquals(ENTRIES, TestCaches.store(cache).size());

    // No get, no put, no iteration: only the sweeper thread can find them.
    assertTrue(allExpired.await(20, TimeUnit.SECONDS),
        "EXPIRED events received: " + EXPIRED_KEYS.size());
    assertEquals(ENTRIES, EXPIRED_KEYS.size());
    assertEquals(0, TestCaches.store(cache).size(), "expired entries are reclaimed");
    assertEquals(0, TestCaches.store(cache).weight());
  }

  /** Records each expired key and checks the old value came with it. */
  public static final class RecordingExpiredListener
      implements CacheEntryExpiredListener<Integer, String>, Serializable {
    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends Integer, ? extends String>> events) {
      for (CacheEntryEvent<? extends Integer, ? extends String> event : events) {
        if (!("value-" + event.getKey()).equals(event.getOldValue())) {
          throw new AssertionError("wrong old value in " + event);
        }
        if (EXPIRED_KEYS.add(event.getKey())) {
          allExpired.countDown();
        }
      }
    }
  }
}
