package io.github.s3fifo.store;

import static io.github.s3fifo.store.StoreTestSupport.BYTE_LENGTH;
import static io.github.s3fifo.store.StoreTestSupport.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Exact eviction scenarios derived by hand from the policy in {@code package-info.java}, each in a
 * single shard so that the order of evictions is fully determined.
 */
class ShardedStorePolicyTest {

  private static ShardedStore<Integer, Integer> countStore(
      long size, long expectedEntries, RecordingListener<Integer, Integer> listener) {
    return ShardedStore.<Integer, Integer>builder()
        .maximumSize(size)
        .shardCount(1)
        .expectedEntries(expectedEntries)
        .removalListener(listener)
        .build();
  }

  private static ShardedStore<String, byte[]> byteStore(
      long capacity, RecordingListener<String, byte[]> listener) {
    return ShardedStore.<String, byte[]>builder()
        .maximumWeight(capacity)
        .weigher(BYTE_LENGTH)
        .shardCount(1)
        .removalListener(listener)
        .build();
  }

  /** Fills 0..9 of a 10-entry shard, touches key 0 with the given access, then inserts key 10. */
  private static List<Integer> evictedAfterTouchingHead(
      Consumer<ShardedStore<Integer, Integer>> touch) {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(10, 0, listener);
    for (int i = 0; i < 10; i++) {
      store.put(i, i);
    }
    touch.accept(store);
    assertEquals(0, listener.size(), "nothing evicted before the shard overflows");
    store.put(10, 10);
    return listener.keysWithCause(RemovalCause.SIZE);
  }

  @Test
  void getBumpsTheCounterSoTheSmallHeadMovesToMain() {
    assertEquals(List.of(1), evictedAfterTouchingHead(s -> assertNotNull(s.get(0))));
    assertEquals(List.of(1), evictedAfterTouchingHead(s -> assertNotNull(s.getEntry(0))));
  }

  @Test
  void peekAndContainsKeyDoNotBumpTheCounter() {
    assertEquals(List.of(0), evictedAfterTouchingHead(s -> assertNotNull(s.peek(0))));
    assertEquals(List.of(0), evictedAfterTouchingHead(s -> assertTrue(s.containsKey(0))));
    assertEquals(List.of(0), evictedAfterTouchingHead(s -> { }));
  }

  @Test
  void ghostHitAdmitsStraightToMainWhereItSurvivesOneHitWonders() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(10, 0, listener);
    for (int i = 0; i <= 10; i++) {
      store.put(i, i);
    }
    assertEquals(List.of(0), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(0, store.stats().ghostHits());

    store.put(0, 100); // remembered by the ghost: joins main
    assertEquals(1, store.stats().ghostHits());
    assertEquals(List.of(0, 1), listener.keysWithCause(RemovalCause.SIZE));

    for (int i = 100; i < 300; i++) {
      store.put(i, i); // one-hit wonders churn through small only
    }
    assertEquals(
        Integer.valueOf(100), store.peek(0), "re-admitted key was flushed by one-hit wonders");
    assertEquals(1, store.stats().ghostHits());
    assertEquals(10, store.size());
  }

  @Test
  void withoutAGhostHitTheSameKeyIsFlushedFromSmall() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(10, 0, listener);
    for (int i = 0; i <= 10; i++) {
      store.put(i, i);
    }
    store.put(50, 50); // never evicted before: joins small
    for (int i = 100; i < 300; i++) {
      store.put(i, i);
    }
    assertNull(store.peek(50));
    assertEquals(0, store.stats().ghostHits());
    assertTrue(listener.keysWithCause(RemovalCause.SIZE).contains(50));
  }

  /**
   * Evicts key 0 into the ghost, then {@code laterEvictions} more keys; returns the ghost hits of
   * re-inserting 0.
   */
  private static long ghostHitsAfter(long size, long expectedEntries, int laterEvictions) {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(size, expectedEntries, listener);
    int key = 0;
    while (listener.size() < 1) {
      store.put(key, key);
      key++;
    }
    assertEquals(List.of(0), listener.keysWithCause(RemovalCause.SIZE));
    int next = 1_000;
    while (listener.size() < 1 + laterEvictions) {
      store.put(next, next);
      next++;
    }
    assertEquals(1 + laterEvictions, listener.size(), "one eviction per insert");
    store.put(0, 0);
    return store.stats().ghostHits();
  }

  @Test
  void ghostHoldsAtLeastSixteenFingerprints() {
    assertEquals(1, ghostHitsAfter(10, 0, 15), "ghost of 16 must still hold the 16th-newest");
    assertEquals(0, ghostHitsAfter(10, 0, 16), "ghost of 16 must have dropped the 17th-newest");
  }

  @Test
  void ghostIsSizedFromExpectedEntriesPerShard() {
    assertEquals(1, ghostHitsAfter(10, 64, 63));
    assertEquals(0, ghostHitsAfter(10, 64, 64));
  }

  @Test
  void ghostIsAtLeastAsLongAsTheShardHasLiveEntries() {
    // 40 live entries: the ghost keeps at least 40 fingerprints, not just 16.
    assertEquals(1, ghostHitsAfter(40, 0, 30));
    // ...but not more than the live entries (40, or 41 counting the entry being inserted).
    assertEquals(0, ghostHitsAfter(40, 0, 45));
  }

  @Test
  void aGhostHitIsConsumed() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(10, 0, listener);
    for (int i = 0; i <= 10; i++) {
      store.put(i, i);
    }
    store.put(0, 0); // ghost hit, into main
    store.remove(0);
    store.put(0, 0); // the fingerprint was forgotten: small
    assertEquals(1, store.stats().ghostHits());
    listener.drain();
    for (int i = 100; i < 110; i++) {
      store.put(i, i);
    }
    assertTrue(listener.keysWithCause(RemovalCause.SIZE).contains(0), "0 should be in small");
  }

  @Test
  void clearForgetsTheGhost() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(10, 0, listener);
    for (int i = 0; i <= 10; i++) {
      store.put(i, i); // 0 is evicted into the ghost
    }
    store.clear();
    store.put(0, 0);
    assertEquals(0, store.stats().ghostHits(), "a cleared store starts with an empty ghost");
  }

  @Test
  void promotionToMainResetsTheCounterAndMainIsProcessedWhenSmallIsBelowTarget() {
    RecordingListener<String, byte[]> listener = new RecordingListener<>();
    ShardedStore<String, byte[]> store = byteStore(100, listener); // small target 10
    for (int i = 1; i <= 10; i++) {
      store.put("A" + i, bytes(10));
    }
    for (int i = 0; i < 3; i++) {
      store.get("A1");
    }
    for (int i = 2; i <= 10; i++) {
      store.get("A" + i);
    }
    // 101 > 100: A1..A10 move to main with counter 0; small = {S} (1 < 10) so main's head goes.
    store.put("S", bytes(1));
    assertEquals(List.of("A1"), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(91, store.weight());

    store.get("A2");
    store.get("A2");
    store.get("A3");
    store.put("A2", bytes(15)); // replace in place: stays in main, counter 2 kept
    assertEquals(96, store.weight());
    assertEquals(List.of("A1"), listener.keysWithCause(RemovalCause.SIZE));
    // 104 > 100, small = 9 < 10: A2 (2 -> 1) and A3 (1 -> 0) go round, A4 is evicted.
    store.put("U", bytes(8));
    assertEquals(List.of("A1", "A4"), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(94, store.weight());
    assertNotNull(store.peek("A2"));
    assertNotNull(store.peek("A3"));
    assertNotNull(store.peek("S"));
    assertNotNull(store.peek("U"));
  }

  @Test
  void tinyShardDoesNotSpinAndFollowsThePolicy() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(1, 0, listener);
    store.put(0, 0);
    store.get(0);
    // Room for 1 first: 0 (counter 1) moves to main with counter 0, then main's head 0 goes.
    store.put(1, 1);
    assertEquals(List.of(0), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(Integer.valueOf(1), store.peek(1));
    store.put(2, 2); // main empty: small's head 1 (counter 0) is evicted into the ghost
    assertEquals(List.of(0, 1), listener.keysWithCause(RemovalCause.SIZE));
    store.put(1, 1); // ghost hit; room: small's head 2 goes; 1 joins main
    assertEquals(List.of(0, 1, 2), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(Integer.valueOf(1), store.peek(1));
    assertEquals(1, store.stats().ghostHits());
    store.put(3, 3); // small is below its floor target of 1: main's head 1 (counter 0) goes
    assertEquals(List.of(0, 1, 2, 1), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(Integer.valueOf(3), store.peek(3));
    assertEquals(1, store.size());
  }

  @Test
  void aScanOfHeavyEntriesCostsMainOneEntryThenEvictsItselfFromSmall() {
    RecordingListener<String, byte[]> listener = new RecordingListener<>();
    ShardedStore<String, byte[]> store = byteStore(100, listener); // small target 10
    for (int i = 1; i <= 5; i++) {
      store.put("H" + i, bytes(10));
      for (int j = 0; j < 3; j++) {
        store.get("H" + i);
      }
    }
    for (int i = 1; i <= 6; i++) {
      store.put("F" + i, bytes(10)); // room for the sixth: H1..H5 move to main, F1 goes
    }
    assertEquals(List.of("F1"), listener.keysWithCause(RemovalCause.SIZE));
    for (int i = 2; i <= 6; i++) {
      store.remove("F" + i);
    }
    for (int i = 1; i <= 5; i++) {
      for (int j = 0; j < 3; j++) {
        store.get("H" + i); // main = [H1..H5], counters 3
      }
    }
    listener.drain();
    // Room for S1 (60) with small empty (below its target): main goes round, every counter
    // falls to 0, and its head H1 is evicted. S1 then sits in small.
    store.put("S1", bytes(60));
    assertEquals(List.of("H1"), listener.keysWithCause(RemovalCause.SIZE));
    listener.drain();
    // From then on small holds 60 >= 10: each scan entry makes room by evicting the previous one.
    for (int i = 2; i <= 20; i++) {
      store.put("S" + i, bytes(60));
      assertEquals(List.of("S" + (i - 1)), listener.keysWithCause(RemovalCause.SIZE),
          "scan entry #" + i + " must evict the previous scan entry");
      listener.drain();
    }
    for (int i = 2; i <= 5; i++) {
      assertNotNull(store.peek("H" + i), "hot H" + i + " flushed by a scan");
    }
    assertNotNull(store.peek("S20"));
    assertEquals(100, store.weight());
  }

  @Test
  void aOneTimeScanLargerThanTheCacheDoesNotFlushTheHotSet() {
    int capacity = 10_000;
    int hot = 2_000;
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder()
            .maximumSize(capacity)
            .expectedEntries(capacity)
            .recordStats(true)
            .build();
    int cold = 1_000_000;
    // Warm-up: the hot set is read repeatedly amid cold one-hit traffic that fills the cache.
    for (int round = 0; round < 6; round++) {
      for (int k = 0; k < hot; k++) {
        if (store.get(k) == null) {
          store.put(k, k);
        }
      }
      for (int i = 0; i < capacity / 2; i++) {
        store.put(cold, cold);
        cold++;
      }
    }
    assertTrue(store.stats().evictions() > 0, "the warm-up must have filled the cache");
    // A one-time scan of five times the cache.
    for (int i = 0; i < 5 * capacity; i++) {
      store.put(cold, cold);
      cold++;
    }
    StoreStats before = store.stats();
    for (int k = 0; k < hot; k++) {
      store.get(k);
    }
    StoreStats after = store.stats();
    long hits = after.hits() - before.hits();
    assertEquals(hot, hits + after.misses() - before.misses());
    assertTrue(hits >= 0.9 * hot, "hot set hit ratio after the scan: " + hits + "/" + hot);
    assertTrue(store.weight() <= capacity);
  }

  @Test
  void scanAloneIsEvictedWhileTheWorkingSetStays() {
    // The same property measured with peek (no side effects) on a single shard.
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder().maximumSize(1_000).shardCount(1).build();
    for (int k = 0; k < 300; k++) {
      store.put(k, k);
      store.get(k);
    }
    for (int i = 10_000; i < 30_000; i++) {
      store.put(i, i);
    }
    int resident = 0;
    for (int k = 0; k < 300; k++) {
      if (store.peek(k) != null) {
        resident++;
      }
    }
    assertTrue(resident >= 270, "hot keys resident after scan: " + resident + "/300");
    assertFalse(store.containsKey(10_000), "the scan's first key should be long gone");
  }
}
