package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A computation running user code holds only its own key: other keys of the same shard proceed,
 * writers of the same key wait, and reads of the same key are not blocked.
 */
class ShardedStoreKeyLockingTest {

  private static final long TIMEOUT_S = 10;
  /** How long a blocked writer is watched to see that it stays blocked. */
  private static final long STAYS_BLOCKED_MS = 300;

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(TIMEOUT_S, TimeUnit.SECONDS), "a worker is stuck");
  }

  private static ShardedStore<String, Integer> singleShard(long maximumSize) {
    return ShardedStore.<String, Integer>builder()
        .maximumSize(maximumSize)
        .shardCount(1)
        .build();
  }

  /** Starts compute(key) that signals {@code entered} and then waits for {@code release}. */
  private Future<Integer> blockedCompute(
      ShardedStore<String, Integer> store,
      String key,
      CountDownLatch entered,
      CountDownLatch release) {
    return pool.submit(
        () ->
            store.compute(
                key,
                e -> {
                  entered.countDown();
                  try {
                    assertTrue(release.await(TIMEOUT_S, TimeUnit.SECONDS), "never released");
                  } catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                  }
                  int next = e.isPresent() ? e.value() + 1 : 1;
                  e.setValue(next);
                  return next;
                }));
  }

  private <T> T within(Callable<T> call) throws Exception {
    return pool.submit(call).get(TIMEOUT_S, TimeUnit.SECONDS);
  }

  private static void assertStillBlocked(Future<?> future) throws Exception {
    try {
      future.get(STAYS_BLOCKED_MS, TimeUnit.MILLISECONDS);
      throw new AssertionError("a writer of the held key did not wait");
    } catch (TimeoutException expected) {
      // still waiting, as it must
    }
  }

  @Test
  void otherKeysOfTheSameShardProceedWhileAComputationRuns() throws Exception {
    ShardedStore<String, Integer> store = singleShard(1_000);
    assertEquals(1, store.shardCount());
    store.put("A", 10);
    store.put("B", 20);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Integer> computeA = blockedCompute(store, "A", entered, release);
    assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
    try {
      assertEquals(20, within(() -> store.put("B", 21)));
      assertEquals(21, within(() -> store.get("B")));
      Integer computed = within(() -> store.compute("B", e -> { e.setValue(22); return 22; }));
      assertEquals(22, computed);
      assertNull(within(() -> store.putIfAbsent("C", 30)));
      assertTrue(within(() -> store.replace("C", 30, 31)));
      assertEquals(31, within(() -> store.remove("C")));
      assertEquals(0, within(() -> { store.put("D", 1); return store.get("D") - 1; }));
      // Reads of the held key are lock-free: they see the old value without waiting.
      assertEquals(10, within(() -> store.get("A")));
      assertEquals(10, within(() -> store.peek("A")));
      assertTrue(within(() -> store.containsKey("A")));
      assertEquals(3, within(() -> (int) store.size()));
      assertFalse(computeA.isDone());
    } finally {
      release.countDown();
    }
    assertEquals(11, computeA.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(11, store.get("A"));
  }

  @Test
  void aSecondComputationOfTheSameKeyWaitsAndNoUpdateIsLost() throws Exception {
    ShardedStore<String, Integer> store = singleShard(1_000);
    store.put("A", 0);
    CountDownLatch entered1 = new CountDownLatch(1);
    CountDownLatch release1 = new CountDownLatch(1);
    Future<Integer> first = blockedCompute(store, "A", entered1, release1);
    assertTrue(entered1.await(TIMEOUT_S, TimeUnit.SECONDS));

    CountDownLatch entered2 = new CountDownLatch(1);
    CountDownLatch release2 = new CountDownLatch(1);
    release2.countDown(); // the second one does not block once it gets in
    Future<Integer> second = blockedCompute(store, "A", entered2, release2);
    assertFalse(
        entered2.await(STAYS_BLOCKED_MS, TimeUnit.MILLISECONDS),
        "a second computation of the same key ran while the first held it");
    release1.countDown();
    assertEquals(1, first.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(2, second.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(2, store.get("A"));
  }

  @Test
  void everyWriterOfTheHeldKeyWaits() throws Exception {
    ShardedStore<String, Integer> store = singleShard(1_000);
    store.put("A", 0);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Integer> compute = blockedCompute(store, "A", entered, release);
    assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
    Future<Integer> put = pool.submit(() -> store.put("A", 100));
    assertStillBlocked(put);
    assertEquals(0, store.peek("A"));
    release.countDown();
    assertEquals(1, compute.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(1, put.get(TIMEOUT_S, TimeUnit.SECONDS), "put ran after the computation");
    assertEquals(100, store.get("A"));

    CountDownLatch entered2 = new CountDownLatch(1);
    CountDownLatch release2 = new CountDownLatch(1);
    Future<Integer> compute2 = blockedCompute(store, "A", entered2, release2);
    assertTrue(entered2.await(TIMEOUT_S, TimeUnit.SECONDS));
    Future<Integer> remove = pool.submit(() -> store.remove("A"));
    assertStillBlocked(remove);
    release2.countDown();
    assertEquals(101, compute2.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(101, remove.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertNull(store.get("A"));
  }

  @Test
  void anEntryHeldByAComputationIsNotEvicted() throws Exception {
    ShardedStore<String, Integer> store = singleShard(10);
    store.put("A", 0);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Integer> compute = blockedCompute(store, "A", entered, release);
    assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
    try {
      within(
          () -> {
            for (int i = 0; i < 500; i++) {
              store.put("k" + i, i);
              assertTrue(store.weight() <= 10, "weight over capacity while A is held");
              assertNotNull(store.peek("A"), "the held entry was evicted at put #" + i);
            }
            return null;
          });
    } finally {
      release.countDown();
    }
    assertEquals(1, compute.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(1, store.get("A"));
    assertTrue(store.weight() <= 10);
  }

  @Test
  void aWriteBesideAHeldEntryStillEndsWithinCapacity() throws Exception {
    RecordingListener<String, Integer> listener = new RecordingListener<>();
    ShardedStore<String, Integer> store =
        ShardedStore.<String, Integer>builder()
            .maximumSize(1)
            .shardCount(1)
            .removalListener(listener)
            .build();
    store.put("A", 0);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Integer> compute = blockedCompute(store, "A", entered, release);
    assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
    try {
      // A is held, so it is passed over; B is small's head with counter 0, so B is evicted.
      within(() -> store.put("B", 1));
      assertEquals(1, store.weight(), "weight after put(B) returned");
      assertEquals(0, store.peek("A"));
      assertNull(store.peek("B"));
      assertEquals(
          List.of(new RecordingListener.Removal<>("B", 1, RemovalCause.SIZE)), listener.all());
    } finally {
      release.countDown();
    }
    assertEquals(1, compute.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertTrue(store.weight() <= 1);
  }

  @Test
  void aComputationOfAnAbsentKeyDoesNotBlockTheShard() throws Exception {
    ShardedStore<String, Integer> store = singleShard(10);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Integer> load = blockedCompute(store, "A", entered, release);
    assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS));
    try {
      within(
          () -> {
            for (int i = 0; i < 100; i++) {
              store.put("k" + i, i);
            }
            return null;
          });
      assertNull(store.get("A"));
      Future<Integer> putA = pool.submit(() -> store.putIfAbsent("A", 50));
      assertStillBlocked(putA);
      release.countDown();
      assertEquals(1, putA.get(TIMEOUT_S, TimeUnit.SECONDS), "putIfAbsent saw the computed value");
    } finally {
      release.countDown();
    }
    assertEquals(1, load.get(TIMEOUT_S, TimeUnit.SECONDS));
    assertEquals(1, store.peek("A"));
  }
}
