package io.github.s3fifo.store;

import static io.github.s3fifo.store.StoreTestSupport.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shard count hint, its clamping and lowering, and the per-shard capacity. */
class ShardedStoreShardingTest {

  private static int shardsFor(int hint) {
    return ShardedStore.<Long, Long>builder().shardCount(hint).build().shardCount();
  }

  private static boolean isPowerOfTwo(int n) {
    return n > 0 && (n & (n - 1)) == 0;
  }

  @ParameterizedTest
  @CsvSource({
    "1, 1", "2, 2", "3, 4", "4, 4", "5, 8", "17, 32", "100, 128", "128, 128", "129, 256",
    "256, 256", "257, 256", "1000, 256", "1073741824, 256", "2147483647, 256"
  })
  void hintIsRoundedUpToAPowerOfTwoAndClamped(int hint, int expected) {
    assertEquals(expected, shardsFor(hint));
    assertEquals(expected, ShardedStore.<Long, Long>builder()
        .maximumWeight(1L << 40).shardCount(hint).build().shardCount());
  }

  @Test
  void maxShardsIs256() {
    assertEquals(256, ShardedStore.MAX_SHARDS);
  }

  @Test
  void zeroHintPicksADefaultPowerOfTwo() {
    int n = shardsFor(0);
    assertTrue(isPowerOfTwo(n) && n <= ShardedStore.MAX_SHARDS, "default shards: " + n);
  }

  @Test
  void tinyCapacitiesAreNotShardedIntoUselessShards() {
    assertEquals(1, ShardedStore.<Long, Long>builder()
        .maximumWeight(0).shardCount(256).build().shardCount());
    assertEquals(1, ShardedStore.<Long, Long>builder()
        .maximumSize(1).shardCount(256).build().shardCount());
    for (long capacity : new long[] {2, 3, 7, 16, 100}) {
      ShardedStore<Long, Long> store =
          ShardedStore.<Long, Long>builder().maximumSize(capacity).shardCount(256).build();
      int n = store.shardCount();
      assertTrue(isPowerOfTwo(n), "shards " + n);
      assertTrue(n < 256, "capacity " + capacity + " split into " + n + " shards");
      assertTrue(n < capacity || n == 1,
          "capacity " + capacity + " split into " + n + " shards of at most one entry");
    }
  }

  @Test
  void largeCapacitiesKeepTheHint() {
    assertEquals(64, ShardedStore.<Long, Long>builder()
        .maximumSize(1L << 24).shardCount(64).build().shardCount());
  }

  @Test
  void perShardCapacitiesAreFloorOrCeilingAndAddUpToTheMaximum() {
    long capacity = 4_001;
    ShardedStore<Long, Long> store =
        ShardedStore.<Long, Long>builder().maximumSize(capacity).shardCount(4).build();
    assertEquals(capacity, store.capacity());
    int n = store.shardCount();
    assertEquals(4, n, "4_001 entries over 4 shards is not a tiny capacity");
    long floor = capacity / n; // 1000
    long ceiling = floor + 1; // 1001
    for (long i = 0; i < 40_000; i++) {
      store.put(i, i);
      assertTrue(store.weight() <= capacity, "weight over the maximum at put #" + i);
      if (i % 97 == 0) {
        for (long w : store.shardWeights()) {
          assertTrue(w <= ceiling, "a shard holds " + w + " > " + ceiling);
        }
      }
    }
    // After 40k distinct keys every shard is full: its weight is its share.
    long[] weights = store.shardWeights();
    int ceilings = 0;
    for (long w : weights) {
      assertTrue(w == floor || w == ceiling, "shard share " + w);
      if (w == ceiling) {
        ceilings++;
      }
    }
    assertEquals(capacity % n, ceilings, "shares must add up to exactly the maximum");
    assertEquals(capacity, store.weight());
    assertEquals(store.weight(), sum(weights));
    assertEquals(store.weight(), store.size());
  }

  @Test
  void aCapacityDividedEvenlyGivesEqualShares() {
    ShardedStore<Long, Long> store =
        ShardedStore.<Long, Long>builder().maximumSize(4_096).shardCount(4).build();
    assertEquals(4, store.shardCount());
    for (long i = 0; i < 40_000; i++) {
      store.put(i, i);
    }
    for (long w : store.shardWeights()) {
      assertEquals(1_024, w);
    }
  }

  @Test
  void shardCapacitiesAreTheSharesOfTheMaximum() {
    ShardedStore<Long, Long> store =
        ShardedStore.<Long, Long>builder().maximumSize(1L << 20 | 5).shardCount(8).build();
    long[] capacities = store.shardCapacities();
    assertEquals(store.shardCount(), capacities.length);
    assertEquals(store.capacity(), sum(capacities));
    long floor = store.capacity() / store.shardCount();
    for (long c : capacities) {
      assertTrue(c == floor || c == floor + 1, "share " + c);
    }
    ShardedStore<Long, Long> unbounded = ShardedStore.<Long, Long>builder().shardCount(4).build();
    for (long c : unbounded.shardCapacities()) {
      assertEquals(Long.MAX_VALUE, c);
    }
  }
}
