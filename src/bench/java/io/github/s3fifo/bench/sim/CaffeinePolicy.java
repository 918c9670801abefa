package io.github.s3fifo.bench.sim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine's native cache (W-TinyLFU), bounded by {@code maximumSize} or, for a weighted trace,
 * {@code maximumWeight}. Maintenance runs on the calling thread ({@code Runnable::run}), so the
 * policy sees every request in order and evicts before the next one.
 */
final class CaffeinePolicy implements Policy {

  private final Cache<Long, Integer> cache;

  CaffeinePolicy(long capacity, boolean weighted) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run);
    cache = weighted
        ? builder.maximumWeight(capacity).<Long, Integer>weigher((key, size) -> size).build()
        : builder.maximumSize(capacity).build();
  }

  @Override
  public boolean access(long key, int size) {
    Long boxed = key;
    if (cache.getIfPresent(boxed) != null) {
      return true;
    }
    cache.put(boxed, size);
    return false;
  }

  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
  }
}
