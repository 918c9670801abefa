package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.store.Weigher;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each kind of bad input gets the exception the spec names, and changes nothing. */
class BadInputTest {

  private Cache<String, String> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  private Cache<String, String> typedCache() {
    cache = TestCaches.create(new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class));
    cache.put("k", "v");
    return cache;
  }

  private void assertUnchanged() {
    assertEquals("v", cache.get("k"));
    int size = 0;
    for (Cache.Entry<String, String> ignored : cache) {
      size++;
    }
    assertEquals(1, size);
  }

  private static void assertNpeNaming(String what, Executable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call);
    assertTrue(e.getMessage() != null && e.getMessage().contains(what),
        "message should name the " + what + ": " + e.getMessage());
  }

  @Test
  void nullKeysAndValuesGetNullPointerExceptionsNamingWhatWasNull() {
    typedCache();
    assertNpeNaming("key", () -> cache.get(null));
    assertNpeNaming("key", () -> cache.containsKey(null));
    assertNpeNaming("key", () -> cache.put(null, "x"));
    assertNpeNaming("value", () -> cache.put("k", null));
    assertNpeNaming("value", () -> cache.getAndPut("k", null));
    assertNpeNaming("value", () -> cache.putIfAbsent("n", null));
    assertNpeNaming("key", () -> cache.remove(null));
    assertNpeNaming("value", () -> cache.remove("k", null));
    assertNpeNaming("value", () -> cache.replace("k", null));
    assertNpeNaming("value", () -> cache.replace("k", "v", null));
    assertNpeNaming("value", () -> cache.getAndReplace("k", null));
    assertNpeNaming("key", () -> cache.getAndRemove(null));
    assertNpeNaming("keys", () -> cache.getAll(null));
    assertNpeNaming("entryProcessor", () -> cache.invoke("k", null));
    Set<String> withNull = new java.util.HashSet<>(java.util.Arrays.asList("a", null));
    assertNpeNaming("key", () -> cache.getAll(withNull));
    assertNpeNaming("key", () -> cache.removeAll(withNull));
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("good", "value");
    nullValue.put("bad", null);
    assertNpeNaming("value", () -> cache.putAll(nullValue));
    assertFalse(cache.containsKey("good"), "putAll checks every entry before changing anything");
    assertUnchanged();
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void wrongTypesGetClassCastExceptions() {
    Cache raw = typedCache();
    assertThrows(ClassCastException.class, () -> raw.put(1, "x"));
    assertThrows(ClassCastException.class, () -> raw.put("k", 2));
    assertThrows(ClassCastException.class, () -> raw.get(1));
    assertThrows(ClassCastException.class, () -> raw.replace("k", 3));
    Map mixed = new LinkedHashMap();
    mixed.put("good", "value");
    mixed.put("bad", 4);
    assertThrows(ClassCastException.class, () -> raw.putAll(mixed));
    assertFalse(cache.containsKey("good"));
    EntryProcessorException e = assertThrows(EntryProcessorException.class,
        () -> raw.invoke("k", (entry, args) -> {
          ((javax.cache.processor.MutableEntry) entry).setValue(5);
          return null;
        }));
    assertTrue(e.getCause() instanceof ClassCastException);
    assertUnchanged();
  }

  @Test
  void aClosedCacheThrowsIllegalStateException() {
    typedCache();
    cache.close();
    assertTrue(cache.isClosed());
    for (Consumer<Cache<String, String>> call : java.util.List.<Consumer<Cache<String, String>>>of(
        c -> c.get("k"), c -> c.put("k", "v"), c -> c.containsKey("k"), c -> c.remove("k"),
        c -> c.getAll(Set.of("k")), c -> c.putAll(Map.of("k", "v")), c -> c.iterator(),
        c -> c.removeAll(), c -> c.clear(), c -> c.invoke("k", (e, a) -> null),
        c -> c.loadAll(Set.of("k"), true, null), c -> c.replace("k", "w"),
        c -> c.getAndPut("k", "w"), c -> c.putIfAbsent("x", "y"))) {
      assertThrows(IllegalStateException.class, () -> call.accept(cache));
    }
    cache.close(); // a second close is a no-op
  }

  @Test
  void aValueThatCannotBeSerializedGetsACacheExceptionAndChangesNothing() {
    Cache<String, Object> byValue = TestCaches.create(new MutableConfiguration<>());
    try {
      byValue.put("k", "v");
      Object notSerializable = new Object();
      CacheException e = assertThrows(CacheException.class,
          () -> byValue.put("k", notSerializable));
      assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
      assertThrows(CacheException.class, () -> byValue.putAll(Map.of("j", "w", "k", notSerializable)));
      assertThrows(CacheException.class, () -> byValue.replace("k", notSerializable));
      assertEquals("v", byValue.get("k"));
      assertFalse(byValue.containsKey("j"));
      Cache<Object, String> byValueKeys = TestCaches.create(new MutableConfiguration<>());
      try {
        assertThrows(CacheException.class, () -> byValueKeys.put(new Object(), "v"));
        assertFalse(byValueKeys.iterator().hasNext());
      } finally {
        TestCaches.destroy(byValueKeys);
      }
    } finally {
      TestCaches.destroy(byValue);
    }
  }

  @Test
  void aNegativeWeightGetsIllegalArgumentExceptionAndChangesNothing() {
    cache = TestCaches.create(new S3FifoConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setMaximumWeight(1_000)
        .setWeigherFactory(FactoryBuilder.factoryOf(NegativeForBad.class)));
    cache.put("k", "v");
    long weight = TestCaches.store(cache).weight();
    assertThrows(IllegalArgumentException.class, () -> cache.put("k", "bad"));
    assertThrows(IllegalArgumentException.class, () -> cache.put("new", "bad"));
    assertThrows(IllegalArgumentException.class,
        () -> cache.putAll(Map.of("other", "fine", "k", "bad")));
    assertThrows(EntryProcessorException.class, () -> cache.invoke("k", (e, a) -> {
      e.setValue("bad");
      return null;
    }));
    assertUnchanged();
    assertFalse(cache.containsKey("other"));
    assertEquals(weight, TestCaches.store(cache).weight());
  }

  @Test
  void aWeigherThatThrowsPropagatesAndChangesNothing() {
    cache = TestCaches.create(new S3FifoConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setMaximumWeight(1_000)
        .setWeigherFactory(FactoryBuilder.factoryOf(ThrowsForBad.class)));
    cache.put("k", "v");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> cache.put("k", "bad"));
    assertEquals("cannot weigh", e.getMessage());
    assertThrows(IllegalStateException.class, () -> cache.getAndPut("n", "bad"));
    assertThrows(IllegalStateException.class, () -> cache.replace("k", "v", "bad"));
    assertNull(cache.get("n"));
    assertUnchanged();
  }

  /** Weighs 1, or -1 for the value "bad". */
  public static final class NegativeForBad implements Weigher<String, String>, Serializable {
    @Override
    public long weigh(String key, String value) {
      return value.equals("bad") ? -1 : 1;
    }
  }

  /** Weighs 1, or throws for the value "bad". */
  public static final class ThrowsForBad implements Weigher<String, String>, Serializable {
    @Override
    public long weigh(String key, String value) {
      if (value.equals("bad")) {
        throw new IllegalStateException("cannot weigh");
      }
      return 1;
    }
  }

  @Test
  void unwrapToAnUnrelatedClassIsIllegalArgument() {
    typedCache();
    assertThrows(IllegalArgumentException.class, () -> cache.unwrap(HashMap.class));
    assertEquals(cache, cache.unwrap(CacheProxy.class));
    assertThrows(IllegalArgumentException.class, () -> cache.iterator().next().unwrap(HashMap.class));
  }
}
