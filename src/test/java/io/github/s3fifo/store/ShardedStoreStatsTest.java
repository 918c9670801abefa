package io.github.s3fifo.store;

import static io.github.s3fifo.store.StoreTestSupport.BYTE_LENGTH;
import static io.github.s3fifo.store.StoreTestSupport.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hit, miss, eviction, expiration and ghost counters. */
class ShardedStoreStatsTest {

  private static ShardedStore<Integer, Integer> store(boolean recordStats, FakeTicker ticker) {
    return ShardedStore.<Integer, Integer>builder()
        .expiring()
        .maximumSize(10)
        .shardCount(1)
        .ticker(ticker)
        .recordStats(recordStats)
        .build();
  }

  @Test
  void hitsAndMissesAreCountedWhenRecording() {
    ShardedStore<Integer, Integer> store = store(true, new FakeTicker());
    assertEquals(new StoreStats(0, 0, 0, 0, 0, 0), store.stats());
    store.put(1, 1);
    store.get(1);
    store.get(1);
    store.get(2);
    store.getEntry(1);
    store.getEntry(3);
    store.peek(1);
    store.peek(2);
    store.containsKey(1);
    store.containsKey(2);
    StoreStats stats = store.stats();
    assertEquals(3, stats.hits());
    assertEquals(2, stats.misses());
    assertEquals(5, stats.requests());
    assertEquals(0.6, stats.hitRate(), 1e-9);
  }

  @Test
  void hitsAndMissesAreZeroWhenNotRecordingButEvictionsAreCounted() {
    FakeTicker ticker = new FakeTicker();
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder()
            .expiring()
            .maximumSize(10)
            .shardCount(1)
            .ticker(ticker)
            .removalListener(listener)
            .build();
    for (int i = 0; i < 15; i++) {
      store.put(i, i);
      store.get(i);
      store.get(-i - 1);
    }
    store.remove(14);
    store.put(100, 100, 5);
    ticker.set(10);
    assertEquals(1, store.evictExpired());
    StoreStats stats = store.stats();
    assertEquals(0, stats.hits());
    assertEquals(0, stats.misses());
    assertEquals(1.0, stats.hitRate());
    assertEquals(1, stats.expirations());
    assertEquals(listener.withCause(RemovalCause.SIZE).size(), stats.evictions());
    assertEquals(stats.evictions(), stats.evictedWeight(), "unit weights");
    // 16 keys were put once each: each is resident or was removed exactly once.
    long explicit = listener.withCause(RemovalCause.EXPLICIT).size();
    assertEquals(16, store.size() + stats.evictions() + stats.expirations() + explicit);
    assertEquals(listener.size(), stats.evictions() + stats.expirations() + explicit);
  }

  @Test
  void evictionCountersMatchSizeRemovals() {
    RecordingListener<Integer, byte[]> listener = new RecordingListener<>();
    ShardedStore<Integer, byte[]> store =
        ShardedStore.<Integer, byte[]>builder()
            .expiring()
            .maximumWeight(100)
            .weigher(BYTE_LENGTH)
            .shardCount(1)
            .removalListener(listener)
            .build();
    for (int i = 0; i < 10; i++) {
      store.put(i, bytes(10));
    }
    // 130 > 100: main's first fill takes 0..8 from small, 9 goes; then main's head 0 and 1.
    store.put(10, bytes(30));
    assertEquals(3, store.stats().evictions());
    assertEquals(30, store.stats().evictedWeight());
    store.put(11, bytes(7)); // small's head 10 (30, never read) goes
    assertEquals(4, store.stats().evictions());
    assertEquals(60, store.stats().evictedWeight());
    store.put(12, bytes(500)); // oversized: reported SIZE
    long sizeRemovals = listener.withCause(RemovalCause.SIZE).size();
    long sizeWeight = 0;
    for (RecordingListener.Removal<Integer, byte[]> r : listener.withCause(RemovalCause.SIZE)) {
      sizeWeight += r.value().length;
    }
    assertEquals(sizeRemovals, store.stats().evictions(), "evictions vs SIZE notifications");
    assertEquals(sizeWeight, store.stats().evictedWeight(), "evictedWeight vs SIZE notifications");
    assertEquals(0, store.stats().expirations());
  }

  @Test
  void ghostHitsAreCounted() {
    ShardedStore<Integer, Integer> store = store(false, new FakeTicker());
    for (int i = 0; i < 13; i++) {
      store.put(i, i); // main's first fill takes 0..8; 9, 10, 11 are evicted into the ghost
    }
    store.put(0, 0); // resident: no ghost hit
    store.put(9, 9);
    store.put(11, 11);
    store.put(50, 50);
    assertEquals(2, store.stats().ghostHits());
  }
}
