package io.github.s3fifo.bench.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.s3fifo.bench.JCacheProvider;
import io.github.s3fifo.store.ShardedStore;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.cache2k.Cache2kBuilder;

/**
 * The caches whose retained heap {@link MemoryProbe} measures, each holding {@code Long} keys and
 * values, bounded to the entry count measured (except {@link #CHM}); JCache ones by reference.
 */
enum MemoryTarget {

  CHM("ConcurrentHashMap (unbounded, reference)") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      ConcurrentHashMap<Long, Long> map = new ConcurrentHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        map.put(keys[i], values[i]);
      }
      return new Filled(map, map::size, map::clear);
    }
  },

  S3FIFO_STORE("ours: ShardedStore") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      ShardedStore<Long, Long> store = ShardedStore.<Long, Long>builder()
          .maximumSize(bound).expectedEntries(bound).build();
      for (int i = 0; i < keys.length; i++) {
        store.put(keys[i], values[i]);
      }
      return new Filled(store, store::size, store::clear);
    }
  },

  S3FIFO_JCACHE("ours: JCache, by reference") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      return jcache(JCacheProvider.S3FIFO, keys, values, bound);
    }
  },

  CAFFEINE("Caffeine: Cache") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      Cache<Long, Long> cache = Caffeine.newBuilder().maximumSize(bound)
          .executor(Runnable::run).build();
      for (int i = 0; i < keys.length; i++) {
        cache.put(keys[i], values[i]);
      }
      cache.cleanUp();
      return new Filled(cache, cache::estimatedSize, cache::invalidateAll);
    }
  },

  CAFFEINE_JCACHE("Caffeine: JCache, by reference") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      return jcache(JCacheProvider.CAFFEINE, keys, values, bound);
    }
  },

  EHCACHE_JCACHE("Ehcache 3: JCache, on heap, by reference") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      return jcache(JCacheProvider.EHCACHE, keys, values, bound);
    }
  },

  CACHE2K("cache2k: Cache") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      org.cache2k.Cache<Long, Long> cache = Cache2kBuilder.of(Long.class, Long.class)
          .entryCapacity(bound).build();
      for (int i = 0; i < keys.length; i++) {
        cache.put(keys[i], values[i]);
      }
      return new Filled(cache, () -> cache.asMap().size(), cache::close);
    }
  },

  CACHE2K_JCACHE("cache2k: JCache, by reference") {
    @Override
    Filled fill(Long[] keys, Long[] values, int bound) {
      return jcache(JCacheProvider.CACHE2K, keys, values, bound);
    }
  };

  private final String description;

  MemoryTarget(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /**
   * A new cache bounded at {@code bound} entries, after {@code keys[i] → values[i]} was put in
   * order, with a way to count its entries.
   */
  abstract Filled fill(Long[] keys, Long[] values, int bound);

  /**
   * A filled cache, kept reachable while the heap is measured, its entry count, and how to
   * release it.
   */
  record Filled(Object cache, LongSupplier size, Runnable close) {}

  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Filled jcache(
      JCacheProvider provider, Long[] keys, Long[] values, int bound) {
    javax.cache.Cache<Long, Long> cache =
        provider.createCache("memory" + NAMES.incrementAndGet(), Long.class, false, bound);
    for (int i = 0; i < keys.length; i++) {
      cache.put(keys[i], values[i]);
    }
    try {
      cache.unwrap(Cache.class).cleanUp();
    } catch (IllegalArgumentException notCaffeine) {
      // nothing pending elsewhere
    }
    return new Filled(cache, () -> {
      long count = 0;
      for (javax.cache.Cache.Entry<Long, Long> ignored : cache) {
        count++;
      }
      return count;
    }, () -> cache.getCacheManager().destroyCache(cache.getName()));
  }

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static MemoryTarget of(String id) {
    for (MemoryTarget target : values()) {
      if (target.id().equals(id)) {
        return target;
      }
    }
    throw new IllegalArgumentException("no memory target named '" + id + "'");
  }
}
