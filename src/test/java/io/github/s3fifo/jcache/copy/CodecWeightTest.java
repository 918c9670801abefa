package io.github.s3fifo.jcache.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.management.S3FifoCacheMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Weights in serialized bytes, whatever the storage, and the private copies of byte arrays. */
class CodecWeightTest {

  private final CacheManager manager = Caching.getCachingProvider().getCacheManager();

  @AfterEach
  void destroy() {
    manager.destroyCache("codec-weight");
  }

  private static long serializedLength(Object object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.size();
  }

  @Test
  void aByValueByteArrayIsAPrivateCopyWeighedAsItsSerializedForm() throws IOException {
    Cache<String, byte[]> cache = manager.createCache("codec-weight",
        new S3FifoConfiguration<String, byte[]>()
            .setTypes(String.class, byte[].class)
            .setMaximumWeight(1L << 20));
    byte[] original = {1, 2, 3};
    cache.put("k", original);
    original[0] = 9;
    byte[] first = cache.get("k");
    assertArrayEquals(new byte[] {1, 2, 3}, first, "the cache kept the caller's array");
    first[1] = 9;
    byte[] second = cache.get("k");
    assertArrayEquals(new byte[] {1, 2, 3}, second, "a returned array was the cache's own");
    assertNotSame(first, second);
    S3FifoCacheMXBean metrics = cache.unwrap(S3FifoCacheMXBean.class);
    assertEquals(serializedLength("k") + serializedLength(new byte[] {1, 2, 3}),
        metrics.getWeight());
    // Arrays compare by identity, so a conditional replace never matches a caller's array.
    assertEquals(false, cache.replace("k", new byte[] {1, 2, 3}, new byte[] {4}));
  }

  @Test
  void aByValueCompactValueWeighsItsCompactBytes() throws IOException {
    Cache<String, CompactFormatTest.Point> cache = manager.createCache("codec-weight",
        new S3FifoConfiguration<String, CompactFormatTest.Point>()
            .setTypes(String.class, CompactFormatTest.Point.class)
            .setMaximumWeight(1L << 20));
    CompactFormatTest.Point value = new CompactFormatTest.Point(3, -4);
    cache.put("k", value);
    byte[] stored = JavaIo.SERIALIZER.serialize(value);
    assertTrue(JavaIo.isCompact(stored));
    assertTrue(stored.length < serializedLength(value), "the compact form is the smaller");
    S3FifoCacheMXBean metrics = cache.unwrap(S3FifoCacheMXBean.class);
    assertEquals(serializedLength("k") + stored.length, metrics.getWeight());
  }

  /** What the cache's serializer writes: the compact form for these lists. */
  private static long storedLength(Object object) {
    return JavaIo.SERIALIZER.serialize(object).length;
  }

  @Test
  void aByReferenceCacheBoundedInWeightCountsSerializedBytes() throws IOException {
    Cache<Integer, ArrayList<String>> cache = manager.createCache("codec-weight",
        new S3FifoConfiguration<Integer, ArrayList<String>>()
            .setStoreByValue(false)
            .setMaximumWeight(20_000)
            .setShardCount(1));
    ArrayList<String> value = new ArrayList<>(List.of("alpha", "beta"));
    cache.put(1, value);
    assertSame(value, cache.get(1), "store-by-reference keeps the instance");
    S3FifoCacheMXBean metrics = cache.unwrap(S3FifoCacheMXBean.class);
    assertEquals(serializedLength(1) + storedLength(value), metrics.getWeight(),
        "a key kept as it is weighs its java.io length, a value what a by-value cache keeps");

    Random random = new Random(7);
    long expected = 0;
    for (int i = 2; i < 2_000; i++) {
      ArrayList<String> list = new ArrayList<>();
      for (int j = random.nextInt(20); j >= 0; j--) {
        list.add("item-" + random.nextInt(1_000));
      }
      cache.put(i, list);
      assertTrue(metrics.getWeight() <= 20_000, "weight " + metrics.getWeight());
    }
    for (Cache.Entry<Integer, ArrayList<String>> entry : cache) {
      expected += serializedLength(entry.getKey()) + storedLength(entry.getValue());
    }
    assertEquals(expected, metrics.getWeight());
    assertTrue(metrics.getEvictions() > 0);
  }
}
