package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.integration.CacheLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User code run under a key (an EntryProcessor, a loader) holds that key only: another key of
 * the same shard is read and written meanwhile.
 */
class PerKeyLockingTest {

  private static final long TIMEOUT_SECONDS = 10;
  /** Released by each test; static because the loader is created by a factory. */
  static volatile CountDownLatch loaderEntered;
  static volatile CountDownLatch loaderRelease;

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private Cache<String, String> cache;

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
    TestCaches.destroy(cache);
  }

  @Test
  void slowEntryProcessorOnOneKeyDoesNotDelayAnotherKeyOfTheSameShard() throws Exception {
    cache = TestCaches.create(new S3FifoConfiguration<String, String>()
        .setTypes(String.class, String.class).setShardCount(1));
    assertEquals(1, TestCaches.store(cache).shardCount());
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    Future<String> slow = executor.submit(() -> cache.invoke("A", (entry, args) -> {
      entered.countDown();
      await(release);
      entry.setValue("a");
      return "done";
    }));
    assertTrue(entered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

    Future<String> other = executor.submit(() -> {
      cache.put("B", "b");
      cache.invoke("B", (entry, args) -> {
        entry.setValue(entry.getValue() + "2");
        return null;
      });
      cache.remove("C");
      return cache.get("B");
    });
    // Would time out if B waited for A's processor.
    assertEquals("b2", other.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertFalse(slow.isDone(), "A's processor is still running");
    assertFalse(cache.containsKey("A"));

    release.countDown();
    assertEquals("done", slow.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertEquals("a", cache.get("A"));
  }

  @Test
  void slowLoaderOnOneKeyDoesNotDelayAnotherKeyOfTheSameShard() throws Exception {
    loaderEntered = new CountDownLatch(1);
    loaderRelease = new CountDownLatch(1);
    cache = TestCaches.create(new S3FifoConfiguration<String, String>()
        .setTypes(String.class, String.class).setShardCount(1)
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(BlockingOnALoader.class)));

    Future<String> slow = executor.submit(() -> cache.get("A"));
    assertTrue(loaderEntered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

    Future<String> other = executor.submit(() -> {
      cache.put("C", "c");
      return cache.get("B") + cache.get("C");
    });
    assertEquals("loaded-Bc", other.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertFalse(slow.isDone(), "A's load is still running");

    loaderRelease.countDown();
    assertEquals("loaded-A", slow.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }

  /** Loads "loaded-" + key; for "A" it first waits for the test's latch. */
  public static final class BlockingOnALoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      if (key.equals("A")) {
        loaderEntered.countDown();
        await(loaderRelease);
      }
      return "loaded-" + key;
    }

    @Override
    public java.util.Map<String, String> loadAll(Iterable<? extends String> keys) {
      java.util.Map<String, String> result = new java.util.HashMap<>();
      keys.forEach(key -> result.put(key, load(key)));
      return result;
    }
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
