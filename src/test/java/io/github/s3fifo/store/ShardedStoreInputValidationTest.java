package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Null keys and values, bad weights, throwing weighers and builder validation. */
class ShardedStoreInputValidationTest {

  /** Weight is the value itself: lets a test ask for a negative weight. */
  private static final Weigher<String, Integer> VALUE_AS_WEIGHT = (k, v) -> v;

  private final RecordingListener<String, Integer> listener = new RecordingListener<>();
  private ShardedStore<String, Integer> store;

  @BeforeEach
  void setUp() {
    store =
        ShardedStore.<String, Integer>builder()
            .expiring()
            .maximumWeight(1_000)
            .weigher(VALUE_AS_WEIGHT)
            .removalListener(listener)
            .build();
    store.put("k", 5);
    listener.drain();
  }

  private void assertUnchanged() {
    assertEquals(1, store.size());
    assertEquals(5, store.weight());
    assertEquals(Integer.valueOf(5), store.peek("k"));
    assertEquals(List.of(), listener.all(), "no removal may be reported");
  }

  private void assertNpe(Executable call) {
    assertThrows(NullPointerException.class, call);
    assertUnchanged();
  }

  @Test
  void nullKeysAreRejected() {
    assertNpe(() -> store.get(null));
    assertNpe(() -> store.getEntry(null));
    assertNpe(() -> store.peek(null));
    assertNpe(() -> store.containsKey(null));
    assertNpe(() -> store.put(null, 1));
    assertNpe(() -> store.put(null, 1, 10));
    assertNpe(() -> store.putIfAbsent(null, 1));
    assertNpe(() -> store.putIfAbsent(null, 1, 10));
    assertNpe(() -> store.replace(null, 1));
    assertNpe(() -> store.replace(null, 1, 2));
    assertNpe(() -> store.remove(null));
    assertNpe(() -> store.remove(null, 1));
    assertNpe(() -> store.compute(null, e -> null));
  }

  @Test
  void nullValuesAreRejected() {
    assertNpe(() -> store.put("k", null));
    assertNpe(() -> store.put("new", null));
    assertNpe(() -> store.put("k", null, 10));
    assertNpe(() -> store.putIfAbsent("new", null));
    assertNpe(() -> store.putIfAbsent("k", null));
    assertNpe(() -> store.replace("k", null));
    assertNpe(() -> store.replace("k", null, 1));
    assertNpe(() -> store.replace("k", 5, null));
    assertNpe(() -> store.remove("k", null));
    assertNpe(() -> store.compute("k", null));
  }

  @Test
  void aNullEntryViewIsRejectedWithNpe() {
    assertNpe(() -> store.setExpiresAt(null, 10));
  }

  @Test
  void aComputationSettingNullFailsAndChangesNothing() {
    assertNpe(() -> store.compute("k", e -> { e.setValue(null); return null; }));
    assertNpe(() -> store.compute("k", e -> { e.setValue(null, 10); return null; }));
    assertNpe(() -> store.compute("new", e -> { e.setValue(null); return null; }));
    assertFalse(store.containsKey("new"));
  }

  private void assertNegativeWeightRejected(Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("weigh"), e.getMessage());
    assertUnchanged();
    assertFalse(store.containsKey("new"));
  }

  @Test
  void aNegativeWeightIsRejectedAndChangesNothing() {
    assertNegativeWeightRejected(() -> store.put("new", -3));
    assertNegativeWeightRejected(() -> store.put("k", -3));
    assertNegativeWeightRejected(() -> store.put("k", -3, 10));
    assertNegativeWeightRejected(() -> store.putIfAbsent("new", -3));
    assertNegativeWeightRejected(() -> store.replace("k", -3));
    assertNegativeWeightRejected(() -> store.replace("k", 5, -3));
    assertNegativeWeightRejected(() -> store.compute("k", e -> { e.setValue(-3); return null; }));
    assertNegativeWeightRejected(() -> store.compute("new", e -> { e.setValue(-3); return null; }));
    // The keys are not left locked.
    store.put("k", 7);
    store.put("new", 1);
    assertEquals(8, store.weight());
  }

  @Test
  void aThrowingWeigherPropagatesAndChangesNothing() {
    RuntimeException boom = new IllegalStateException("weigher failed");
    ShardedStore<String, Integer> throwing =
        ShardedStore.<String, Integer>builder()
            .expiring()
            .maximumWeight(1_000)
            .weigher((k, v) -> {
              if (v == 13) {
                throw boom;
              }
              return v;
            })
            .removalListener(listener)
            .build();
    throwing.put("k", 5);
    listener.drain();
    List<Consumer<ShardedStore<String, Integer>>> calls =
        List.of(
            s -> s.put("k", 13),
            s -> s.put("new", 13),
            s -> s.putIfAbsent("new", 13),
            s -> s.replace("k", 13),
            s -> s.replace("k", 5, 13),
            s -> s.compute("k", e -> { e.setValue(13); return null; }),
            s -> s.compute("new", e -> { e.setValue(13); return null; }));
    for (Consumer<ShardedStore<String, Integer>> call : calls) {
      RuntimeException thrown = assertThrows(RuntimeException.class, () -> call.accept(throwing));
      assertSame(boom, thrown);
      assertEquals(1, throwing.size());
      assertEquals(5, throwing.weight());
      assertEquals(Integer.valueOf(5), throwing.peek("k"));
      assertFalse(throwing.containsKey("new"));
      assertEquals(List.of(), listener.all());
    }
    throwing.put("k", 6);
    assertEquals(6, throwing.weight());
  }

  @Test
  void builderRejectsNegativeNumbers() {
    assertThrows(IllegalArgumentException.class, () -> ShardedStore.builder().maximumWeight(-1));
    assertThrows(IllegalArgumentException.class, () -> ShardedStore.builder().maximumSize(-1));
    assertThrows(IllegalArgumentException.class, () -> ShardedStore.builder().shardCount(-1));
    assertThrows(IllegalArgumentException.class, () -> ShardedStore.builder().expectedEntries(-1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ShardedStore.builder().maximumWeight(-7));
    assertTrue(e.getMessage().contains("-7"), e.getMessage());
  }

  @Test
  void builderRejectsNulls() {
    assertThrows(NullPointerException.class, () -> ShardedStore.builder().weigher(null));
    assertThrows(NullPointerException.class, () -> ShardedStore.builder().ticker(null));
    assertThrows(NullPointerException.class, () -> ShardedStore.builder().removalListener(null));
  }

  @Test
  void builderAcceptsZeroes() {
    ShardedStore<String, String> s =
        ShardedStore.<String, String>builder()
            .maximumWeight(0)
            .shardCount(0)
            .expectedEntries(0)
            .build();
    assertEquals(0, s.capacity());
    assertTrue(s.shardCount() >= 1);
  }

  @Test
  void aWeightBeyondTheLargestEntryWeightIsRejectedAndChangesNothing() {
    ShardedStore<String, Long> wide =
        ShardedStore.<String, Long>builder()
            .maximumWeight(Long.MAX_VALUE - 1)
            .weigher((k, v) -> v)
            .build();
    wide.put("k", 7L);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> wide.put("k", 1L << 31));
    assertTrue(e.getMessage().contains(String.valueOf(1L << 31)), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> wide.put("new", 1L << 40));
    assertEquals(Long.valueOf(7L), wide.peek("k"));
    assertEquals(7, wide.weight());
    assertFalse(wide.containsKey("new"));
    wide.put("big", (long) Integer.MAX_VALUE);
    assertEquals(7L + Integer.MAX_VALUE, wide.weight());
  }

  @Test
  void aStoreBuiltWithoutExpiringRejectsExpiryTimesAndChangesNothing() {
    ShardedStore<String, Integer> eternal =
        ShardedStore.<String, Integer>builder().maximumSize(100).build();
    eternal.put("k", 1);
    StoreEntry<String, Integer> view = eternal.getEntry("k");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> eternal.put("k", 2, 10));
    assertTrue(e.getMessage().contains("expiring()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> eternal.put("new", 2, 10));
    assertThrows(IllegalStateException.class, () -> eternal.putIfAbsent("new", 2, 10));
    assertThrows(IllegalStateException.class, () -> eternal.setExpiresAt(view, 10));
    assertThrows(IllegalStateException.class,
        () -> eternal.compute("k", entry -> { entry.setValue(3, 10); return null; }));
    assertThrows(IllegalStateException.class,
        () -> eternal.compute("new", entry -> { entry.setValue(3, 10); return null; }));
    assertEquals(Integer.valueOf(1), eternal.peek("k"));
    assertEquals(ShardedStore.NEVER, eternal.getEntry("k").getExpiresAt());
    assertFalse(eternal.containsKey("new"));
    assertEquals(1, eternal.size());
    eternal.put("k", 4, ShardedStore.NEVER);
    assertEquals(Integer.valueOf(4), eternal.peek("k"));
  }
}
