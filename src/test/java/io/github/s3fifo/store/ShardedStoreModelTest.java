package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random single-threaded operation sequences on a one-shard store, checked after every operation
 * against {@link S3FifoModel}: return values, contents, weight, size, ghost hits, and the exact
 * order of SIZE evictions (other removals of one operation are compared as a multiset).
 *
 * <p>The ghost's horizon is checked when a fingerprint is added, with the live entries counted
 * after the eviction that feeds it; the configurations without expected entries start it at 16
 * and make it grow.
 */
class ShardedStoreModelTest {

  private static final int OPS = 5_000;
  private static final int SEEDS = 10;

  /** A configuration of the shard and of the generated operations. */
  record Config(
      String name,
      long capacity,
      long expectedEntries,
      int keys,
      int minWeight,
      int maxWeight,
      int oversizedPercent) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> runs() {
    List<Config> configs =
        List.of(
            new Config("cap64-w4..20-keys40-ghost16", 64, 0, 40, 4, 20, 0),
            new Config("cap200-w1..12-keys100-ghost300", 200, 300, 100, 1, 12, 0),
            new Config("cap100-w0..30-keys64-ghost100-oversized", 100, 100, 64, 0, 30, 3),
            new Config("cap5-unit-keys20-ghost16", 5, 0, 20, 1, 1, 0),
            new Config("cap10-w0..3-keys16-ghost16-oversized", 10, 0, 16, 0, 3, 2),
            new Config("cap300-w1..8-keys150-ghostLive", 300, 0, 150, 1, 8, 0));
    List<Arguments> out = new ArrayList<>();
    for (Config c : configs) {
      for (int seed = 1; seed <= SEEDS; seed++) {
        out.add(Arguments.of(c, seed));
      }
    }
    return out.stream();
  }

  /** Values carry their weight: value = serial * 1000 + weight. */
  private static long weightOf(int value) {
    return value % 1_000;
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void storeFollowsTheModel(Config config, int seed) {
    List<RecordingListener.Removal<Integer, Integer>> reported = new ArrayList<>();
    ShardedStore<Integer, Integer> store =
        ShardedStore.<Integer, Integer>builder()
            .maximumWeight(config.capacity())
            .weigher((k, v) -> weightOf(v))
            .shardCount(1)
            .expectedEntries(config.expectedEntries())
            .removalListener(
                (k, v, cause) -> reported.add(new RecordingListener.Removal<>(k, v, cause)))
            .build();
    assertEquals(1, store.shardCount());
    S3FifoModel model = new S3FifoModel(config.capacity(), config.expectedEntries(),
        (k, v) -> weightOf(v));
    SplittableRandom random = new SplittableRandom(seed * 7_919L + config.capacity());
    Deque<String> recent = new ArrayDeque<>();
    int serial = 1;

    for (int op = 0; op < OPS; op++) {
      int key = random.nextInt(config.keys());
      int value = nextValue(config, random, serial++);
      int dice = random.nextInt(100);
      String description;
      Object expected;
      Object actual;
      if (dice < 30) {
        description = "put(" + key + ", " + value + ")";
        expected = model.put(key, value);
        actual = store.put(key, value);
      } else if (dice < 55) {
        description = "get(" + key + ")";
        expected = model.get(key);
        actual = store.get(key);
      } else if (dice < 65) {
        description = "peek(" + key + ")";
        expected = model.peek(key);
        actual = store.peek(key);
      } else if (dice < 73) {
        description = "remove(" + key + ")";
        expected = model.remove(key);
        actual = store.remove(key);
      } else if (dice < 85) {
        description = "putIfAbsent(" + key + ", " + value + ")";
        expected = model.putIfAbsent(key, value);
        actual = store.putIfAbsent(key, value);
      } else if (dice < 93) {
        description = "replace(" + key + ", " + value + ")";
        expected = model.replace(key, value);
        actual = store.replace(key, value);
      } else {
        Integer current = model.peek(key);
        int old =
            current != null && random.nextInt(10) < 7
                ? current
                : nextValue(config, random, serial++);
        description = "replace(" + key + ", " + old + ", " + value + ")";
        expected = model.replace(key, old, value);
        actual = store.replace(key, old, value);
      }
      recent.addLast(op + ": " + description);
      if (recent.size() > 12) {
        recent.removeFirst();
      }
      int index = op;
      String what = description;
      // Built only when an assertion fails: the model's dump is not cheap.
      Supplier<String> where =
          () -> config + " seed " + seed + " op #" + index + " " + what
              + "\nrecent ops: " + recent + "\nmodel: " + model;

      assertEquals(expected, actual, () -> "return value at " + where.get());
      compareRemovals(model.drainEvents(), reported, where);
      reported.clear();
      Map<Integer, Integer> contents = new HashMap<>();
      for (StoreEntry<Integer, Integer> e : store) {
        contents.put(e.getKey(), e.getValue());
      }
      assertEquals(model.contents(), contents, () -> "contents at " + where.get());
      assertEquals(model.weight(), store.weight(), () -> "weight at " + where.get());
      assertEquals(model.size(), store.size(), () -> "size at " + where.get());
      assertEquals(model.ghostHits(), store.stats().ghostHits(),
          () -> "ghost hits at " + where.get());
    }
  }

  private static int nextValue(Config config, SplittableRandom random, int serial) {
    int weight;
    if (config.oversizedPercent() > 0 && random.nextInt(100) < config.oversizedPercent()) {
      weight = (int) config.capacity() + 1 + random.nextInt(5);
    } else {
      weight = config.minWeight() + random.nextInt(config.maxWeight() - config.minWeight() + 1);
    }
    return serial * 1_000 + weight;
  }

  private static void compareRemovals(
      List<S3FifoModel.Event> expected,
      List<RecordingListener.Removal<Integer, Integer>> actual,
      Supplier<String> where) {
    List<S3FifoModel.Event> actualEvents = new ArrayList<>();
    for (RecordingListener.Removal<Integer, Integer> r : actual) {
      actualEvents.add(new S3FifoModel.Event(r.key(), r.value(), r.cause()));
    }
    assertEquals(
        sizeEvents(expected),
        sizeEvents(actualEvents),
        () -> "SIZE evictions, in order, at " + where.get());
    List<S3FifoModel.Event> otherExpected = otherEvents(expected);
    List<S3FifoModel.Event> otherActual = otherEvents(actualEvents);
    otherExpected.sort(EVENT_ORDER);
    otherActual.sort(EVENT_ORDER);
    assertEquals(otherExpected, otherActual, () -> "other removals at " + where.get());
  }

  private static final java.util.Comparator<S3FifoModel.Event> EVENT_ORDER =
      java.util.Comparator.comparingInt(S3FifoModel.Event::key)
          .thenComparingInt(S3FifoModel.Event::value)
          .thenComparing(S3FifoModel.Event::cause);

  private static List<S3FifoModel.Event> sizeEvents(List<S3FifoModel.Event> events) {
    List<S3FifoModel.Event> out = new ArrayList<>();
    for (S3FifoModel.Event e : events) {
      if (e.cause() == RemovalCause.SIZE) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<S3FifoModel.Event> otherEvents(List<S3FifoModel.Event> events) {
    List<S3FifoModel.Event> out = new ArrayList<>();
    for (S3FifoModel.Event e : events) {
      if (e.cause() != RemovalCause.SIZE) {
        out.add(e);
      }
    }
    return out;
  }
}
