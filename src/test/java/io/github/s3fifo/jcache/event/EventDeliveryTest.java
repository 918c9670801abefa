package io.github.s3fifo.jcache.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.EveryEventListener;
import io.github.s3fifo.jcache.TestCaches;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {

  private Cache<Integer, Integer> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  /** Records every event it gets, per key, in arrival order. */
  static final class Recorder extends EveryEventListener<Integer, Integer> {
    final Map<Integer, List<String>> byKey = new ConcurrentHashMap<>();
    final CountDownLatch expected;

    Recorder(int expectedEvents) {
      expected = new CountDownLatch(expectedEvents);
    }

    @Override
    protected void onEvent(CacheEntryEvent<? extends Integer, ? extends Integer> e) {
      String old = e.isOldValueAvailable() ? String.valueOf(e.getOldValue()) : "-";
      String value = e.getEventType() == EventType.REMOVED ? "-" : String.valueOf(e.getValue());
      byKey.computeIfAbsent(e.getKey(), k -> Collections.synchronizedList(new ArrayList<>()))
          .add(e.getEventType() + ":" + old + ">" + value);
      expected.countDown();
    }
  }

  private static MutableCacheEntryListenerConfiguration<Integer, Integer> listenerOf(
      Object listener, boolean synchronous) {
    @SuppressWarnings("unchecked")
    javax.cache.event.CacheEntryListener<Integer, Integer> typed =
        (javax.cache.event.CacheEntryListener<Integer, Integer>) listener;
    return new MutableCacheEntryListenerConfiguration<>(
        new SingletonHolder(typed), null, true, synchronous);
  }

  /** A serializable factory of one listener instance (the cache never serializes it). */
  static final class SingletonHolder
      implements javax.cache.configuration.Factory<javax.cache.event.CacheEntryListener<Integer, Integer>> {
    private final transient javax.cache.event.CacheEntryListener<Integer, Integer> listener;

    SingletonHolder(javax.cache.event.CacheEntryListener<Integer, Integer> listener) {
      this.listener = listener;
    }

    @Override
    public javax.cache.event.CacheEntryListener<Integer, Integer> create() {
      return listener;
    }
  }

  @Test
  void asynchronousListenersSeeEachKeysEventsInOrder() throws Exception {
    int keys = 8;
    int threads = 4;
    int incrementsPerThread = 320; // a multiple of keys: every key gets as many
    int perKey = threads * incrementsPerThread / keys;
    Recorder recorder = new Recorder(threads * incrementsPerThread);
    cache = TestCaches.create(new MutableConfiguration<Integer, Integer>()
        .setTypes(Integer.class, Integer.class)
        .addCacheEntryListenerConfiguration(listenerOf(recorder, false)));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < incrementsPerThread; i++) {
            cache.invoke((i + offset) % keys, (entry, args) -> {
              entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(recorder.expected.await(30, TimeUnit.SECONDS), "all events delivered");
    for (int key = 0; key < keys; key++) {
      List<String> expected = new ArrayList<>();
      expected.add("CREATED:->1");
      for (int v = 2; v <= perKey; v++) {
        expected.add("UPDATED:" + (v - 1) + ">" + v);
      }
      assertEquals(expected, recorder.byKey.get(key), "events of key " + key);
      assertEquals(perKey, cache.get(key));
    }
  }

  @Test
  void aSynchronousListenerHasRunBeforeTheCallReturns() {
    Recorder recorder = new Recorder(0);
    cache = TestCaches.create(new MutableConfiguration<Integer, Integer>()
        .setTypes(Integer.class, Integer.class)
        .addCacheEntryListenerConfiguration(listenerOf(recorder, true)));
    cache.put(1, 10);
    assertEquals(List.of("CREATED:->10"), recorder.byKey.get(1));
    cache.put(1, 11);
    assertEquals("UPDATED:10>11", recorder.byKey.get(1).get(1));
    cache.remove(1);
    assertEquals("REMOVED:11>-", recorder.byKey.get(1).get(2));
    cache.putAll(Map.of(2, 20, 3, 30));
    assertEquals(List.of("CREATED:->20"), recorder.byKey.get(2));
    assertEquals(List.of("CREATED:->30"), recorder.byKey.get(3));
    cache.clear(); // clear fires nothing
    assertEquals(1, recorder.byKey.get(2).size());
  }

  @Test
  void oldValuesAreGivenOnlyWhenRequested() {
    List<CacheEntryEvent<? extends Integer, ? extends Integer>> seen = new ArrayList<>();
    CacheEntryUpdatedListener<Integer, Integer> listener = es -> es.forEach(seen::add);
    cache = TestCaches.create(new MutableConfiguration<Integer, Integer>()
        .setTypes(Integer.class, Integer.class));
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        new SingletonHolder(listener), null, false, true));
    cache.put(1, 1);
    cache.put(1, 2);
    assertEquals(1, seen.size());
    assertFalse(seen.get(0).isOldValueAvailable());
    assertEquals(null, seen.get(0).getOldValue());
    assertEquals(2, seen.get(0).getValue());
    assertTrue(seen.get(0).unwrap(EntryEvent.class) != null);
  }

  @Test
  void aThrowingSynchronousListenerFailsTheCallButNotTheCache() {
    CacheEntryCreatedListener<Integer, Integer> failing = es -> {
      throw new UnsupportedOperationException("listener broke");
    };
    cache = TestCaches.create(new MutableConfiguration<Integer, Integer>()
        .setTypes(Integer.class, Integer.class)
        .addCacheEntryListenerConfiguration(listenerOf(failing, true)));
    CacheEntryListenerException e =
        assertThrows(CacheEntryListenerException.class, () -> cache.put(1, 1));
    assertTrue(e.getCause() instanceof UnsupportedOperationException);
    assertEquals(1, cache.get(1), "the put happened; only the listener failed");
    cache.put(1, 2); // an update: this listener does not handle it
    assertEquals(2, cache.get(1));
  }

  @Test
  void deregisteredListenersStopReceivingAndLeaveTheConfiguration() {
    Recorder recorder = new Recorder(0);
    MutableCacheEntryListenerConfiguration<Integer, Integer> registration =
        listenerOf(recorder, true);
    cache = TestCaches.create(new MutableConfiguration<Integer, Integer>()
        .setTypes(Integer.class, Integer.class));
    cache.registerCacheEntryListener(registration);
    assertThrows(IllegalArgumentException.class,
        () -> cache.registerCacheEntryListener(registration));
    javax.cache.configuration.CompleteConfiguration<?, ?> configuration =
        cache.getConfiguration(javax.cache.configuration.CompleteConfiguration.class);
    assertTrue(configuration.getCacheEntryListenerConfigurations().iterator().hasNext());
    cache.put(1, 1);
    cache.deregisterCacheEntryListener(registration);
    assertFalse(configuration.getCacheEntryListenerConfigurations().iterator().hasNext());
    cache.put(2, 2);
    assertEquals(1, recorder.byKey.size());
  }
}
