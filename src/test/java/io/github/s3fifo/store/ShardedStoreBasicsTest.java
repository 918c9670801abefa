package io.github.s3fifo.store;

import static io.github.s3fifo.store.StoreTestSupport.BYTE_LENGTH;
import static io.github.s3fifo.store.StoreTestSupport.bytes;
import static io.github.s3fifo.store.StoreTestSupport.contents;
import static io.github.s3fifo.store.StoreTestSupport.iteratedWeight;
import static io.github.s3fifo.store.StoreTestSupport.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's test intentions plus size, weight, clear and iteration. */
class ShardedStoreBasicsTest {

  private static ShardedStore<Long, byte[]> byteStore(long capacity) {
    return ShardedStore.<Long, byte[]>builder()
        .maximumWeight(capacity)
        .weigher(BYTE_LENGTH)
        .shardCount(8)
        .expectedEntries(1024)
        .build();
  }

  @Test
  void roundTrip() {
    ShardedStore<Long, byte[]> store = byteStore(10_000);
    byte[] v = bytes(100);
    assertNull(store.put(1L, v));
    assertSame(v, store.get(1L));
    assertSame(v, store.peek(1L));
    assertTrue(store.containsKey(1L));
    assertNull(store.get(2L));
    assertNull(store.peek(2L));
    assertFalse(store.containsKey(2L));

    byte[] w = bytes(10);
    assertSame(v, store.put(1L, w), "put returns the previous value");
    assertSame(w, store.get(1L));
    assertEquals(1, store.size());
  }

  @Test
  void weightTracksResidentWeight() {
    ShardedStore<Long, byte[]> store = byteStore(10_000);
    assertEquals(0, store.weight());
    store.put(1L, bytes(100));
    store.put(2L, bytes(200));
    assertEquals(300, store.weight());
    assertEquals(2, store.size());
    assertEquals(100, store.remove(1L).length);
    assertEquals(200, store.weight());
    assertNull(store.remove(999L));
    assertEquals(200, store.weight());
    assertEquals(1, store.size());
    assertEquals(store.weight(), sum(store.shardWeights()));
  }

  @Test
  void replaceAdjustsWeightInPlace() {
    ShardedStore<Long, byte[]> store = byteStore(10_000);
    store.put(1L, bytes(100));
    store.put(1L, bytes(250));
    assertEquals(250, store.weight());
    assertEquals(250, store.get(1L).length);
    store.put(1L, bytes(30));
    assertEquals(30, store.weight());
    assertEquals(1, store.size());
    assertEquals(30, store.getEntry(1L).getWeight());
    assertEquals(30, sum(store.shardWeights()));
  }

  @Test
  void weightStaysWithinCapacityAfterEveryInsertUnderChurn() {
    // Any power of two up to 64 divides 8_000, so per-shard capacity * shards == capacity.
    ShardedStore<Long, byte[]> store = byteStore(8_000);
    assertTrue(store.shardCount() >= 1 && store.shardCount() <= 8);
    long perShard = 8_000 / store.shardCount();
    Random random = new Random(42);
    for (long i = 0; i < 20_000; i++) {
      store.put(i % 3_000, bytes(1 + random.nextInt(300)));
      if (random.nextInt(4) == 0) {
        store.get(random.nextLong(3_000));
      }
      long weight = store.weight();
      if (weight > 8_000) {
        throw new AssertionError("weight " + weight + " > capacity after put #" + i);
      }
      for (long shardWeight : store.shardWeights()) {
        if (shardWeight > perShard) {
          throw new AssertionError("shard weight " + shardWeight + " > " + perShard + " at #" + i);
        }
      }
    }
    assertTrue(store.stats().evictions() > 0, "churn must have evicted");
    assertEquals(store.weight(), iteratedWeight(store));
    assertEquals(store.weight(), sum(store.shardWeights()));
    assertEquals(store.size(), contents(store).size());
  }

  @Test
  void frequentlyReadEntrySurvivesChurn() {
    ShardedStore<Long, byte[]> store = byteStore(2_000);
    byte[] hot = bytes(100);
    store.put(0L, hot);
    for (int i = 0; i < 8; i++) {
      assertSame(hot, store.get(0L));
    }
    for (long i = 1; i < 2_000; i++) {
      store.put(i, bytes(100));
      store.get(0L);
    }
    assertSame(hot, store.get(0L), "hot key was evicted");
    assertTrue(store.stats().evictions() > 1_000);
  }

  @Test
  void unitWeigherMakesACountBound() {
    ShardedStore<Long, Long> store =
        ShardedStore.<Long, Long>builder().maximumSize(4).shardCount(2).build();
    for (long i = 0; i < 100; i++) {
      store.put(i, i);
      assertTrue(store.size() <= 4, "size " + store.size() + " after put " + i);
      assertEquals(store.size(), store.weight(), "unit weight: weight == entry count");
    }
    assertEquals(96, store.stats().evictions());
    assertEquals(4, store.size());
  }

  @Test
  void unitWeigherCountBoundWithSingleShard() {
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder()
            .maximumWeight(7)
            .weigher(Weigher.unit())
            .shardCount(1)
            .build();
    for (int i = 0; i < 50; i++) {
      store.put(i, i);
      assertEquals(Math.min(i + 1, 7), store.size());
    }
  }

  @Test
  void oversizedEntryIsNotRetainedAndDoesNotWedgeOrFlushTheShard() {
    RecordingListener<Long, byte[]> listener = new RecordingListener<>();
    ShardedStore<Long, byte[]> store =
        ShardedStore.<Long, byte[]>builder()
            .maximumWeight(1_000)
            .weigher(BYTE_LENGTH)
            .shardCount(1)
            .removalListener(listener)
            .build();
    for (long i = 0; i < 9; i++) {
      store.put(i, bytes(100));
    }
    byte[] huge = bytes(5_000);
    assertNull(store.put(100L, huge));
    assertNull(store.get(100L));
    assertFalse(store.containsKey(100L));
    assertEquals(900, store.weight(), "the rest of the shard must stay resident");
    assertEquals(9, store.size());
    List<RecordingListener.Removal<Long, byte[]>> removals = listener.drain();
    assertEquals(1, removals.size());
    assertEquals(100L, removals.get(0).key());
    assertSame(huge, removals.get(0).value());
    assertEquals(RemovalCause.SIZE, removals.get(0).cause());

    // Not wedged: ordinary writes still work and evict normally.
    store.put(200L, bytes(100));
    assertNotNull(store.get(200L));
    store.put(201L, bytes(100));
    assertNotNull(store.get(201L));
    assertTrue(store.weight() <= 1_000);
  }

  @Test
  void oversizedValueReplacingAnExistingKeyReportsReplacedThenDropsTheKey() {
    RecordingListener<Long, byte[]> listener = new RecordingListener<>();
    ShardedStore<Long, byte[]> store =
        ShardedStore.<Long, byte[]>builder()
            .maximumWeight(1_000)
            .weigher(BYTE_LENGTH)
            .shardCount(1)
            .removalListener(listener)
            .build();
    byte[] old = bytes(100);
    store.put(1L, old);
    store.put(2L, bytes(100));
    byte[] huge = bytes(1_001);
    assertSame(old, store.put(1L, huge));
    assertNull(store.peek(1L));
    assertEquals(100, store.weight());
    assertNotNull(store.peek(2L));
    List<RecordingListener.Removal<Long, byte[]>> removals = listener.drain();
    assertEquals(2, removals.size(), removals::toString);
    assertEquals(Set.of(RemovalCause.REPLACED, RemovalCause.SIZE),
        Set.of(removals.get(0).cause(), removals.get(1).cause()));
    for (RecordingListener.Removal<Long, byte[]> r : removals) {
      assertEquals(1L, r.key());
      assertSame(r.cause() == RemovalCause.REPLACED ? old : huge, r.value());
    }
  }

  @Test
  void entryWeighingExactlyTheShardCapacityIsRetained() {
    ShardedStore<Long, byte[]> store =
        ShardedStore.<Long, byte[]>builder()
            .maximumWeight(1_000)
            .weigher(BYTE_LENGTH)
            .shardCount(1)
            .build();
    for (long i = 0; i < 5; i++) {
      store.put(i, bytes(100));
    }
    byte[] full = bytes(1_000);
    store.put(9L, full);
    assertSame(full, store.peek(9L));
    assertEquals(1_000, store.weight());
    assertEquals(1, store.size());
  }

  @Test
  void zeroCapacityRetainsOnlyWeightlessEntries() {
    ShardedStore<Long, byte[]> store =
        ShardedStore.<Long, byte[]>builder().maximumWeight(0).weigher(BYTE_LENGTH).build();
    assertEquals(0, store.capacity());
    store.put(1L, bytes(1));
    assertNull(store.get(1L));
    assertEquals(0, store.weight());
    byte[] empty = bytes(0);
    store.put(2L, empty);
    assertSame(empty, store.get(2L));
    assertEquals(0, store.weight());
  }

  @Test
  void unboundedStoreNeverEvicts() {
    ShardedStore<Long, Long> store = ShardedStore.<Long, Long>builder().build();
    assertEquals(Long.MAX_VALUE, store.capacity());
    for (long i = 0; i < 50_000; i++) {
      store.put(i, i);
    }
    assertEquals(50_000, store.size());
    assertEquals(0, store.stats().evictions());
    assertEquals(Long.valueOf(0), store.get(0L));
  }

  @Test
  void sizeWeightAndShardWeightsAgree() {
    ShardedStore<Long, byte[]> store = byteStore(1_000_000);
    long expected = 0;
    for (long i = 0; i < 1_000; i++) {
      int len = (int) (i % 17);
      store.put(i, bytes(len));
      expected += len;
    }
    assertEquals(1_000, store.size());
    assertEquals(expected, store.weight());
    long[] shardWeights = store.shardWeights();
    assertEquals(store.shardCount(), shardWeights.length);
    assertEquals(expected, sum(shardWeights));
    assertEquals(expected, iteratedWeight(store));
    int nonEmpty = 0;
    for (long w : shardWeights) {
      if (w > 0) {
        nonEmpty++;
      }
    }
    assertEquals(store.shardCount(), nonEmpty, "1000 keys should reach every one of 8 shards");
  }

  @Test
  void clearRemovesEverythingAndReportsExplicit() {
    RecordingListener<Long, Long> listener = new RecordingListener<>();
    ShardedStore<Long, Long> store =
        ShardedStore.<Long, Long>builder().maximumSize(1_000).removalListener(listener).build();
    for (long i = 0; i < 100; i++) {
      store.put(i, i * 10);
    }
    store.clear();
    assertEquals(0, store.size());
    assertEquals(0, store.weight());
    assertEquals(0, sum(store.shardWeights()));
    assertFalse(store.iterator().hasNext());
    assertNull(store.get(5L));
    List<RecordingListener.Removal<Long, Long>> removals = listener.drain();
    assertEquals(100, removals.size());
    Set<Long> keys = new HashSet<>();
    for (RecordingListener.Removal<Long, Long> r : removals) {
      assertEquals(RemovalCause.EXPLICIT, r.cause());
      assertEquals(r.key() * 10, r.value());
      assertTrue(keys.add(r.key()), "reported twice: " + r.key());
    }
    assertEquals(100, keys.size());
    // Usable after clear.
    store.put(1L, 1L);
    assertEquals(Long.valueOf(1), store.get(1L));
    assertEquals(1, store.weight());
  }

  @Test
  void iteratorReturnsLiveEntriesWithWeightsAndSupportsRemove() {
    RecordingListener<Long, byte[]> listener = new RecordingListener<>();
    ShardedStore<Long, byte[]> store =
        ShardedStore.<Long, byte[]>builder()
            .weigher(BYTE_LENGTH)
            .shardCount(4)
            .removalListener(listener)
            .build();
    for (long i = 0; i < 100; i++) {
      store.put(i, bytes((int) i));
    }
    Map<Long, byte[]> seen = contents(store);
    assertEquals(100, seen.size());
    for (Map.Entry<Long, byte[]> e : seen.entrySet()) {
      assertEquals(e.getKey().intValue(), e.getValue().length);
    }
    for (StoreEntry<Long, byte[]> e : store) {
      assertEquals(e.getKey().longValue(), e.getWeight());
      assertEquals(ShardedStore.NEVER, e.getExpiresAt());
    }

    Iterator<StoreEntry<Long, byte[]>> it = store.iterator();
    assertThrows(IllegalStateException.class, it::remove, "remove before next");
    int removed = 0;
    while (it.hasNext()) {
      StoreEntry<Long, byte[]> e = it.next();
      if (e.getKey() % 2 == 0) {
        it.remove();
        assertThrows(IllegalStateException.class, it::remove, "remove twice");
        removed++;
      }
    }
    assertThrows(NoSuchElementException.class, it::next);
    assertEquals(50, removed);
    assertEquals(50, store.size());
    long expectedWeight = 0;
    for (long i = 1; i < 100; i += 2) {
      expectedWeight += i;
      assertNotNull(store.peek(i));
      assertNull(store.peek(i - 1));
    }
    assertEquals(expectedWeight, store.weight());
    assertEquals(50, listener.withCause(RemovalCause.EXPLICIT).size());
    assertEquals(50, listener.size());
  }

  @Test
  void iteratorIsWeaklyConsistentUnderModification() {
    ShardedStore<Long, Long> store = ShardedStore.<Long, Long>builder().shardCount(4).build();
    for (long i = 0; i < 2_000; i++) {
      store.put(i, i);
    }
    // Removed before iteration starts: never seen.
    for (long i = 0; i < 100; i++) {
      store.remove(i);
    }
    Set<Long> seen = new HashSet<>();
    int step = 0;
    for (StoreEntry<Long, Long> e : store) {
      assertTrue(seen.add(e.getKey()), "key returned twice: " + e.getKey());
      // Mutate while iterating: no ConcurrentModificationException.
      if (step < 200) {
        store.remove(1_000 + (long) step); // removed during iteration: may or may not be seen
        store.put(10_000 + (long) step, 0L); // added during iteration: may or may not be seen
      }
      step++;
    }
    for (long i = 0; i < 100; i++) {
      assertFalse(seen.contains(i), "removed before iteration but returned: " + i);
    }
    for (long i = 100; i < 1_000; i++) {
      assertTrue(seen.contains(i), "untouched entry not returned: " + i);
    }
    for (long i = 1_200; i < 2_000; i++) {
      assertTrue(seen.contains(i), "untouched entry not returned: " + i);
    }
    // A removed entry's view forgets its value.
    StoreEntry<Long, Long> view = store.getEntry(500L);
    store.remove(500L);
    assertNull(view.getValue());
  }

  @Test
  void byteArrayValuesAreReturnedAsStored() {
    ShardedStore<Long, byte[]> store = byteStore(10_000);
    byte[] v = {1, 2, 3};
    store.put(7L, v);
    assertArrayEquals(new byte[] {1, 2, 3}, store.get(7L));
  }
}
