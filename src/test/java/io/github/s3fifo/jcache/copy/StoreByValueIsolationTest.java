package io.github.s3fifo.jcache.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.TestCaches;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreByValueIsolationTest {

  private Cache<Object, Object> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  @Test
  void mutatingAPutOrReturnedValueDoesNotChangeTheCachedOne() {
    cache = TestCaches.create(new MutableConfiguration<>());
    List<String> value = new ArrayList<>(List.of("a"));
    cache.put("k", value);
    value.add("changed after put");
    @SuppressWarnings("unchecked")
    List<String> read = (List<String>) cache.get("k");
    assertEquals(List.of("a"), read);
    read.add("changed after get");
    assertEquals(List.of("a"), cache.get("k"));
    assertNotSame(cache.get("k"), cache.get("k"));
  }

  @Test
  void mutatingAPutKeyDoesNotMoveTheEntry() {
    cache = TestCaches.create(new MutableConfiguration<>());
    List<String> key = new ArrayList<>(List.of("k"));
    cache.put(key, "v");
    key.add("changed");
    assertEquals("v", cache.get(List.of("k")));
    assertEquals(null, cache.get(key));
    @SuppressWarnings("unchecked")
    List<String> iterated = (List<String>) cache.iterator().next().getKey();
    iterated.add("changed by the iterator's caller");
    assertEquals("v", cache.get(List.of("k")));
  }

  @Test
  void immutableJdkValuesAreNotCopied() {
    cache = TestCaches.create(new MutableConfiguration<>());
    Object[] values = {
      new String("text"), 1234567, Long.MAX_VALUE, new BigDecimal("1.50"), UUID.randomUUID(),
      LocalDate.of(2024, 2, 29), TimeUnit.SECONDS, Boolean.TRUE
    };
    for (int i = 0; i < values.length; i++) {
      cache.put(i, values[i]);
      assertSame(values[i], cache.get(i), "value " + values[i]);
    }
    String key = new String("key");
    cache.put(key, "v");
    assertSame(key, findKey("key"), "an immutable key is kept as it is");
  }

  private Object findKey(Object key) {
    for (Cache.Entry<Object, Object> entry : cache) {
      if (entry.getKey().equals(key)) {
        return entry.getKey();
      }
    }
    return null;
  }

  @Test
  void storeByReferenceKeepsTheCallersObjects() {
    cache = TestCaches.create(new MutableConfiguration<>().setStoreByValue(false));
    List<String> value = new ArrayList<>();
    cache.put("k", value);
    assertSame(value, cache.get("k"));
  }

  @Test
  void theConfiguredSerialFilterGuardsDeserialization() {
    cache = TestCaches.create(new S3FifoConfiguration<>()
        .setSerialFilterFactory(new RejectArrayLists()));
    cache.put("allowed", new java.util.LinkedList<>(List.of("x")));
    cache.put("rejected", new ArrayList<>(List.of("x")));
    assertEquals(List.of("x"), cache.get("allowed"));
    assertThrows(CacheException.class, () -> cache.get("rejected"));
  }

  /** A filter rejecting ArrayList, allowing the rest. */
  static final class RejectArrayLists implements Factory<ObjectInputFilter>, Serializable {
    @Override
    public ObjectInputFilter create() {
      return info -> info.serialClass() == ArrayList.class
          ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
    }
  }

  @Test
  void valuesAreDeserializedWithTheContextClassLoaderFirst() throws Exception {
    cache = TestCaches.create(new MutableConfiguration<>());
    cache.put("k", new Payload("p"));
    RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      assertEquals(new Payload("p"), cache.get("k"));
    } finally {
      thread.setContextClassLoader(previous);
    }
    assertEquals(true, loader.asked.contains(Payload.class.getName()));
  }

  record Payload(String name) implements Serializable {}

  static final class RecordingLoader extends ClassLoader {
    final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    RecordingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }
  }
}
