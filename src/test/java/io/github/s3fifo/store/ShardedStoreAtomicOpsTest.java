package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** putIfAbsent, replace, remove, compute, getEntry/setExpiresAt and containsKey. */
class ShardedStoreAtomicOpsTest {

  /** Weight of a String value is its length. */
  private static final Weigher<String, String> LENGTH = (k, v) -> v.length();

  private final FakeTicker ticker = new FakeTicker(1_000);
  private final RecordingListener<String, String> listener = new RecordingListener<>();
  private ShardedStore<String, String> store;

  @BeforeEach
  void setUp() {
    store =
        ShardedStore.<String, String>builder()
            .expiring()
            .maximumWeight(1_000)
            .weigher(LENGTH)
            .ticker(ticker)
            .removalListener(listener)
            .recordStats(true)
            .build();
  }

  private void assertRemovals(RecordingListener.Removal<?, ?>... expected) {
    assertEquals(List.of(expected), listener.drain());
  }

  private static RecordingListener.Removal<String, String> removal(
      String key, String value, RemovalCause cause) {
    return new RecordingListener.Removal<>(key, value, cause);
  }

  @Test
  void putIfAbsent() {
    assertNull(store.putIfAbsent("k", "v1"));
    assertEquals("v1", store.putIfAbsent("k", "v22"));
    assertEquals("v1", store.get("k"));
    assertEquals(2, store.weight());
    assertRemovals();

    store.putIfAbsent("e", "x", 2_000);
    assertEquals(2_000, store.getEntry("e").getExpiresAt());
    ticker.set(2_500);
    assertNull(store.putIfAbsent("e", "yy"), "an expired mapping counts as absent");
    assertEquals("yy", store.get("e"));
    assertEquals(ShardedStore.NEVER, store.getEntry("e").getExpiresAt());
    assertRemovals(removal("e", "x", RemovalCause.EXPIRED));
  }

  @Test
  void replaceIfPresent() {
    assertNull(store.replace("k", "v"));
    assertFalse(store.containsKey("k"));
    store.put("k", "v1", 5_000);
    assertEquals("v1", store.replace("k", "v222"));
    assertEquals("v222", store.get("k"));
    assertEquals(5_000, store.getEntry("k").getExpiresAt(), "replace keeps the expiry");
    assertEquals(4, store.weight());
    assertRemovals(removal("k", "v1", RemovalCause.REPLACED));
  }

  @Test
  void replaceIfMappedToOldValue() {
    assertFalse(store.replace("k", "a", "b"));
    assertFalse(store.containsKey("k"));
    store.put("k", "a");
    assertFalse(store.replace("k", "x", "b"));
    assertEquals("a", store.get("k"));
    assertRemovals();
    assertTrue(store.replace("k", new String("a"), "bbb"), "compares with equals");
    assertEquals("bbb", store.get("k"));
    assertEquals(3, store.weight());
    assertRemovals(removal("k", "a", RemovalCause.REPLACED));
  }

  @Test
  void removeKey() {
    assertNull(store.remove("k"));
    store.put("k", "v");
    assertEquals("v", store.remove("k"));
    assertNull(store.get("k"));
    assertEquals(0, store.weight());
    assertEquals(0, store.size());
    assertRemovals(removal("k", "v", RemovalCause.EXPLICIT));
  }

  @Test
  void removeKeyIfMappedToValue() {
    assertFalse(store.remove("k", "v"));
    store.put("k", "v");
    assertFalse(store.remove("k", "w"));
    assertEquals("v", store.get("k"));
    assertRemovals();
    assertTrue(store.remove("k", new String("v")));
    assertFalse(store.containsKey("k"));
    assertEquals(0, store.weight());
    assertRemovals(removal("k", "v", RemovalCause.EXPLICIT));
  }

  @Test
  void removeOfAnExpiredMappingReturnsNothing() {
    store.put("k", "v", 2_000);
    ticker.set(3_000);
    assertNull(store.remove("k"));
    assertFalse(store.remove("k", "v"));
    assertFalse(store.replace("k", "v", "w"));
    assertNull(store.replace("k", "w"));
    assertFalse(store.containsKey("k"));
    List<RecordingListener.Removal<String, String>> removals = listener.drain();
    assertTrue(removals.size() <= 1, removals::toString);
    for (RecordingListener.Removal<String, String> r : removals) {
      assertEquals(removal("k", "v", RemovalCause.EXPIRED), r);
    }
  }

  @Test
  void containsKey() {
    assertFalse(store.containsKey("k"));
    store.put("k", "v");
    assertTrue(store.containsKey("k"));
    store.remove("k");
    assertFalse(store.containsKey("k"));
    StoreStats stats = store.stats();
    assertEquals(0, stats.hits() + stats.misses(), "containsKey does not count as an access");
  }

  @Test
  void computeSetsAValueOnAnAbsentKey() {
    String result =
        store.compute(
            "k",
            e -> {
              assertEquals("k", e.key());
              assertFalse(e.isPresent());
              assertNull(e.value());
              assertEquals(ShardedStore.NEVER, e.expiresAt());
              assertEquals(1_000, e.now());
              e.setValue("vv");
              assertTrue(e.isPresent());
              assertEquals("vv", e.value(), "value() reflects this computation's change");
              assertEquals(ShardedStore.NEVER, e.expiresAt());
              return "done";
            });
    assertEquals("done", result);
    assertEquals("vv", store.get("k"));
    assertEquals(2, store.weight());
    assertRemovals();
  }

  @Test
  void computeReplacesAPresentValueKeepingItsExpiry() {
    store.put("k", "old", 9_000);
    store.compute(
        "k",
        e -> {
          assertTrue(e.isPresent());
          assertEquals("old", e.value());
          assertEquals(9_000, e.expiresAt());
          e.setValue("new!");
          return null;
        });
    assertEquals("new!", store.get("k"));
    assertEquals(9_000, store.getEntry("k").getExpiresAt());
    assertEquals(4, store.weight());
    assertRemovals(removal("k", "old", RemovalCause.REPLACED));
  }

  @Test
  void computeSetsValueAndExpiry() {
    store.compute("k", e -> { e.setValue("v", 4_000); return null; });
    assertEquals(4_000, store.getEntry("k").getExpiresAt());
    store.compute(
        "k",
        e -> {
          e.setExpiresAt(6_000);
          assertEquals(6_000, e.expiresAt());
          return null;
        });
    assertEquals(6_000, store.getEntry("k").getExpiresAt());
    assertEquals("v", store.get("k"));
    assertRemovals();
    ticker.set(7_000);
    assertNull(store.get("k"));
  }

  @Test
  void computeSetExpiresAtOnAnAbsentKeyIsIgnored() {
    store.compute(
        "k",
        e -> {
          e.setExpiresAt(5);
          assertFalse(e.isPresent());
          assertEquals(ShardedStore.NEVER, e.expiresAt());
          return null;
        });
    assertFalse(store.containsKey("k"));
    assertEquals(0, store.size());
  }

  @Test
  void computeRemoves() {
    store.put("k", "v");
    Boolean wasPresent =
        store.compute(
            "k",
            e -> {
              boolean present = e.isPresent();
              e.remove();
              assertFalse(e.isPresent());
              assertNull(e.value());
              return present;
            });
    assertTrue(wasPresent);
    assertFalse(store.containsKey("k"));
    assertEquals(0, store.weight());
    assertRemovals(removal("k", "v", RemovalCause.EXPLICIT));
    // Removing an absent key is a no-op.
    store.compute("k", e -> { e.remove(); return null; });
    assertRemovals();
    assertEquals(0, store.size());
  }

  @Test
  void computeThatSetsThenRemovesAnAbsentKeyLeavesNothing() {
    store.compute("k", e -> { e.setValue("v"); e.remove(); return null; });
    assertFalse(store.containsKey("k"));
    assertEquals(0, store.size());
    assertEquals(0, store.weight());
  }

  @Test
  void computeThatDoesNothingChangesNothing() {
    store.put("k", "v", 8_000);
    AtomicReference<String> seen = new AtomicReference<>();
    store.compute("k", e -> { seen.set(e.value()); return null; });
    assertEquals("v", seen.get());
    assertEquals("v", store.peek("k"));
    assertEquals(8_000, store.getEntry("k").getExpiresAt());
    assertEquals(1, store.weight());
    assertRemovals();
    store.compute("absent", e -> null);
    assertFalse(store.containsKey("absent"));
    assertEquals(1, store.size());
  }

  @Test
  void computeThatThrowsLeavesTheStoreUnchanged() {
    store.put("k", "v", 8_000);
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> store.compute("k", e -> { e.setValue("changed"); throw boom; }));
    assertSame(boom, thrown);
    assertEquals("v", store.peek("k"));
    assertEquals(8_000, store.getEntry("k").getExpiresAt());
    assertEquals(1, store.weight());
    assertThrows(
        IllegalStateException.class,
        () -> store.compute("k", e -> { e.remove(); throw boom; }));
    assertEquals("v", store.peek("k"));
    assertThrows(
        IllegalStateException.class,
        () -> store.compute("new", e -> { e.setValue("x"); throw boom; }));
    assertFalse(store.containsKey("new"));
    assertEquals(1, store.size());
    assertEquals(1, store.weight());
    assertRemovals();
    // The key is not left locked.
    store.compute("k", e -> { e.setValue("after"); return null; });
    assertEquals("after", store.get("k"));
  }

  @Test
  void computeSeesAnExpiredMappingAsAbsentAfterRemovingIt() {
    store.put("k", "v", 2_000);
    ticker.set(2_500);
    store.compute(
        "k",
        e -> {
          assertFalse(e.isPresent());
          assertNull(e.value());
          assertEquals(2_500, e.now());
          assertEquals(0, store.size(), "the expired mapping is removed before the computation");
          e.setValue("fresh");
          return null;
        });
    assertEquals("fresh", store.get("k"));
    assertEquals(ShardedStore.NEVER, store.getEntry("k").getExpiresAt());
    assertRemovals(removal("k", "v", RemovalCause.EXPIRED));
    assertEquals(1, store.stats().expirations());
  }

  @Test
  void computeWithAnOversizedValueDropsTheKey() {
    store.put("k", "v");
    String huge = "x".repeat(1_001);
    store.compute("k", e -> { e.setValue(huge); return null; });
    assertFalse(store.containsKey("k"));
    assertEquals(0, store.weight());
    List<RecordingListener.Removal<String, String>> removals = listener.drain();
    assertEquals(2, removals.size(), removals::toString);
    assertTrue(removals.contains(removal("k", "v", RemovalCause.REPLACED)));
    assertTrue(removals.contains(removal("k", huge, RemovalCause.SIZE)));
  }

  @Test
  void getEntryIsALiveView() {
    assertNull(store.getEntry("k"));
    store.put("k", "abc", 5_000);
    StoreEntry<String, String> entry = store.getEntry("k");
    assertNotNull(entry);
    assertEquals("k", entry.getKey());
    assertEquals("abc", entry.getValue());
    assertEquals(5_000, entry.getExpiresAt());
    assertEquals(3, entry.getWeight());
    store.remove("k");
    assertNull(entry.getValue(), "a removed mapping's view has no value");
  }

  @Test
  void setExpiresAtChangesTheLiveMappingsExpiry() {
    store.put("k", "v");
    StoreEntry<String, String> entry = store.getEntry("k");
    store.setExpiresAt(entry, 3_000);
    assertEquals(3_000, store.getEntry("k").getExpiresAt());
    assertEquals("v", store.get("k"));
    ticker.set(3_001);
    assertNull(store.get("k"));
    assertNull(store.getEntry("k"));
    assertRemovals(removal("k", "v", RemovalCause.EXPIRED));
  }

  @Test
  void setExpiresAtCanExtendTheExpiry() {
    store.put("k", "v", 2_000);
    store.setExpiresAt(store.getEntry("k"), ShardedStore.NEVER);
    ticker.set(1_000_000);
    assertEquals("v", store.get("k"));
  }

  @Test
  void setExpiresAtThroughAStaleViewDoesNotTouchANewMapping() {
    store.put("k", "v1");
    StoreEntry<String, String> stale = store.getEntry("k");
    store.remove("k");
    store.put("k", "v2");
    store.setExpiresAt(stale, 1_500);
    ticker.set(2_000);
    assertEquals("v2", store.get("k"));
    assertEquals(ShardedStore.NEVER, store.getEntry("k").getExpiresAt());
  }

  @Test
  void putReturnsThePreviousLiveValueOnly() {
    assertNull(store.put("k", "a", 2_000));
    assertEquals("a", store.put("k", "b", 3_000));
    assertEquals(3_000, store.getEntry("k").getExpiresAt(), "put sets the new expiry");
    ticker.set(3_500);
    assertNull(store.put("k", "c"), "an expired previous value is not returned");
    assertEquals("c", store.get("k"));
    List<RecordingListener.Removal<String, String>> removals = listener.drain();
    assertEquals(
        List.of(removal("k", "a", RemovalCause.REPLACED), removal("k", "b", RemovalCause.EXPIRED)),
        removals);
  }
}
