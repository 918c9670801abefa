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

  /**
   * A 10-entry shard (small target 1, main target 9) after its first fill: 0..10 were put, main's
   * first fill took 0..8 from small, 9 was evicted into the ghost, and small holds 10.
   */
  private static ShardedStore<Integer, Integer> filledShard(
      long expectedEntries, RecordingListener<Integer, Integer> listener) {
    ShardedStore<Integer, Integer> store = countStore(10, expectedEntries, listener);
    for (int i = 0; i <= 10; i++) {
      store.put(i, i);
    }
    assertEquals(List.of(9), listener.keysWithCause(RemovalCause.SIZE));
    listener.drain();
    return store;
  }

  @Test
  void mainsFirstFillTakesWhatSmallHoldsThenNothingUnreadEntersMain() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(0, listener);
    for (int i = 0; i <= 8; i++) {
      assertEquals(Integer.valueOf(i), store.peek(i), "first fill of main");
    }
    assertNull(store.peek(9));
    // Main is filled: each key never read now goes from small's head into the ghost.
    for (int i = 11; i < 30; i++) {
      store.put(i, i);
      assertEquals(List.of(i - 1), listener.keysWithCause(RemovalCause.SIZE));
      listener.drain();
    }
    for (int i = 0; i <= 8; i++) {
      assertEquals(Integer.valueOf(i), store.peek(i), "main untouched by one-hit wonders");
    }
  }

  /** After the first fill, touches small's head 10 with the given access, then inserts 11. */
  private static List<Integer> evictedAfterTouchingSmallHead(
      Consumer<ShardedStore<Integer, Integer>> touch) {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(0, listener);
    touch.accept(store);
    store.put(11, 11);
    return listener.keysWithCause(RemovalCause.SIZE);
  }

  @Test
  void getBumpsTheCounterSoTheSmallHeadMovesToMain() {
    // 10 (counter 1) moves to main; small is then below its target, so main's head 0 goes.
    assertEquals(List.of(0), evictedAfterTouchingSmallHead(s -> assertNotNull(s.get(10))));
    assertEquals(List.of(0), evictedAfterTouchingSmallHead(s -> assertNotNull(s.getEntry(10))));
  }

  @Test
  void peekAndContainsKeyDoNotBumpTheCounter() {
    assertEquals(List.of(10), evictedAfterTouchingSmallHead(s -> assertNotNull(s.peek(10))));
    assertEquals(List.of(10), evictedAfterTouchingSmallHead(s -> assertTrue(s.containsKey(10))));
    assertEquals(List.of(10), evictedAfterTouchingSmallHead(s -> { }));
  }

  /** A sketch far wider than these few keys: no estimate here is raised by another key. */
  private static final long WIDE = 1 << 12;

  @Test
  void ghostHitJoinsMainWhenMainHasRoomAndSurvivesOneHitWonders() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(WIDE, listener);
    store.remove(0); // main: 8 of its 9
    store.put(9, 100); // remembered by the ghost, and main has room: joins main
    assertEquals(1, store.stats().ghostHits());
    assertEquals(List.of(), listener.keysWithCause(RemovalCause.SIZE));
    for (int i = 100; i < 300; i++) {
      store.put(i, i); // one-hit wonders churn through small only
    }
    assertEquals(Integer.valueOf(100), store.peek(9), "re-admitted key flushed by one-hit wonders");
    for (int i = 1; i <= 8; i++) {
      assertEquals(Integer.valueOf(i), store.peek(i));
    }
    assertEquals(1, store.stats().ghostHits());
    assertEquals(10, store.size());
  }

  @Test
  void ghostHitNoMorePopularThanMainsVictimHasToProveItselfInSmall() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(WIDE, listener);
    // 9 was counted twice (two insertions), main's victim 0 once: 2 > 1 + 1 fails.
    store.put(9, 9);
    assertEquals(1, store.stats().ghostHits());
    assertEquals(List.of(10), listener.keysWithCause(RemovalCause.SIZE), "room made in small");
    store.put(100, 100); // 9 sits in small with counter 0: it goes
    assertEquals(List.of(10, 9), listener.keysWithCause(RemovalCause.SIZE));
    for (int i = 0; i <= 8; i++) {
      assertEquals(Integer.valueOf(i), store.peek(i));
    }
  }

  @Test
  void ghostHitMorePopularThanMainsVictimJoinsMainAndTheVictimGoesNext() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(WIDE, listener);
    store.put(9, 9); // counted twice: refused by main, evicts 10 from small
    store.put(100, 100); // evicts 9 from small into the ghost again
    assertEquals(List.of(10, 9), listener.keysWithCause(RemovalCause.SIZE));
    listener.drain();
    // Counted three times now against the victim 0's once: 3 > 1 + 1, so 9 joins main; the room
    // comes from small (100 goes), main holds 10 for a moment.
    store.put(9, 9);
    assertEquals(2, store.stats().ghostHits());
    assertEquals(List.of(100), listener.keysWithCause(RemovalCause.SIZE));
    store.put(101, 101); // small is below its target: main's head, the victim 0, goes
    assertEquals(List.of(100, 0), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(Integer.valueOf(9), store.peek(9));
  }

  @Test
  void aLoopLargerThanTheCacheKeepsAResidentPart() {
    // Plain S3-FIFO misses every request of a loop this much larger than the cache: each key
    // is evicted (from small or main) before it comes round again.
    for (int length : new int[] {1_200, 4_000}) {
      ShardedStore<Integer, Integer> store =
          ShardedStore.<Integer, Integer>builder().maximumSize(1_000).shardCount(1).build();
      int hits = 0;
      for (int round = 0; round < 20; round++) {
        hits = 0;
        for (int k = 0; k < length; k++) {
          if (store.get(k) != null) {
            hits++;
          } else {
            store.put(k, k);
          }
        }
      }
      // Main (900 entries) keeps a stable part of the loop: close to 900 hits a round.
      assertTrue(hits >= 850, "hits in the last round of a " + length + "-key loop: " + hits);
      assertTrue(store.size() <= 1_000);
    }
  }

  /**
   * Evicts a key into the ghost (the first eviction, after main's first fill), then
   * {@code laterEvictions} more keys; returns the ghost hits of re-inserting the first.
   */
  private static long ghostHitsAfter(long size, long expectedEntries, int laterEvictions) {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(size, expectedEntries, listener);
    int key = 0;
    while (listener.size() < 1) {
      store.put(key, key);
      key++;
    }
    int first = listener.keysWithCause(RemovalCause.SIZE).get(0);
    int next = 1_000;
    while (listener.size() < 1 + laterEvictions) {
      store.put(next, next);
      next++;
    }
    assertEquals(1 + laterEvictions, listener.size(), "one eviction per insert");
    store.put(first, first);
    return store.stats().ghostHits();
  }

  @Test
  void theGhostRemembersWithinItsHorizonAndForgetsBeyondIt() {
    // 64 expected entries: a horizon of 6 × 64 = 384 evictions.
    assertEquals(1, ghostHitsAfter(10, 64, 150), "150 evictions ago: within the horizon");
    assertEquals(0, ghostHitsAfter(10, 64, 400), "400 evictions ago: beyond the horizon");
  }

  @Test
  void theGhostsHorizonIsAtLeastSixteenAndSixTimesTheLiveEntries() {
    // No expected entries: 16, but 9 live entries after the first eviction make it 54 (and
    // 9 buckets: fewer than 9 later evictions cannot overflow the first key's bucket).
    assertEquals(1, ghostHitsAfter(10, 0, 8));
    assertEquals(0, ghostHitsAfter(10, 0, 80));
    // 40 live entries: 234 (6 × 39, counted after the eviction), not 16 nor 54.
    assertEquals(1, ghostHitsAfter(40, 0, 40));
    assertEquals(0, ghostHitsAfter(40, 0, 260));
  }

  @Test
  void aKeyThatKeepsComingBackIsRememberedFromItsLatestEviction() {
    // A FIFO with a count per fingerprint forgets such a key when the record of an eviction it
    // already came back from falls off the end; the ghost keeps the latest record.
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(64, listener); // horizon 384
    int next = 1_000;
    for (int round = 0; round < 4; round++) {
      store.put(77, 77);
      for (int guard = 0; !listener.keysWithCause(RemovalCause.SIZE).contains(77); guard++) {
        assertTrue(guard < 100, "77 should leave small unread within a few insertions");
        store.put(next, next);
        next++;
      }
      listener.drain();
      for (int i = 0; i < 60; i++) {
        store.put(next, next);
        next++;
      }
      long before = store.stats().ghostHits();
      store.put(77, 77);
      assertEquals(before + 1, store.stats().ghostHits(), "round " + round);
      store.remove(77);
      listener.drain();
    }
  }

  @Test
  void aGhostHitIsConsumed() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(WIDE, listener);
    store.put(9, 9); // ghost hit (refused by main: small)
    store.remove(9);
    store.put(9, 9); // the fingerprint was forgotten: no ghost hit
    assertEquals(1, store.stats().ghostHits());
    listener.drain();
    store.put(100, 100);
    assertEquals(List.of(9), listener.keysWithCause(RemovalCause.SIZE), "9 should be in small");
  }

  @Test
  void clearForgetsTheGhostAndMainsFirstFill() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = filledShard(0, listener); // 9 is in the ghost
    store.clear();
    listener.drain();
    store.put(9, 9);
    assertEquals(0, store.stats().ghostHits(), "a cleared store starts with an empty ghost");
    store.remove(9);
    listener.drain();
    // Main fills afresh: 0..8 from small again, 9 evicted (a filled main would evict 0).
    for (int i = 0; i <= 10; i++) {
      store.put(i, i);
    }
    assertEquals(List.of(9), listener.keysWithCause(RemovalCause.SIZE));
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
    // 101 > 100: A1..A10 move to main with counter 0; small is empty (0 < 10), main's head goes.
    store.put("S", bytes(1));
    assertEquals(List.of("A1"), listener.keysWithCause(RemovalCause.SIZE));
    assertEquals(91, store.weight());

    store.get("A2");
    store.get("A2");
    store.get("A3");
    store.put("A2", bytes(15)); // replace in place: stays in main, counter 2 kept
    assertEquals(96, store.weight());
    assertEquals(List.of("A1"), listener.keysWithCause(RemovalCause.SIZE));
    // 104 > 100, small = {S} (1 < 10): A2 (2 -> 1) and A3 (1 -> 0) go round, A4 is evicted.
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
    ShardedStore<String, byte[]> store = byteStore(100, listener); // small 10, main 90
    for (int i = 1; i <= 5; i++) {
      store.put("H" + i, bytes(10));
      for (int j = 0; j < 3; j++) {
        store.get("H" + i);
      }
    }
    // Room for the sixth: H1..H5 (read) move to main, each raising small's share by 9
    // thousandths (to 14.5%: small 14, main 86); main's first fill takes F1..F3, each lowering
    // it by one; F4 would take main past 86, so main is filled and F4 goes.
    for (int i = 1; i <= 6; i++) {
      store.put("F" + i, bytes(10));
    }
    assertEquals(List.of("F4"), listener.keysWithCause(RemovalCause.SIZE));
    for (int i : new int[] {1, 2, 3, 5, 6}) {
      assertNotNull(store.remove("F" + i));
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
    // From then on small holds 60, above its target, and main is filled: each scan entry makes
    // room by evicting the previous one.
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
    // The same property measured with peek (no side effects) on a single shard: small 100,
    // main 900.
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
    assertEquals(300, resident, "hot keys resident after scan");
    // Main's first fill took the 300 read keys (raising small's share to its 20% ceiling) and
    // the scan's first 690 (each lowering it, to its 1% floor: main 990); every later scan key
    // went from small's head into the ghost, except the last 10, which small holds.
    assertTrue(store.containsKey(10_689));
    assertFalse(store.containsKey(10_690), "a scan key that came after main's first fill");
    assertFalse(store.containsKey(29_989));
    assertTrue(store.containsKey(29_990));
    assertEquals(1_000, store.size());
  }

  @Test
  void onceMainIsFilledAScanNeverEntersIt() {
    RecordingListener<Integer, Integer> listener = new RecordingListener<>();
    ShardedStore<Integer, Integer> store = countStore(1_000, 0, listener);
    for (int i = 100_000; i <= 101_000; i++) {
      // Main's first fill takes 100,000..100,989: each unread head lowers small's share, to
      // its 1% floor (main 990), before main is filled.
      store.put(i, i);
    }
    assertEquals(List.of(100_990), listener.keysWithCause(RemovalCause.SIZE));
    for (int k = 0; k < 300; k++) {
      store.put(k, k);
      store.get(k); // read in small: moves to main, where it displaces the first fill's head
    }
    listener.drain();
    for (int i = 10_000; i < 10_000 + 20 * 1_000; i++) {
      store.put(i, i);
    }
    for (int k = 0; k < 300; k++) {
      assertEquals(Integer.valueOf(k), store.peek(k), "hot key flushed by a scan");
    }
    // The read keys small held (its share had climbed to 20%) went to main as the first scan
    // keys came, displacing 200 of the first fill; every later scan key was evicted from small,
    // unread, and never entered main.
    List<Integer> evicted = listener.keysWithCause(RemovalCause.SIZE);
    assertEquals(20 * 1_000, evicted.size());
    for (int i = 0; i < evicted.size(); i++) {
      int key = evicted.get(i);
      boolean firstFill = key >= 100_000;
      assertEquals(i < 200, firstFill, () -> "eviction #" + key + ": " + evicted.subList(0, 70));
      assertTrue(firstFill || (key >= 10_000 && key < 30_000), "unexpected key " + key);
    }
    int scanResident = 0;
    for (int i = 10_000; i < 10_000 + 20 * 1_000; i++) {
      if (store.peek(i) != null) {
        scanResident++;
      }
    }
    assertEquals(200, scanResident, "only small holds scan keys (as many as it held read keys)");
    assertEquals(1_000, store.size());
  }

}
