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
}
