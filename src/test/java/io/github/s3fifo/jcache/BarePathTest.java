package io.github.s3fifo.jcache;

import static io.github.s3fifo.jcache.EntryEffects.BARE_GET;
import static io.github.s3fifo.jcache.EntryEffects.BARE_PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A get or put that is the store's call alone ({@link EntryEffects#barePaths}, with the codec's
 * copies when by value) skips even the statistics and the timer. These tests pin when the cache settles on that, that it changes with
 * statistics, listeners and closing, and that the argument checks stay on it.
 */
class BarePathTest {

  private Cache<Integer, String> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  /** By reference: the store holds the caller's own objects. */
  private static S3FifoConfiguration<Integer, String> plain() {
    return new S3FifoConfiguration<Integer, String>().setTypes(Integer.class, String.class)
        .setStoreByValue(false);
  }

  private static int barePaths(Cache<?, ?> cache) {
    return cache.unwrap(CacheProxy.class).barePaths();
  }

  /** The bare paths a new cache of this configuration settles on. */
  private static int barePathsOf(S3FifoConfiguration<Integer, String> configuration) {
    Cache<Integer, String> created = TestCaches.create(configuration);
    try {
      return barePaths(created);
    } finally {
      TestCaches.destroy(created);
    }
  }

  @Test
  void aPlainCacheByReferenceGetsAndPutsBarely() {
    cache = TestCaches.create(plain());
    assertEquals(BARE_GET | BARE_PUT, barePaths(cache));
    String value = new String("a");
    cache.put(1, value);
    assertSame(value, cache.get(1), "by reference: the caller's own object");
    assertNull(cache.get(2));
  }

  @Test
  void statisticsTakeBothOffTheBarePathsAndGiveThemBack() {
    cache = TestCaches.create(plain());
    cache.getCacheManager().enableStatistics(cache.getName(), true);
    assertEquals(0, barePaths(cache), "gets and puts are counted and timed");
    cache.getCacheManager().enableStatistics(cache.getName(), false);
    assertEquals(BARE_GET | BARE_PUT, barePaths(cache));
    assertEquals(0, barePathsOf(plain().setStatisticsEnabled(true)));
  }

  @Test
  void aListenerTakesPutsOffTheBarePathUntilDeregistered() {
    cache = TestCaches.create(plain());
    PlainPathTest.Recorder recorder = new PlainPathTest.Recorder();
    MutableCacheEntryListenerConfiguration<Integer, String> listener =
        new MutableCacheEntryListenerConfiguration<>(() -> recorder, null, true, true);
    cache.registerCacheEntryListener(listener);
    assertEquals(BARE_GET, barePaths(cache), "a get publishes nothing in an eternal cache");
    cache.put(1, "a");
    assertEquals(List.of("CREATED 1 ->a"), recorder.events);
    cache.deregisterCacheEntryListener(listener);
    assertEquals(BARE_GET | BARE_PUT, barePaths(cache));
  }

  @Test
  void aByValueCacheCopiesOnTheBarePaths() {
    Cache<Integer, StringBuilder> byValue = TestCaches.create(
        new S3FifoConfiguration<Integer, StringBuilder>()
            .setTypes(Integer.class, StringBuilder.class));
    try {
      assertEquals(BARE_GET | BARE_PUT, barePaths(byValue));
      StringBuilder value = new StringBuilder("a");
      byValue.put(1, value);
      value.append("b");
      StringBuilder read = byValue.get(1);
      assertEquals("a", read.toString(), "the cache kept its own copy");
      read.append("c");
      assertEquals("a", byValue.get(1).toString(), "each get is a copy of its own");
    } finally {
      TestCaches.destroy(byValue);
    }
  }

  @Test
  void readThroughAndWriteThroughCachesAreBareOnlyWhereTheyAddNothing() {
    assertEquals(BARE_PUT, barePathsOf(plain().setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(PlainPathTest.NullLoader.class))));
    assertEquals(BARE_GET, barePathsOf(plain().setWriteThrough(true)
        .setCacheWriterFactory(FactoryBuilder.factoryOf(PlainPathTest.RecordingWriter.class))));
    assertEquals(BARE_GET | BARE_PUT, barePathsOf(plain().setExpiryPolicyFactory(
        ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, 1)))),
        "one lifetime for every write");
  }

  @Test
  void aClosedCacheRefusesBareGetsAndPuts() {
    cache = TestCaches.create(plain());
    cache.put(1, "a");
    cache.close();
    assertEquals(0, barePaths(cache));
    IllegalStateException get = assertThrows(IllegalStateException.class, () -> cache.get(1));
    assertTrue(get.getMessage().contains("closed"), get.getMessage());
    assertThrows(IllegalStateException.class, () -> cache.put(2, "b"));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void bareGetsAndPutsStillCheckTheirArguments() {
    cache = TestCaches.create(plain());
    cache.put(1, "a");
    Cache raw = cache;
    assertThrows(NullPointerException.class, () -> cache.get(null));
    assertThrows(NullPointerException.class, () -> cache.put(null, "b"));
    assertThrows(NullPointerException.class, () -> cache.put(2, null));
    assertThrows(ClassCastException.class, () -> raw.get("1"));
    assertThrows(ClassCastException.class, () -> raw.put("2", "b"));
    assertThrows(ClassCastException.class, () -> raw.put(2, 2));
    assertEquals("a", cache.get(1));
    assertEquals(1, TestCaches.store(cache).size(), "nothing but the first put went in");
  }
}
