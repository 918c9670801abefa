package io.github.s3fifo.jcache.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.TestCaches;
import io.github.s3fifo.store.ShardedStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write on a key whose mapping has expired but is still resident: the store reclaims the old
 * mapping during the write, and listeners must see its EXPIRED event before the write's CREATED.
 */
class ExpiredEventOrderTest {

  private Cache<Integer, String> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  static final class Recorder implements CacheEntryCreatedListener<Integer, String>,
      CacheEntryExpiredListener<Integer, String> {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch expected = new CountDownLatch(0);

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends Integer, ? extends String>> es) {
      es.forEach(e -> record("CREATED " + e.getKey() + "=" + e.getValue()));
    }

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends Integer, ? extends String>> es) {
      es.forEach(e -> record("EXPIRED " + e.getKey() + "=" + e.getOldValue()));
    }

    private void record(String event) {
      events.add(event);
      expected.countDown();
    }
  }

  @ParameterizedTest(name = "synchronous={0}")
  @ValueSource(booleans = {true, false})
  void theExpiryOfTheOldMappingComesBeforeTheNewMappingsCreation(boolean synchronous)
      throws InterruptedException {
    Recorder recorder = new Recorder();
    Factory<CacheEntryListener<Integer, String>> factory = () -> recorder;
    cache = TestCaches.create(new MutableConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setExpiryPolicyFactory(
            CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 20)))
        .addCacheEntryListenerConfiguration(
            new MutableCacheEntryListenerConfiguration<>(factory, null, true, synchronous)));
    ShardedStore<Object, Object> store = TestCaches.store(cache);
    int exercised = 0;
    for (int key = 0; key < 20 && exercised < 3; key++) {
      recorder.expected = new CountDownLatch(1);
      cache.put(key, "old");
      assertTrue(recorder.expected.await(10, TimeUnit.SECONDS));
      TestCaches.waitUntilExpired(store, key);
      if (store.size() == 0) {
        continue; // the background sweeper reclaimed it first: nothing to test with this key
      }
      exercised++;
      recorder.events.clear();
      recorder.expected = new CountDownLatch(2);
      cache.put(key, "new");
      assertTrue(recorder.expected.await(10, TimeUnit.SECONDS), "events: " + recorder.events);
      assertEquals(List.of("EXPIRED " + key + "=old", "CREATED " + key + "=new"),
          recorder.events);
      cache.remove(key);
    }
    assertTrue(exercised > 0, "the write found a resident expired mapping at least once");
  }

}
