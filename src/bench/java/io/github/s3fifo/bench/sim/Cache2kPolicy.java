package io.github.s3fifo.bench.sim;

import org.cache2k.Cache;
import org.cache2k.Cache2kBuilder;

/**
 * cache2k (Clock-Pro+), bounded by {@code entryCapacity} or, for a weighted trace,
 * {@code maximumWeight}. By default cache2k splits eviction into segments on a machine with more
 * than one core (2 segments on 2 cores, for capacities of 1,000 and more); {@code strictEviction}
 * makes it one segment, the configuration cache2k's own hit-ratio benchmarks use.
 */
final class Cache2kPolicy implements Policy {

  private final Cache<Long, Integer> cache;

  Cache2kPolicy(long capacity, boolean weighted, boolean strictEviction) {
    Cache2kBuilder<Long, Integer> builder = Cache2kBuilder.of(Long.class, Integer.class)
        .strictEviction(strictEviction)
        .disableStatistics(true);
    if (weighted) {
      builder.maximumWeight(capacity).weigher((key, size) -> size);
    } else {
      builder.entryCapacity(capacity);
    }
    cache = builder.build();
  }

  @Override
  public boolean access(long key, int size) {
    Long boxed = key;
    if (cache.peek(boxed) != null) {
      return true;
    }
    cache.put(boxed, size);
    return false;
  }

  @Override
  public void close() {
    cache.close();
  }
}
