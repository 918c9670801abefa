package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the store tests. */
final class StoreTestSupport {

  private StoreTestSupport() {}

  /** Weight = length of the byte array value, as in the seed's tests. */
  static final Weigher<Object, byte[]> BYTE_LENGTH = (k, v) -> v.length;

  static byte[] bytes(int length) {
    return new byte[length];
  }

  /** The store's contents as seen by its iterator; fails on a key seen twice. */
  static <K, V> Map<K, V> contents(ShardedStore<K, V> store) {
    Map<K, V> out = new LinkedHashMap<>();
    for (StoreEntry<K, V> e : store) {
      V previous = out.put(e.getKey(), e.getValue());
      assertNull(previous, () -> "iterator returned key " + e.getKey() + " twice");
    }
    return out;
  }

  /** The summed weight of the entries the iterator returns. */
  static <K, V> long iteratedWeight(ShardedStore<K, V> store) {
    long sum = 0;
    for (StoreEntry<K, V> e : store) {
      sum += e.getWeight();
    }
    return sum;
  }

  static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }
}
