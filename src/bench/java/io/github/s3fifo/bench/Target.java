package io.github.s3fifo.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.s3fifo.store.ShardedStore;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caches a throughput benchmark can measure, by the name used as JMH's {@code target}
 * parameter. Each is bounded to the same number of entries, except {@link #CHM}, the unbounded
 * ceiling. The {@code ref-} and {@code val-} targets go through the JCache API (store-by-reference
 * and store-by-value), each provider obtained by class name and bounded through its own
 * configuration ({@link JCacheProvider}).
 */
public enum Target {

  /** Our store with a unit weigher and default sharding. */
  S3FIFO(Family.NATIVE) {
    @Override
    public BenchCache<Long, Object> create(long maximumSize) {
      ShardedStore<Long, Object> store = ShardedStore.<Long, Object>builder()
          .maximumSize(maximumSize)
          .expectedEntries(maximumSize)
          .build();
      return new BenchCache<>() {
        @Override
        public Object get(Long key) {
          return store.get(key);
        }

        @Override
        public void put(Long key, Object value) {
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
  CAFFEINE(Family.NATIVE) {
    @Override
    public BenchCache<Long, Object> create(long maximumSize) {
      Cache<Long, Object> cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
      return new BenchCache<>() {
        @Override
        public Object get(Long key) {
          return cache.getIfPresent(key);
        }

        @Override
        public void put(Long key, Object value) {
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
  CHM(Family.NATIVE) {
    @Override
    public BenchCache<Long, Object> create(long maximumSize) {
      ConcurrentHashMap<Long, Object> map = new ConcurrentHashMap<>();
      return new BenchCache<>() {
        @Override
        public Object get(Long key) {
          return map.get(key);
        }

        @Override
        public void put(Long key, Object value) {
          map.put(key, value);
        }

        @Override
        public void close() {
          map.clear();
        }
      };
    }
  },

  REF_S3FIFO(JCacheProvider.S3FIFO, Family.BY_REFERENCE),
  REF_CAFFEINE(JCacheProvider.CAFFEINE, Family.BY_REFERENCE),
  REF_EHCACHE(JCacheProvider.EHCACHE, Family.BY_REFERENCE),
  REF_CACHE2K(JCacheProvider.CACHE2K, Family.BY_REFERENCE),
  VAL_S3FIFO(JCacheProvider.S3FIFO, Family.BY_VALUE),
  VAL_CAFFEINE(JCacheProvider.CAFFEINE, Family.BY_VALUE),
  VAL_EHCACHE(JCacheProvider.EHCACHE, Family.BY_VALUE),
  VAL_CACHE2K(JCacheProvider.CACHE2K, Family.BY_VALUE);

  private final JCacheProvider provider;
  private final Family family;

  Target(Family family) {
    this(null, family);
  }

  Target(JCacheProvider provider, Family family) {
    this.provider = provider;
    this.family = family;
  }

  /**
   * A new, empty cache bounded to {@code maximumSize} entries (where it has a bound). Values are
   * {@code Long}s, or {@link BenchValue}s for a store-by-value target.
   */
  public BenchCache<Long, Object> create(long maximumSize) {
    return JCacheBenchCache.create(provider, isByValue(), maximumSize);
  }

  public Family family() {
    return family;
  }

  /** True if this target copies values by serialization, so its values are {@link BenchValue}s. */
  public boolean isByValue() {
    return family == Family.BY_VALUE;
  }

  /** The name used in JMH parameters and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
