package io.github.s3fifo.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.s3fifo.store.ShardedStore;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caches a benchmark can measure, by the name used as JMH's {@code target} parameter. Each
 * is bounded to the same number of entries, except {@link #CHM}, the unbounded ceiling.
 *
 * <p>JCache providers join as further constants that obtain their cache from
 * {@code Caching.getCachingProvider(providerClassName)}.
 */
public enum Target {

  /** Our store with a unit weigher and default sharding. */
  S3FIFO {
    @Override
    public BenchCache<Long, Long> create(long maximumSize) {
      ShardedStore<Long, Long> store = ShardedStore.<Long, Long>builder()
          .maximumSize(maximumSize)
          .expectedEntries(maximumSize)
          .build();
      return new BenchCache<>() {
        @Override
        public Long get(Long key) {
          return store.get(key);
        }

        @Override
        public void put(Long key, Long value) {
          store.put(key, value);
        }

        @Override
        public void close() {
          store.clear();
        }
      };
    }
  },

  /** Caffeine's native {@code Cache}, bounded by {@code maximumSize}. */
  CAFFEINE {
    @Override
    public BenchCache<Long, Long> create(long maximumSize) {
      Cache<Long, Long> cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
      return new BenchCache<>() {
        @Override
        public Long get(Long key) {
          return cache.getIfPresent(key);
        }

        @Override
        public void put(Long key, Long value) {
          cache.put(key, value);
        }

        @Override
        public void settle() {
          cache.cleanUp();
        }

        @Override
        public void close() {
          cache.invalidateAll();
          cache.cleanUp();
        }
      };
    }
  },

  /** {@code ConcurrentHashMap}: no bound and no policy, the ceiling for a cache's reads. */
  CHM {
    @Override
    public BenchCache<Long, Long> create(long maximumSize) {
      ConcurrentHashMap<Long, Long> map = new ConcurrentHashMap<>();
      return new BenchCache<>() {
        @Override
        public Long get(Long key) {
          return map.get(key);
        }

        @Override
        public void put(Long key, Long value) {
          map.put(key, value);
        }

        @Override
        public void close() {
          map.clear();
        }
      };
    }
  };

  /** A new, empty cache bounded to {@code maximumSize} entries (where it has a bound). */
  public abstract BenchCache<Long, Long> create(long maximumSize);

  /** The name used in JMH parameters and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The target whose {@link #id()} is {@code id}. */
  public static Target of(String id) {
    for (Target target : values()) {
      if (target.id().equals(id)) {
        return target;
      }
    }
    throw new IllegalArgumentException("no target named '" + id + "'");
  }
}
