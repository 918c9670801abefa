package io.github.s3fifo.store;

import static io.github.s3fifo.store.StoreTestSupport.BYTE_LENGTH;
import static io.github.s3fifo.store.StoreTestSupport.bytes;
import static io.github.s3fifo.store.StoreTestSupport.contents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expiry with an injected ticker: never returned, reclaimed on access, by scans and by sweeps. */
class ShardedStoreExpiryTest {

  private final FakeTicker ticker = new FakeTicker(0);
  private final RecordingListener<Integer, Integer> listener = new RecordingListener<>();

  private ShardedStore<Integer, Integer> store(long maximumSize, int shards) {
    ShardedStore.Builder<Integer, Integer> builder =
        ShardedStore.<Integer, Integer>builder()
            .expiring()
            .ticker(ticker)
            .removalListener(listener)
            .shardCount(shards)
            .recordStats(true);
    if (maximumSize >= 0) {
      builder.maximumSize(maximumSize);
    } else {
      builder.weigher(Weigher.unit());
    }
    return builder.build();
  }

  @Test
  void tickerIsTheInjectedOne() {
    assertSame(ticker, store(10, 1).ticker());
  }

  @Test
  void expiredEntriesAreNeverReturned() {
    ShardedStore<Integer, Integer> store = store(10_000, 4);
    for (int i = 0; i < 1_000; i++) {
      store.put(i, i, i % 2 == 0 ? 500 : ShardedStore.NEVER);
    }
    ticker.set(499);
    assertEquals(Integer.valueOf(0), store.peek(0), "not yet expired");
    ticker.set(600);
    for (int i = 0; i < 1_000; i++) {
      if (i % 2 == 0) {
        assertNull(store.peek(i), "peek " + i);
        assertFalse(store.containsKey(i), "containsKey " + i);
        assertNull(store.get(i), "get " + i);
        assertNull(store.getEntry(i), "getEntry " + i);
      } else {
        assertEquals(Integer.valueOf(i), store.peek(i));
      }
    }
    ShardedStore<Integer, Integer> fresh = store(10_000, 4);
    for (int i = 0; i < 1_000; i++) {
      fresh.put(i, i, i % 2 == 0 ? 700 : ShardedStore.NEVER);
    }
    ticker.set(800);
    Map<Integer, Integer> seen = contents(fresh);
    assertEquals(500, seen.size());
    for (Integer k : seen.keySet()) {
      assertEquals(1, k % 2, "iterator returned expired key " + k);
    }
  }

  @Test
  void anEntryPutAlreadyExpiredIsNotReturned() {
    ShardedStore<Integer, Integer> store = store(100, 1);
    ticker.set(1_000);
    store.put(1, 1, 10);
    assertNull(store.get(1));
    assertFalse(store.containsKey(1));
  }

  @Test
  void getEntryOnAnExpiredEntryRemovesItSynchronously() {
    ShardedStore<Integer, Integer> store = store(100, 1);
    store.put(1, 10, 100);
    store.put(2, 20);
    ticker.set(150);
    assertEquals(2, store.size(), "an unreclaimed expired entry still counts in size()");
    assertNull(store.getEntry(1));
    assertEquals(
        List.of(new RecordingListener.Removal<>(1, 10, RemovalCause.EXPIRED)), listener.all());
    assertEquals(1, store.size());
    assertEquals(1, store.weight());
    assertEquals(1, store.stats().expirations());
    assertEquals(1, store.stats().misses());
  }

  @Test
  void getOnAnExpiredEntryIsAMiss() {
    ShardedStore<Integer, Integer> store = store(100, 1);
    store.put(1, 10, 100);
    assertEquals(Integer.valueOf(10), store.get(1));
    ticker.set(150);
    assertNull(store.get(1));
    StoreStats stats = store.stats();
    assertEquals(1, stats.hits());
    assertEquals(1, stats.misses());
  }

  @Test
  void evictExpiredReclaimsEveryExpiredEntry() {
    ShardedStore<Integer, Integer> store = store(-1, 8);
    for (int i = 0; i < 1_000; i++) {
      store.put(i, -i, i < 300 ? 100 : 10_000);
    }
    ticker.set(200);
    assertEquals(300, store.evictExpired());
    assertEquals(700, store.size());
    assertEquals(700, store.weight());
    assertEquals(0, store.evictExpired(), "nothing left to reclaim");
    List<RecordingListener.Removal<Integer, Integer>> removals = listener.drain();
    assertEquals(300, removals.size());
    Set<Integer> keys = new HashSet<>();
    for (RecordingListener.Removal<Integer, Integer> r : removals) {
      assertEquals(RemovalCause.EXPIRED, r.cause());
      assertEquals(-r.key(), r.value());
      assertTrue(r.key() < 300);
      assertTrue(keys.add(r.key()));
    }
    assertEquals(300, store.stats().expirations());
    assertEquals(0, store.stats().evictions());
    for (int i = 300; i < 1_000; i++) {
      assertEquals(Integer.valueOf(-i), store.peek(i));
    }
  }

  @Test
  void evictionRemovesAnExpiredSmallHeadWhateverItsCounter() {
    ShardedStore<Integer, Integer> store = store(10, 1);
    for (int i = 0; i < 10; i++) {
      store.put(i, i, 100);
      for (int j = 0; j < 3; j++) {
        store.get(i);
      }
    }
    ticker.set(200);
    for (int i = 10; i < 20; i++) {
      store.put(i, i);
    }
    assertEquals(List.of(), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(
        Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
        new HashSet<>(listener.keysWithCause(RemovalCause.EXPIRED)));
    assertEquals(10, listener.size());
    for (int i = 10; i < 20; i++) {
      assertEquals(Integer.valueOf(i), store.peek(i));
    }
    assertEquals(10, store.stats().expirations());
    assertEquals(0, store.stats().evictions());
  }

  @Test
  void evictionRemovesAnExpiredMainHeadWhateverItsCounter() {
    RecordingListener<String, byte[]> bytesListener = new RecordingListener<>();
    ShardedStore<String, byte[]> store =
        ShardedStore.<String, byte[]>builder()
            .expiring()
            .maximumWeight(100) // small target 10, main target 90
            .weigher(BYTE_LENGTH)
            .shardCount(1)
            .ticker(ticker)
            .removalListener(bytesListener)
            .build();
    store.put("X", bytes(10), 100);
    store.get("X");
    for (int i = 1; i <= 9; i++) {
      store.put("G" + i, bytes(10));
    }
    // 105 > 100: X (read) moves to main, main's first fill takes G1..G8, G9 goes.
    store.put("T", bytes(5));
    assertEquals(List.of("G9"), bytesListener.keysWithCause(RemovalCause.SIZE));
    assertEquals(95, store.weight());
    for (int i = 0; i < 3; i++) {
      assertNotNull(store.get("X")); // main = [X (counter 3), G1..G8]
    }
    bytesListener.drain();

    ticker.set(200);
    // 101 > 100 and small (5) is under its target: main's head X is processed; it has expired.
    store.put("U", bytes(6));
    List<RecordingListener.Removal<String, byte[]>> removals = bytesListener.drain();
    assertEquals(1, removals.size(), removals::toString);
    assertEquals("X", removals.get(0).key());
    assertEquals(RemovalCause.EXPIRED, removals.get(0).cause());
    assertNotNull(store.peek("G1"), "G1 (counter 0) would be evicted if X had been rotated");
    assertEquals(91, store.weight());
  }

  @Test
  void unboundedStoreOfExpiringEntriesDoesNotGrowWithoutLimit() {
    ShardedStore<Integer, Integer> store = store(-1, 0);
    int writes = 200_000;
    long maxSizeInSecondHalf = 0;
    for (int i = 0; i < writes; i++) {
      ticker.advance(1);
      store.put(i, i, ticker.read() + 100); // about 100 live entries at any time
      if (i >= writes / 2) {
        maxSizeInSecondHalf = Math.max(maxSizeInSecondHalf, store.size());
      }
    }
    assertTrue(
        maxSizeInSecondHalf <= writes / 20,
        "expired entries pile up: size " + maxSizeInSecondHalf + " after " + writes + " writes");
    assertEquals(store.size() + listener.withCause(RemovalCause.EXPIRED).size(), writes);
    assertEquals(listener.size(), store.stats().expirations());
    assertEquals(store.size(), store.weight());
  }

  @Test
  void unboundedStoreWithMixedTimesToLiveDoesNotGrowWithoutLimit() {
    ShardedStore<Integer, Integer> store = store(-1, 4);
    Random random = new Random(7);
    int writes = 200_000;
    for (int i = 0; i < writes; i++) {
      ticker.advance(1);
      store.put(i, i, ticker.read() + 1 + random.nextInt(1_000));
    }
    assertTrue(store.size() <= writes / 20, "size " + store.size() + " after " + writes);
    // Nothing live was lost: every entry written in the last TTL window's worth is still there.
    long now = ticker.read();
    int live = 0;
    for (StoreEntry<Integer, Integer> e : store) {
      assertTrue(e.getExpiresAt() > now);
      live++;
    }
    assertTrue(live > 0);
    assertEquals(store.size() + listener.withCause(RemovalCause.EXPIRED).size(), writes);
  }
}
