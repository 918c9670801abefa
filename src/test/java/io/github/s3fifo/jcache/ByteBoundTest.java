package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.store.ShardedStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Random;
import javax.cache.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store-by-value cache bounded by maximumWeight holds at most that many serialized bytes. */
class ByteBoundTest {

  private static final long MAX_BYTES = 1 << 16;
  private Cache<Object, Object> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  @Test
  void weightStaysWithinTheByteBoundAfterEveryPut() throws IOException {
    cache = TestCaches.create(new S3FifoConfiguration<>().setMaximumWeight(MAX_BYTES));
    ShardedStore<Object, Object> store = TestCaches.store(cache);
    Random random = new Random(42);
    long evictionsSeen = 0;
    for (int i = 0; i < 3_000; i++) {
      // Mixed sizes and kinds: byte arrays are serialized, strings kept as they are.
      Object value = random.nextBoolean()
          ? new byte[random.nextInt(4_000)]
          : "v".repeat(random.nextInt(2_000));
      cache.put(i, value);
      assertTrue(store.weight() <= MAX_BYTES,
          "weight " + store.weight() + " > " + MAX_BYTES + " after put #" + i);
      evictionsSeen = store.stats().evictions();
    }
    assertTrue(evictionsSeen > 0, "the workload must overflow the bound to test it");
    assertEquals(serializedSizeOfContents(), store.weight(),
        "the weight is the exact serialized size of the resident keys and values");
  }

  @Test
  void weightIsExactSerializedSizeOfMutableKeysAndValues() throws IOException {
    cache = TestCaches.create(new S3FifoConfiguration<>().setMaximumWeight(MAX_BYTES));
    java.util.ArrayList<String> key = new java.util.ArrayList<>(java.util.List.of("a", "b"));
    int[] value = {1, 2, 3};
    cache.put(key, value);
    // Serialized as the cache keeps them: the compact form where it applies (both here).
    io.github.s3fifo.jcache.copy.Serializer serializer =
        new io.github.s3fifo.jcache.copy.Serializer(() -> getClass().getClassLoader(), null);
    assertEquals(serializer.serialize(key).length + serializer.serialize(value).length,
        TestCaches.store(cache).weight());
  }

  @Test
  void anEntryHeavierThanTheCacheIsNotKept() {
    cache = TestCaches.create(
        new S3FifoConfiguration<>().setMaximumWeight(1_000).setShardCount(1));
    cache.put(1, new byte[5_000]);
    assertEquals(false, cache.containsKey(1));
    assertEquals(0, TestCaches.store(cache).weight());
  }

  private long serializedSizeOfContents() throws IOException {
    long total = 0;
    for (Cache.Entry<Object, Object> entry : cache) {
      total += serialized(entry.getKey()) + serialized(entry.getValue());
    }
    return total;
  }

  private static long serialized(Object object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.size();
  }
}
