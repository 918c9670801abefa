package io.github.s3fifo.bench;

/**
 * The operations a throughput benchmark measures, over any cache. One implementation per
 * {@link Target}; each JMH fork uses exactly one, so calls through this interface stay
 * monomorphic and cost nothing measurable.
 */
public interface BenchCache<K, V> {

  /** Returns the value or {@code null}. */
  V get(K key);

  void put(K key, V value);

  /** Finishes pending maintenance so that measurement starts from a settled cache. */
  default void settle() {}

  /** Releases the cache (closing it where the library needs that). */
  default void close() {}
}
