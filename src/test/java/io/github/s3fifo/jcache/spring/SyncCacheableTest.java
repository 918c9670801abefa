package io.github.s3fifo.jcache.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.management.S3FifoCacheMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code @Cacheable(sync = true)} runs the method inside an EntryProcessor holding the key: a slow
 * computation for one key must hold only that key. The cache has one shard, so every other key
 * shares the slow key's shard.
 */
class SyncCacheableTest {

  private static final long TIMEOUT_SECONDS = 20;

  private static ConfigurableApplicationContext context;
  private static BookService service;
  private static Cache<Object, Object> cache;

  @BeforeAll
  static void start() {
    context = CachingApplication.start(CachingApplication.CONFIG);
    service = context.getBean(BookService.class);
    cache = SpringBootAutoConfigurationTest.jcacheManager(context).getCache(BookService.SLOW);
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  @Test
  void aSlowKeyBlocksOnlyItsOwnCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      assertEquals(1, cache.unwrap(S3FifoCacheMXBean.class).getShardCount());

      CountDownLatch gate = service.closeGate("A");
      Future<String> first = pool.submit(() -> service.slow("A"));
      assertTrue(service.slowEntered("A").await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

      // Other keys, all in A's shard, compute and are cached while A's computation waits.
      Future<List<String>> others = pool.submit(() -> {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          values.add(service.slow("B" + i));
        }
        return values;
      });
      List<String> values;
      try {
        values = others.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("Calls for other keys waited for A's computation", e);
      } finally {
        gateIfStuck(others, gate);
      }
      for (int i = 0; i < 32; i++) {
        assertEquals("value of B" + i, values.get(i));
        assertEquals(1, service.slowCalls("B" + i));
        assertEquals("value of B" + i, cache.get("B" + i));
      }
      assertFalse(first.isDone(), "A is still computing");

      // A second caller of A waits for the first instead of running the method again.
      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<String> second = pool.submit(() -> {
        secondThread.set(Thread.currentThread());
        return service.slow("A");
      });
      awaitBlockedOutsideTheMethod(secondThread);
      assertFalse(second.isDone());
      assertEquals(1, service.slowCalls("A"));

      gate.countDown();
      assertEquals("value of A", first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertEquals("value of A", second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      assertEquals(1, service.slowCalls("A"), "the method ran once for A");
      assertEquals("value of A", cache.get("A"));
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void theMethodsExceptionReachesTheCallerAndNothingIsCached() {
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> service.failing("F"));
    assertEquals("no value for F", thrown.getMessage());
    assertFalse(cache.containsKey("F"));
    assertThrows(IllegalStateException.class, () -> service.failing("F"));
    assertEquals(2, service.slowCalls("F"), "a failure is not cached");
  }

  /** Lets A finish when the other keys are stuck behind it, so the failure does not hang. */
  private static void gateIfStuck(Future<?> others, CountDownLatch gate) {
    if (!others.isDone()) {
      gate.countDown();
    }
  }

  /** Waits until the thread is parked or blocked, and not inside BookService.slow itself. */
  private static void awaitBlockedOutsideTheMethod(AtomicReference<Thread> holder)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      Thread thread = holder.get();
      if (thread != null) {
        Thread.State state = thread.getState();
        boolean waiting = state == Thread.State.BLOCKED || state == Thread.State.WAITING
            || state == Thread.State.TIMED_WAITING;
        if (waiting && inSlowCall(thread) && !inMethodBody(thread)) {
          return;
        }
      }
      Thread.sleep(5);
    }
    Thread thread = holder.get();
    throw new AssertionError("The second caller of A never waited for the first: "
        + (thread == null ? "not started" : thread.getState() + " at "
        + List.of(thread.getStackTrace())));
  }

  /** The call went through Spring's proxy into the cache. */
  private static boolean inSlowCall(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().startsWith("io.github.s3fifo.jcache.")
          && !frame.getClassName().startsWith("io.github.s3fifo.jcache.spring.")) {
        return true;
      }
    }
    return false;
  }

  /** The service's own method (not its Spring proxy subclass) is running. */
  private static boolean inMethodBody(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().equals(BookService.class.getName())
          && frame.getMethodName().equals("slow")) {
        return true;
      }
    }
    return false;
  }
}
