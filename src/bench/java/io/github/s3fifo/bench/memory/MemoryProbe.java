package io.github.s3fifo.bench.memory;

import io.github.s3fifo.bench.JCacheProvider;
import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.workload.Zipf;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;

/**
 * One measurement of retained heap, in a JVM of its own ({@link MemoryMain} starts one per
 * measurement, with the serial collector so that {@code System.gc()} is a full compacting
 * collection and the used heap after it is what is reachable). Prints one line starting with
 * {@value #RESULT} and {@code key=value} pairs.
 *
 * <ul>
 *   <li>{@code entries TARGET N [CHURN]}: N × CHURN (default 1) {@code Long → Long} entries
 *       (distinct objects, created and held before the cache exists) put into the target bounded
 *       at N entries. The growth of
 *       the used heap is the cache's own structure; the {@code Long}s are measured separately.
 *   <li>{@code bytes BOUND_BYTES MIN MAX INSERTS SEED}: our store-by-value cache bounded at
 *       BOUND_BYTES by its default weigher (serialized bytes), filled with INSERTS
 *       {@code byte[]} values of MIN to MAX bytes (uniform) under {@code Long} keys; the used
 *       heap retained by the cache (everything reachable from it) against the bound.
 * </ul>
 */
public final class MemoryProbe {

  static final String RESULT = "RESULT";

  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    String line = switch (args[0]) {
      case "entries" -> entries(MemoryTarget.of(args[1]), Integer.parseInt(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 1);
      case "bytes" -> bytes(Long.parseLong(args[1]), Integer.parseInt(args[2]),
          Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    };
    System.out.println(RESULT + " " + line);
  }

  static String entries(MemoryTarget target, int n, int churn) throws InterruptedException {
    // A small cache of the same kind first, then released: classes, the provider, its manager
    // and MBean server exist before the baseline, so only what the entries cost is measured.
    Long[] few = new Long[1000];
    Arrays.setAll(few, i -> Long.valueOf(-1 - i));
    target.fill(few, few, few.length).close().run();
    // With churn, n × churn distinct keys go through a cache of n: what it keeps at steady state
    // (a ghost, say) is measured too. Every key is held throughout, so only the cache's own
    // structure grows.
    Long[] keys = new Long[n * churn];
    Long[] values = new Long[n * churn];
    long arraysOnly = usedHeap();
    for (int i = 0; i < keys.length; i++) {
      // Scrambled keys hash like real ones; values are large enough never to be the Long cache's.
      keys[i] = Long.valueOf(Zipf.scramble(i));
      values[i] = Long.valueOf(1_000_000_000L + i);
    }
    long withObjects = usedHeap();
    double bytesPerLong = (withObjects - arraysOnly) / (2.0 * keys.length);
    MemoryTarget.Filled filled = target.fill(keys, values, n);
    long withCache = usedHeap();
    long resident = filled.size().getAsLong();
    Reference.reachabilityFence(filled);
    Reference.reachabilityFence(keys);
    Reference.reachabilityFence(values);
    return String.format(Locale.ROOT, "target=%s entries=%d resident=%d cacheBytes=%d "
        + "bytesPerLong=%.2f", target.id(), n, resident, withCache - withObjects, bytesPerLong);
  }

  static String bytes(long bound, int min, int max, int inserts, long seed)
      throws InterruptedException {
    CachingProvider provider = JCacheProvider.S3FIFO.provider();
    CacheManager manager = provider.getCacheManager(
        provider.getDefaultURI(), provider.getDefaultClassLoader());
    // As in entries(): a first small cache loads and starts everything a cache needs.
    Cache<Long, byte[]> first = manager.createCache("first", byValue(bound));
    for (long i = 0; i < 1000; i++) {
      first.put(-1 - i, new byte[min]);
    }
    manager.destroyCache("first");
    long before = usedHeap();
    Cache<Long, byte[]> cache = manager.createCache("bytes", byValue(bound));
    SplittableRandom random = new SplittableRandom(seed);
    long insertedBytes = 0;
    for (int i = 0; i < inserts; i++) {
      byte[] value = new byte[min + random.nextInt(max - min + 1)];
      random.nextBytes(value);
      insertedBytes += value.length;
      cache.put(Zipf.scramble(i), value);
    }
    long after = usedHeap();
    @SuppressWarnings("unchecked")
    ShardedStore<Object, Object> store = cache.unwrap(ShardedStore.class);
    String line = String.format(Locale.ROOT, "bound=%d min=%d max=%d inserts=%d inserted=%d "
        + "resident=%d weight=%d retained=%d", bound, min, max, inserts, insertedBytes,
        store.size(), store.weight(), after - before);
    Reference.reachabilityFence(cache);
    return line;
  }

  private static S3FifoConfiguration<Long, byte[]> byValue(long bound) {
    return new S3FifoConfiguration<Long, byte[]>()
        .setTypes(Long.class, byte[].class).setStoreByValue(true).setMaximumWeight(bound);
  }

  /** The used heap after full collections, once it stops shrinking. */
  static long usedHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(20);
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (now >= used && i >= 2) {
        return now;
      }
      used = Math.min(used, now);
    }
    return used;
  }
}
