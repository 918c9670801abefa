package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.management.CacheManagement;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class S3FifoCacheManagerTest {

  private static final URI URI_UNDER_TEST = URI.create("test:S3FifoCacheManagerTest");

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private CachingProvider provider;
  private CacheManager manager;

  @BeforeEach
  void setUp() {
    provider = Caching.getCachingProvider();
    manager = provider.getCacheManager(URI_UNDER_TEST, null);
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void createsAndFindsACache() {
    Cache<Object, Object> cache = manager.createCache("plain", new MutableConfiguration<>());
    assertInstanceOf(CacheProxy.class, cache);
    assertEquals("plain", cache.getName());
    assertSame(manager, cache.getCacheManager());
    assertSame(cache, manager.getCache("plain"));
    assertSame(cache, manager.getCache("plain", Object.class, Object.class));
    assertNull(manager.getCache("missing"));
    assertNull(manager.getCache("missing", Object.class, Object.class));
  }

  @Test
  void refusesToCreateAnExistingCache() {
    Cache<Object, Object> existing = manager.createCache("once", new MutableConfiguration<>());
    CacheException e = assertThrows(CacheException.class,
        () -> manager.createCache("once", new MutableConfiguration<>()));
    assertTrue(e.getMessage().contains("once"), e.getMessage());
    assertSame(existing, manager.getCache("once"));
    assertFalse(existing.isClosed());
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class,
        () -> manager.createCache(null, new MutableConfiguration<>()));
    assertThrows(NullPointerException.class, () -> manager.createCache("c", null));
    assertThrows(NullPointerException.class, () -> manager.getCache(null));
    assertThrows(NullPointerException.class,
        () -> manager.getCache(null, Object.class, Object.class));
    assertThrows(NullPointerException.class, () -> manager.destroyCache(null));
    assertThrows(NullPointerException.class, () -> manager.enableStatistics(null, true));
    assertThrows(NullPointerException.class, () -> manager.enableManagement(null, true));
    assertFalse(manager.getCacheNames().iterator().hasNext(), "nothing was created");
  }

  @Test
  void checksTheTypesOfATypedLookup() {
    Cache<String, Long> cache = manager.createCache("typed",
        new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));

    assertSame(cache, manager.getCache("typed", String.class, Long.class));
    assertThrows(ClassCastException.class,
        () -> manager.getCache("typed", Long.class, Long.class));
    assertThrows(ClassCastException.class,
        () -> manager.getCache("typed", String.class, Object.class),
        "a supertype is not the configured type");
    assertThrows(NullPointerException.class, () -> manager.getCache("typed", null, Long.class));
    assertThrows(NullPointerException.class, () -> manager.getCache("typed", String.class, null));
    // JCache 1.1: the untyped lookup does not check.
    assertSame(cache, manager.getCache("typed"));

    Cache<Object, Object> untyped = manager.createCache("untyped", new MutableConfiguration<>());
    assertThrows(ClassCastException.class,
        () -> manager.getCache("untyped", String.class, Long.class));
    assertSame(untyped, manager.getCache("untyped", Object.class, Object.class));
  }

  @Test
  void keepsItsOwnCopyOfTheConfiguration() {
    MutableConfiguration<String, String> configuration =
        new MutableConfiguration<String, String>().setTypes(String.class, String.class);
    Cache<String, String> cache = manager.createCache("copied", configuration);
    configuration.setStatisticsEnabled(true).setStoreByValue(false);

    CompleteConfiguration<?, ?> used = cache.getConfiguration(CompleteConfiguration.class);
    assertFalse(used.isStatisticsEnabled());
    assertTrue(used.isStoreByValue());
    assertEquals(String.class, used.getKeyType());
    assertInstanceOf(S3FifoConfiguration.class, cache.getConfiguration(Configuration.class));
  }

  @Test
  void keepsTheBoundsOfAnS3FifoConfiguration() {
    S3FifoConfiguration<String, byte[]> configuration = new S3FifoConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class)
        .setMaximumWeight(1 << 20)
        .setShardCount(4);
    Cache<String, byte[]> cache = manager.createCache("bounded", configuration);

    @SuppressWarnings("unchecked")
    S3FifoConfiguration<String, byte[]> used =
        cache.getConfiguration(S3FifoConfiguration.class);
    assertNotSame(configuration, used);
    assertEquals(1 << 20, used.getMaximumWeight());
    assertEquals(4, used.getShardCount());
  }

  @Test
  void acceptsAPlainConfiguration() {
    Configuration<String, Integer> plain = new Configuration<>() {
      @Override
      public Class<String> getKeyType() {
        return String.class;
      }

      @Override
      public Class<Integer> getValueType() {
        return Integer.class;
      }

      @Override
      public boolean isStoreByValue() {
        return false;
      }
    };
    Cache<String, Integer> cache = manager.createCache("plain-config", plain);

    @SuppressWarnings("unchecked")
    S3FifoConfiguration<String, Integer> used = cache.getConfiguration(S3FifoConfiguration.class);
    assertEquals(String.class, used.getKeyType());
    assertEquals(Integer.class, used.getValueType());
    assertFalse(used.isStoreByValue());
    assertSame(cache, manager.getCache("plain-config", String.class, Integer.class));
  }

  @Test
  void aCacheThatFailsToBuildLeavesNoTrace() {
    MutableConfiguration<Object, Object> failing = new MutableConfiguration<>()
        .setStatisticsEnabled(true)
        .setCacheLoaderFactory(() -> {
          throw new IllegalStateException("loader factory broken");
        });
    assertThrows(IllegalStateException.class, () -> manager.createCache("broken", failing));
    MutableConfiguration<Object, Object> failingOtherwise = new MutableConfiguration<>()
        .setCacheLoaderFactory(() -> {
          throw new LinkageError("an Error passes through unwrapped");
        });
    assertThrows(LinkageError.class, () -> manager.createCache("broken", failingOtherwise));
    MutableConfiguration<Object, Object> failingWithOwnException = new MutableConfiguration<>()
        .setCacheLoaderFactory(() -> {
          throw new java.util.ConcurrentModificationException("user failure");
        });
    CacheException wrapped = assertThrows(CacheException.class,
        () -> manager.createCache("broken", failingWithOwnException));
    assertTrue(wrapped.getMessage().contains("broken"), wrapped.getMessage());

    assertNull(manager.getCache("broken"));
    assertFalse(server.isRegistered(
        CacheManagement.objectName("CacheStatistics", URI_UNDER_TEST.toString(), "broken")));
    Cache<Object, Object> cache = manager.createCache("broken", new MutableConfiguration<>());
    assertFalse(cache.isClosed());
  }

  @Test
  void listsASnapshotOfTheCacheNames() {
    manager.createCache("a", new MutableConfiguration<>());
    manager.createCache("b", new MutableConfiguration<>());
    Iterable<String> names = manager.getCacheNames();

    manager.createCache("c", new MutableConfiguration<>());
    assertEquals(Set.of("a", "b"), toSet(names));
    assertEquals(Set.of("a", "b", "c"), toSet(manager.getCacheNames()));

    Iterator<String> iterator = manager.getCacheNames().iterator();
    iterator.next();
    assertThrows(UnsupportedOperationException.class, iterator::remove);
  }

  @Test
  void destroysACache() {
    Cache<String, String> cache = manager.createCache("doomed",
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    cache.put("k", "v");

    manager.destroyCache("doomed");

    assertTrue(cache.isClosed());
    assertNull(manager.getCache("doomed"));
    assertFalse(toSet(manager.getCacheNames()).contains("doomed"));
    manager.destroyCache("doomed"); // already gone: no error

    Cache<String, String> again = manager.createCache("doomed",
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    assertNotSame(cache, again);
    assertNull(again.get("k"), "a destroyed cache's entries do not come back");
  }

  @Test
  void forgetsACacheClosedByItsUser() {
    Cache<Object, Object> cache = manager.createCache("closed", new MutableConfiguration<>());
    cache.close();

    assertNull(manager.getCache("closed"));
    Cache<Object, Object> again = manager.createCache("closed", new MutableConfiguration<>());
    assertFalse(again.isClosed());
    assertSame(again, manager.getCache("closed"));
  }

  @Test
  void aStaleCacheNeverReleasesItsReplacement() {
    S3FifoCacheManager ours = manager.unwrap(S3FifoCacheManager.class);
    Cache<Object, Object> stale = manager.createCache("reused", new MutableConfiguration<>());
    manager.destroyCache("reused");
    Cache<Object, Object> current = manager.createCache("reused", new MutableConfiguration<>());

    ours.releaseCache(stale);
    assertSame(current, manager.getCache("reused"));

    ours.releaseCache(current);
    assertNull(manager.getCache("reused"));
    ours.releaseCache("reused"); // idempotent
    current.close();
  }

  @Test
  void closingClosesEveryCache() {
    Cache<Object, Object> first = manager.createCache("first", new MutableConfiguration<>());
    Cache<Object, Object> second = manager.createCache("second", new MutableConfiguration<>());

    manager.close();
    manager.close(); // idempotent

    assertTrue(manager.isClosed());
    assertTrue(first.isClosed());
    assertTrue(second.isClosed());
    CacheManager fresh = provider.getCacheManager(URI_UNDER_TEST, null);
    assertNotSame(manager, fresh);
    assertFalse(fresh.getCacheNames().iterator().hasNext(), "a fresh manager starts empty");
  }

  @Test
  void aClosedManagerRefusesWork() {
    manager.createCache("c", new MutableConfiguration<>());
    manager.close();

    List<Executable> calls = List.of(
        () -> manager.createCache("d", new MutableConfiguration<>()),
        () -> manager.getCache("c"),
        () -> manager.getCache("c", Object.class, Object.class),
        () -> manager.getCacheNames(),
        () -> manager.destroyCache("c"),
        () -> manager.enableStatistics("c", true),
        () -> manager.enableManagement("c", true));
    for (Executable call : calls) {
      assertThrows(IllegalStateException.class, call);
    }
    // Identity stays readable.
    assertEquals(URI_UNDER_TEST, manager.getURI());
    assertSame(provider, manager.getCachingProvider());
    assertSame(manager, manager.unwrap(CacheManager.class));
  }

  @Test
  void unwrapsToItsOwnTypesOnly() {
    assertSame(manager, manager.unwrap(S3FifoCacheManager.class));
    assertSame(manager, manager.unwrap(CacheManager.class));
    assertSame(manager, manager.unwrap(Object.class));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> manager.unwrap(String.class));
    assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
  }

  @Test
  void enablesStatisticsAndManagementOfACache() throws Exception {
    Cache<Object, Object> cache = manager.createCache("managed", new MutableConfiguration<>());
    ObjectName statistics =
        CacheManagement.objectName("CacheStatistics", URI_UNDER_TEST.toString(), "managed");
    ObjectName configuration =
        CacheManagement.objectName("CacheConfiguration", URI_UNDER_TEST.toString(), "managed");
    assertFalse(server.isRegistered(statistics));

    manager.enableStatistics("managed", true);
    manager.enableManagement("managed", true);
    CompleteConfiguration<?, ?> used = cache.getConfiguration(CompleteConfiguration.class);
    assertTrue(used.isStatisticsEnabled());
    assertTrue(used.isManagementEnabled());
    assertTrue(server.isRegistered(statistics));
    assertTrue(server.isRegistered(configuration));

    manager.enableStatistics("managed", false);
    assertFalse(server.isRegistered(statistics));
    assertFalse(cache.getConfiguration(CompleteConfiguration.class).isStatisticsEnabled());

    manager.enableStatistics("not-there", true); // no such cache: nothing happens
    manager.destroyCache("managed");
    assertFalse(server.isRegistered(configuration));
  }

  @Test
  void concurrentCreationsOfOneNameHaveOneWinner() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String name = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cache<Object, Object>>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Callable<Cache<Object, Object>> create = () -> {
            start.await();
            return manager.createCache(name,
                new MutableConfiguration<>().setStatisticsEnabled(true));
          };
          results.add(pool.submit(create));
        }
        start.countDown();

        List<Cache<Object, Object>> winners = new ArrayList<>();
        for (Future<Cache<Object, Object>> result : results) {
          try {
            winners.add(result.get());
          } catch (java.util.concurrent.ExecutionException e) {
            assertInstanceOf(CacheException.class, e.getCause());
          }
        }
        assertEquals(1, winners.size(), "exactly one creation of " + name + " succeeds");
        assertSame(winners.get(0), manager.getCache(name));
        assertTrue(server.isRegistered(
            CacheManagement.objectName("CacheStatistics", URI_UNDER_TEST.toString(), name)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Set<String> toSet(Iterable<String> names) {
    Set<String> set = new HashSet<>();
    names.forEach(set::add);
    return set;
  }
}
