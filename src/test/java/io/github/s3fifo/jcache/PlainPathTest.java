package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.management.CacheManagement;
import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.store.StoreEntry;
import io.github.s3fifo.store.Weigher;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.management.CacheStatisticsMXBean;
import javax.management.JMX;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A get, put or remove with nothing to do but the store's own read or write (and the statistics)
 * skips the computation machinery ({@link EntryEffects#readsPlainly()},
 * {@link EntryEffects#writesPlainly()}, {@link EntryEffects#removesPlainly()}). These tests pin
 * that the shortcut is taken only when it changes nothing a caller can observe, and that switching
 * statistics or listeners on at runtime takes effect on the next operation.
 */
class PlainPathTest {

  private static final Duration HOUR = new Duration(TimeUnit.HOURS, 1);

  private Cache<Integer, String> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  private static S3FifoConfiguration<Integer, String> plain() {
    return new S3FifoConfiguration<Integer, String>().setTypes(Integer.class, String.class);
  }

  @SuppressWarnings("unchecked")
  private static EntryEffects<Integer, String> effects(Cache<Integer, String> cache) {
    return cache.unwrap(CacheProxy.class).effects;
  }

  private CacheStatisticsMXBean statistics() {
    return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
        CacheManagement.objectName("CacheStatistics",
            cache.getCacheManager().getURI().toString(), cache.getName()),
        CacheStatisticsMXBean.class);
  }

  /** A synchronous listener recording every event as TYPE key old>new, with the thread. */
  static final class Recorder extends EveryEventListener<Integer, String> {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected void onEvent(CacheEntryEvent<? extends Integer, ? extends String> e) {
      String old = e.isOldValueAvailable() ? e.getOldValue() : "-";
      String value = e.getValue() == null ? "-" : e.getValue();
      threads.add(Thread.currentThread());
      events.add(e.getEventType() + " " + e.getKey() + " " + old + ">" + value);
    }
  }

  private static MutableCacheEntryListenerConfiguration<Integer, String> synchronous(
      Recorder recorder) {
    Factory<CacheEntryListener<Integer, String>> factory = () -> recorder;
    return new MutableCacheEntryListenerConfiguration<>(factory, null, true, true);
  }

  @Test
  void listenersRegisteredAtRuntimeSwitchTheWritePaths() {
    cache = TestCaches.create(plain());
    EntryEffects<Integer, String> effects = effects(cache);
    assertTrue(effects.readsPlainly());
    assertTrue(effects.writesPlainly());
    assertTrue(effects.removesPlainly());

    cache.getCacheManager().enableStatistics(cache.getName(), true);
    assertTrue(effects.readsPlainly(), "statistics are counted on the plain paths too");
    assertTrue(effects.writesPlainly());
    assertTrue(effects.removesPlainly());
    cache.getCacheManager().enableStatistics(cache.getName(), false);

    MutableCacheEntryListenerConfiguration<Integer, String> listener =
        synchronous(new Recorder());
    cache.registerCacheEntryListener(listener);
    assertTrue(effects.readsPlainly(), "a get publishes only expiries, which it delivers");
    assertFalse(effects.writesPlainly(), "a listener hears of writes");
    assertFalse(effects.removesPlainly(), "a listener hears of removals");
    cache.deregisterCacheEntryListener(listener);
    assertTrue(effects.writesPlainly());
    assertTrue(effects.removesPlainly());
  }

  @Test
  void configurationsNeedingMoreThanTheStoreNeverTakeThePlainPath() {
    cache = TestCaches.create(plain().setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(NullLoader.class)));
    assertFalse(effects(cache).readsPlainly(), "read-through loads a miss");
    assertTrue(effects(cache).writesPlainly());
    TestCaches.destroy(cache);

    cache = TestCaches.create(plain().setWriteThrough(true)
        .setCacheWriterFactory(FactoryBuilder.factoryOf(RecordingWriter.class)));
    assertTrue(effects(cache).readsPlainly());
    assertFalse(effects(cache).writesPlainly(), "write-through calls the writer");
    assertFalse(effects(cache).removesPlainly(), "write-through deletes through the writer");
    TestCaches.destroy(cache);

    cache = TestCaches.create(plain().setExpiryPolicyFactory(TouchedExpiryPolicy.factoryOf(HOUR)));
    assertFalse(effects(cache).readsPlainly(), "a touched policy extends the lifetime on reads");
    assertFalse(effects(cache).writesPlainly());
    TestCaches.destroy(cache);

    cache = TestCaches.create(plain().setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(HOUR)));
    assertTrue(effects(cache).readsPlainly());
    assertFalse(effects(cache).writesPlainly(), "an update keeps the creation's expiry time");
    TestCaches.destroy(cache);

    cache = TestCaches.create(plain().setExpiryPolicyFactory(
        ModifiedExpiryPolicy.factoryOf(Duration.ZERO)));
    assertFalse(effects(cache).writesPlainly(), "a zero lifetime adds nothing");
    TestCaches.destroy(cache);

    cache = TestCaches.create(plain().setMaximumWeight(1_000)
        .setWeigherFactory(FactoryBuilder.factoryOf(LengthWeigher.class)));
    assertTrue(effects(cache).readsPlainly());
    assertFalse(effects(cache).writesPlainly(), "the user's weigher runs before the write");
  }

  @Test
  void aListenerRegisteredAfterPlainPutsHearsTheWritesThatFollow() {
    cache = TestCaches.create(plain());
    cache.put(1, "a");
    cache.put(2, "b");
    Recorder recorder = new Recorder();
    MutableCacheEntryListenerConfiguration<Integer, String> listener = synchronous(recorder);
    cache.registerCacheEntryListener(listener);
    cache.put(1, "a2");
    cache.put(3, "c");
    assertTrue(cache.remove(2));
    assertFalse(cache.remove(2));
    assertEquals(List.of("UPDATED 1 a>a2", "CREATED 3 ->c", "REMOVED 2 b>b"), recorder.events);

    cache.deregisterCacheEntryListener(listener);
    cache.put(4, "d");
    cache.put(1, "a3");
    assertTrue(cache.remove(3));
    assertEquals(3, recorder.events.size(), "no event once deregistered: " + recorder.events);
    assertEquals("a3", cache.get(1));
    assertEquals("d", cache.get(4));
    assertFalse(cache.containsKey(3));
  }

  @Test
  void statisticsEnabledAtRuntimeCountFromThenOnAndStopWhenDisabled() {
    cache = TestCaches.create(plain());
    cache.put(1, "a");
    cache.get(1);
    cache.get(2);
    cache.getCacheManager().enableStatistics(cache.getName(), true);
    CacheStatisticsMXBean statistics = statistics();
    assertEquals(0, statistics.getCachePuts(), "nothing counted while statistics were off");
    assertEquals(0, statistics.getCacheGets());

    cache.put(2, "b");
    cache.put(2, "b2");
    assertEquals("a", cache.get(1));
    assertNull(cache.get(3));
    assertTrue(cache.remove(2));
    assertFalse(cache.remove(2));
    assertEquals(2, statistics.getCachePuts());
    assertEquals(1, statistics.getCacheHits());
    assertEquals(1, statistics.getCacheMisses());
    assertEquals(1, statistics.getCacheRemovals());
    assertTrue(statistics.getAverageGetTime() > 0, "gets are timed");
    assertTrue(statistics.getAveragePutTime() > 0, "puts are timed");
    assertTrue(statistics.getAverageRemoveTime() > 0, "removes are timed");

    cache.getCacheManager().enableStatistics(cache.getName(), false);
    cache.put(5, "e");
    cache.get(1);
    cache.get(6);
    cache.remove(5);
    // Counters keep their values across the switch; the MBean is back once statistics are on.
    cache.getCacheManager().enableStatistics(cache.getName(), true);
    assertEquals(2, statistics.getCachePuts(), "nothing counted while statistics were off again");
    assertEquals(2, statistics.getCacheGets());
    assertEquals(1, statistics.getCacheRemovals());
  }

  @Test
  void aModifiedPolicyGivesEveryPlainWriteItsLifetimeFromNow() throws InterruptedException {
    cache = TestCaches.create(plain().setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(HOUR)));
    assertTrue(effects(cache).writesPlainly());
    ShardedStore<Object, Object> store = TestCaches.store(cache);
    long hour = TimeUnit.HOURS.toNanos(1);

    long before = store.ticker().read();
    cache.put(1, "a");
    long after = store.ticker().read();
    long created = expiresAt(store, 1);
    assertTrue(created >= before + hour && created <= after + hour, "created " + created);

    Thread.sleep(2);
    long beforeUpdate = store.ticker().read();
    cache.put(1, "b");
    long updated = expiresAt(store, 1);
    assertTrue(updated >= beforeUpdate + hour && updated > created,
        "the update restarts the lifetime: " + created + " then " + updated);
  }

  @Test
  void aCreatedPolicyKeepsTheCreationsExpiryTimeOnUpdate() throws InterruptedException {
    cache = TestCaches.create(plain().setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(HOUR)));
    ShardedStore<Object, Object> store = TestCaches.store(cache);
    cache.put(1, "a");
    long created = expiresAt(store, 1);
    Thread.sleep(2);
    cache.put(1, "b");
    assertEquals(created, expiresAt(store, 1));
    assertEquals("b", cache.get(1));
  }

  @Test
  void anEternalCacheWritesEntriesThatNeverExpire() {
    cache = TestCaches.create(plain());
    cache.put(1, "a");
    cache.put(1, "b");
    assertEquals(ShardedStore.NEVER, expiresAt(TestCaches.store(cache), 1));
  }

  @Test
  void entriesWrittenPlainlyUnderAModifiedPolicyExpire() throws InterruptedException {
    cache = TestCaches.create(plain().setExpiryPolicyFactory(
        ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 50))));
    cache.put(1, "a");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cache.get(1) != null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertNull(cache.get(1));
    assertFalse(cache.containsKey(1));
  }

  /**
   * A plain get that finds its key expired (and reclaims it) delivers the EXPIRED event to a
   * synchronous listener before it returns, as the full path does.
   */
  @Test
  void anExpiryFoundByAPlainGetReachesASynchronousListenerBeforeTheGetReturns()
      throws InterruptedException {
    Recorder recorder = new Recorder();
    cache = TestCaches.create(plain()
        .setExpiryPolicyFactory(
            ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 20)))
        .addCacheEntryListenerConfiguration(synchronous(recorder)));
    assertTrue(effects(cache).readsPlainly());
    ShardedStore<Object, Object> store = TestCaches.store(cache);
    int exercised = 0;
    for (int key = 0; key < 20 && exercised < 3; key++) {
      cache.put(key, "v");
      TestCaches.waitUntilExpired(store, key);
      recorder.events.clear();
      recorder.threads.clear();
      if (store.size() == 0) {
        continue; // the background sweeper reclaimed it first
      }
      assertNull(cache.get(key));
      String expected = "EXPIRED " + key + " v>v";
      if (!recorder.events.contains(expected)) {
        // Only the sweeper, reclaiming it between the size check and the get, may deliver it
        // (on its own thread, a moment later); a plain get that left it queued delivers nothing.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.events.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertEquals(List.of(expected), recorder.events, "delivered by the sweeper, if at all");
        assertNotSame(Thread.currentThread(), recorder.threads.get(0));
        continue;
      }
      assertEquals(List.of(expected), recorder.events);
      exercised++;
    }
    assertTrue(exercised > 0, "a get found a resident expired mapping at least once");
  }

  @Test
  void aByValueCacheCopiesKeysAndValuesOnThePlainPath() {
    Cache<Object, Object> byValue = TestCaches.create(new S3FifoConfiguration<>()
        .setStoreByValue(true));
    try {
      @SuppressWarnings("unchecked")
      EntryEffects<Object, Object> effects = byValue.unwrap(CacheProxy.class).effects;
      assertTrue(effects.readsPlainly());
      assertTrue(effects.writesPlainly());
      ArrayList<Integer> key = new ArrayList<>(List.of(1));
      StringBuilder value = new StringBuilder("a");
      byValue.put(key, value);
      key.add(2);
      value.append("b");
      Object read = byValue.get(new ArrayList<>(List.of(1)));
      assertEquals("a", read.toString(), "the cache kept its own copies");
      assertNotSame(value, read);
      ((StringBuilder) read).append("c");
      Object again = byValue.get(List.of(1));
      assertEquals("a", again.toString(), "a caller's copy is its own");
      assertNotSame(read, again);
      assertNull(byValue.get(List.of(1, 2)));
    } finally {
      TestCaches.destroy(byValue);
    }
  }

  @Test
  void aWriteThroughCacheStillWritesEveryPutAndDeletesEveryRemove() {
    RecordingWriter.WRITTEN.clear();
    cache = TestCaches.create(plain().setWriteThrough(true)
        .setCacheWriterFactory(FactoryBuilder.factoryOf(RecordingWriter.class)));
    cache.put(1, "a");
    cache.put(1, "b");
    assertTrue(cache.remove(1));
    assertFalse(cache.remove(2), "absent, yet the writer deletes it");
    assertEquals(List.of("1=a", "1=b", "delete 1", "delete 2"), RecordingWriter.WRITTEN);
  }

  private static long expiresAt(ShardedStore<Object, Object> store, int key) {
    StoreEntry<Object, Object> entry = store.getEntry(key);
    assertTrue(entry != null, "key " + key + " is live");
    return entry.getExpiresAt();
  }


  public static final class NullLoader implements CacheLoader<Integer, String> {
    @Override
    public String load(Integer key) {
      return null;
    }

    @Override
    public Map<Integer, String> loadAll(Iterable<? extends Integer> keys) {
      return Map.of();
    }
  }

  public static final class RecordingWriter implements CacheWriter<Integer, String> {
    static final List<String> WRITTEN = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void write(Cache.Entry<? extends Integer, ? extends String> entry) {
      WRITTEN.add(entry.getKey() + "=" + entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends Integer, ? extends String>> entries) {
      entries.forEach(this::write);
      entries.clear();
    }

    @Override
    public void delete(Object key) {
      WRITTEN.add("delete " + key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.clear();
    }
  }

  public static final class LengthWeigher implements Weigher<Integer, String> {
    @Override
    public long weigh(Integer key, String value) {
      return value.length();
    }
  }
}
