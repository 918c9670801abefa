package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Causes with their keys and values, and that no shard lock is held while the listener runs. */
class ShardedStoreRemovalListenerTest {

  private static final Duration DEADLOCK_TIMEOUT = Duration.ofSeconds(10);

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void tearDown() throws InterruptedException {
    other.shutdownNow();
    assertTrue(other.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static RecordingListener.Removal<Integer, String> removal(
      int key, String value, RemovalCause cause) {
    return new RecordingListener.Removal<>(key, value, cause);
  }

  @Test
  void everyCauseWithItsKeyAndValue() {
    FakeTicker ticker = new FakeTicker();
    RecordingListener<Integer, String> listener = new RecordingListener<>();
    ShardedStore<Integer, String> store =
        ShardedStore.<Integer, String>builder()
            .expiring()
            .maximumSize(3)
            .shardCount(1)
            .ticker(ticker)
            .removalListener(listener)
            .build();
    store.put(1, "a");
    store.put(1, "b");
    assertEquals(List.of(removal(1, "a", RemovalCause.REPLACED)), listener.drain());
    store.replace(1, "c");
    store.replace(1, "c", "d");
    store.compute(1, e -> { e.setValue("e"); return null; });
    assertEquals(
        List.of(
            removal(1, "b", RemovalCause.REPLACED),
            removal(1, "c", RemovalCause.REPLACED),
            removal(1, "d", RemovalCause.REPLACED)),
        listener.drain());
    store.remove(1);
    store.put(2, "x");
    store.remove(2, "x");
    store.put(3, "y");
    store.compute(3, e -> { e.remove(); return null; });
    store.put(4, "z");
    var it = store.iterator();
    it.next();
    it.remove();
    assertEquals(
        List.of(
            removal(1, "e", RemovalCause.EXPLICIT),
            removal(2, "x", RemovalCause.EXPLICIT),
            removal(3, "y", RemovalCause.EXPLICIT),
            removal(4, "z", RemovalCause.EXPLICIT)),
        listener.drain());
    store.put(5, "p", 100);
    ticker.set(200);
    assertNull(store.getEntry(5));
    assertEquals(List.of(removal(5, "p", RemovalCause.EXPIRED)), listener.drain());
    for (int i = 10; i < 14; i++) {
      store.put(i, "v" + i);
    }
    // Main's first fill (target 2) takes 10 and 11 from small; 12 goes.
    assertEquals(List.of(removal(12, "v12", RemovalCause.SIZE)), listener.drain());
    store.clear();
    List<RecordingListener.Removal<Integer, String>> cleared = listener.drain();
    assertEquals(3, cleared.size());
    for (int i : new int[] {10, 11, 13}) {
      assertTrue(cleared.contains(removal(i, "v" + i, RemovalCause.EXPLICIT)), cleared::toString);
    }
  }

  /**
   * A listener that, when first told of {@code cause}, writes another key of the same (single)
   * shard from another thread and waits for that write. If the shard lock were held, it deadlocks.
   */
  private final class CrossThreadWriter implements RemovalListener<Integer, String> {
    private final RemovalCause trigger;
    private final AtomicReference<ShardedStore<Integer, String>> store = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean fired;

    CrossThreadWriter(RemovalCause trigger) {
      this.trigger = trigger;
    }

    @Override
    public void onRemoval(Integer key, String value, RemovalCause cause) {
      if (cause != trigger || fired) {
        return;
      }
      fired = true;
      try {
        other
            .submit(() -> {
              store.get().put(1_000, "from-listener");
              store.get().get(1_001);
              store.get().remove(1_002);
            })
            .get(DEADLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception | Error e) {
        failure.set(e);
      }
    }
  }

  private void assertNoDeadlock(
      RemovalCause cause, Consumer<ShardedStore<Integer, String>> action) {
    assertNoDeadlock(cause, action, true);
  }

  private void assertNoDeadlock(
      RemovalCause cause, Consumer<ShardedStore<Integer, String>> action, boolean writeSurvives) {
    FakeTicker ticker = new FakeTicker();
    CrossThreadWriter listener = new CrossThreadWriter(cause);
    ShardedStore<Integer, String> store =
        ShardedStore.<Integer, String>builder()
            .expiring()
            .maximumSize(50)
            .shardCount(1)
            .ticker(ticker)
            .removalListener(listener)
            .build();
    listener.store.set(store);
    store.put(1, "one", 100);
    store.put(1_002, "two");
    assertTimeoutPreemptively(
        DEADLOCK_TIMEOUT.multipliedBy(2),
        () -> {
          if (cause == RemovalCause.EXPIRED) {
            ticker.set(200);
          }
          action.accept(store);
        });
    assertTrue(listener.fired, "the listener was not told of " + cause);
    assertNull(
        listener.failure.get(), () -> "write from the listener failed: " + listener.failure.get());
    if (writeSurvives) {
      assertEquals("from-listener", store.peek(1_000));
    }
  }

  @Test
  void replacedIsNotReportedUnderTheShardLock() {
    assertNoDeadlock(RemovalCause.REPLACED, s -> s.put(1, "uno"));
  }

  @Test
  void explicitIsNotReportedUnderTheShardLock() {
    assertNoDeadlock(RemovalCause.EXPLICIT, s -> s.remove(1));
  }

  @Test
  void clearDoesNotReportUnderTheShardLock() {
    // The write may land before clear() reaches it: only its completion is checked.
    assertNoDeadlock(RemovalCause.EXPLICIT, ShardedStore::clear, false);
  }

  @Test
  void expiredIsNotReportedUnderTheShardLock() {
    assertNoDeadlock(RemovalCause.EXPIRED, s -> assertNull(s.getEntry(1)));
  }

  @Test
  void expiredFromEvictExpiredIsNotReportedUnderTheShardLock() {
    assertNoDeadlock(RemovalCause.EXPIRED, ShardedStore::evictExpired);
  }

  @Test
  void sizeIsNotReportedUnderTheShardLock() {
    assertNoDeadlock(
        RemovalCause.SIZE,
        s -> {
          for (int i = 0; i < 200; i++) {
            s.put(i + 10, "v");
          }
        },
        false);
  }

  @Test
  void theListenerMayWriteToTheStoreOnItsOwnThread() {
    AtomicReference<ShardedStore<Integer, String>> ref = new AtomicReference<>();
    ShardedStore<Integer, String> store =
        ShardedStore.<Integer, String>builder()
            .expiring()
            .maximumSize(5)
            .shardCount(1)
            .removalListener((k, v, cause) -> {
              if (k < 100) {
                ref.get().put(k + 100, v); // keep a copy of every evicted entry, same shard
              }
            })
            .build();
    ref.set(store);
    assertTimeoutPreemptively(
        DEADLOCK_TIMEOUT,
        () -> {
          for (int i = 0; i < 20; i++) {
            store.put(i, "v" + i);
          }
        });
    assertTrue(store.size() <= 5);
    // The listener runs while its write still holds the written key, so the copies it writes
    // pass over that key instead of evicting it: the last key written is resident.
    assertNotNull(store.peek(19));
  }

  @Test
  void aWeigherIsNotRunUnderTheShardLock() {
    AtomicReference<ShardedStore<Integer, String>> ref = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ShardedStore<Integer, String> store =
        ShardedStore.<Integer, String>builder()
            .expiring()
            .maximumWeight(1_000)
            .shardCount(1)
            .weigher((k, v) -> {
              if (v.equals("trigger")) {
                try {
                  other.submit(() -> ref.get().put(7, "seven"))
                      .get(DEADLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                  failure.set(e);
                }
              }
              return v.length();
            })
            .build();
    ref.set(store);
    store.put(1, "x");
    assertTimeoutPreemptively(DEADLOCK_TIMEOUT.multipliedBy(2), () -> store.put(1, "trigger"));
    assertNull(failure.get(), () -> "write from the weigher failed: " + failure.get());
    assertEquals("seven", store.peek(7));
    assertEquals("trigger", store.peek(1));
    assertEquals(12, store.weight());
  }

  @Test
  void aThrowingListenerNeitherCorruptsTheStoreNorHidesOtherRemovals() {
    RecordingListener<Integer, String> seen = new RecordingListener<>();
    ShardedStore<Integer, String> store =
        ShardedStore.<Integer, String>builder()
            .expiring()
            .maximumSize(3)
            .shardCount(1)
            .removalListener((k, v, cause) -> {
              seen.onRemoval(k, v, cause);
              throw new IllegalStateException("listener failed on " + k);
            })
            .build();
    for (int i = 0; i < 3; i++) {
      store.put(i, "v" + i);
    }
    // Main's first fill (target 2) takes 0 and 1 from small; 2 goes.
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.put(3, "v3"));
    assertEquals("listener failed on 2", e.getMessage());
    assertEquals("v3", store.peek(3), "the write took effect");
    assertNull(store.peek(2), "the eviction took effect");
    assertEquals(
        List.of(new RecordingListener.Removal<>(2, "v2", RemovalCause.SIZE)), seen.drain());
    assertThrows(IllegalStateException.class, () -> store.put(1, "w1"));
    assertEquals("w1", store.peek(1));
    assertEquals(3, store.size());
    assertEquals(3, store.weight());
    assertEquals(
        List.of(new RecordingListener.Removal<>(1, "v1", RemovalCause.REPLACED)), seen.drain());
    // clear() tells of every entry, then rethrows the first failure.
    assertThrows(IllegalStateException.class, store::clear);
    assertEquals(0, store.size());
    assertEquals(0, store.weight());
    assertEquals(3, seen.withCause(RemovalCause.EXPLICIT).size());
    // Still usable.
    store.put(9, "v9");
    assertEquals("v9", store.get(9));
  }

  @Test
  void aListenerThrowingTheSameExceptionTwiceStillHearsOfEveryRemoval() {
    RecordingListener<Integer, String> seen = new RecordingListener<>();
    IllegalStateException shared = new IllegalStateException("shared failure");
    ShardedStore<Integer, String> store =
        ShardedStore.<Integer, String>builder()
            .expiring()
            .maximumSize(10)
            .shardCount(1)
            .removalListener((k, v, cause) -> {
              seen.onRemoval(k, v, cause);
              throw shared;
            })
            .build();
    for (int i = 0; i < 3; i++) {
      store.put(i, "v" + i);
    }
    RuntimeException thrown = assertThrows(RuntimeException.class, store::clear);
    assertEquals(0, store.size());
    assertEquals(3, seen.withCause(RemovalCause.EXPLICIT).size(), "removals left untold");
    assertSame(shared, thrown, "the listener's own exception propagates");
  }
}
