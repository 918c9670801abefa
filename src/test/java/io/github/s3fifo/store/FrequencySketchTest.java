package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sketch as {@code package-info.java} defines it. */
class FrequencySketchTest {

  /** The counter number of {@code fingerprint} in {@code row}, per the policy text. */
  private static int index(int fingerprint, int row, int width) {
    long product = (Integer.toUnsignedLong(fingerprint) * Integer.toUnsignedLong(
        FrequencySketch.SEEDS[row])) & 0xFFFF_FFFFL;
    return (int) (product >>> (32 - Integer.numberOfTrailingZeros(width)));
  }

  /** Fingerprints sharing no counter, in any row, with {@code avoid} or with each other. */
  private static List<Integer> disjointFingerprints(int count, int width, int avoid) {
    List<Integer> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    List<int[]> taken = new ArrayList<>();
    taken.add(indexes(avoid, width));
    while (out.size() < count) {
      int candidate = random.nextInt();
      int[] mine = indexes(candidate, width);
      boolean clash = false;
      for (int[] other : taken) {
        for (int row = 0; row < 4; row++) {
          clash |= mine[row] == other[row];
        }
      }
      if (!clash) {
        out.add(candidate);
        taken.add(mine);
      }
    }
    return out;
  }

  private static int[] indexes(int fingerprint, int width) {
    int[] out = new int[4];
    for (int row = 0; row < 4; row++) {
      out[row] = index(fingerprint, row, width);
    }
    return out;
  }

  @Test
  void widthIsThePowerOfTwoAtLeastTheEntriesWithinBounds() {
    assertEquals(16, new FrequencySketch(0).width());
    assertEquals(16, new FrequencySketch(16).width());
    assertEquals(32, new FrequencySketch(17).width());
    assertEquals(1024, new FrequencySketch(1000).width());
    assertEquals(1 << 26, FrequencySketch.widthFor(Long.MAX_VALUE));
  }

  @Test
  void countsSaturateAtFifteen() {
    FrequencySketch sketch = new FrequencySketch(1 << 10);
    assertEquals(0, sketch.frequency(12345));
    for (int i = 1; i <= 20; i++) {
      sketch.increment(12345);
      assertEquals(Math.min(i, 15), sketch.frequency(12345));
    }
  }

  @Test
  void theEstimateIsTheLeastOfTheFourCounters() {
    int width = 16;
    FrequencySketch sketch = new FrequencySketch(width);
    int key = 0x1234_5678;
    // Another fingerprint with the same counter as the key in row 0 only.
    int other = 1;
    while (true) {
      int[] a = indexes(key, width);
      int[] b = indexes(other, width);
      if (a[0] == b[0] && a[1] != b[1] && a[2] != b[2] && a[3] != b[3]) {
        break;
      }
      other++;
    }
    for (int i = 0; i < 5; i++) {
      sketch.increment(other);
    }
    assertEquals(0, sketch.frequency(key), "row 0 is 5, the other rows 0");
    sketch.increment(key);
    assertEquals(1, sketch.frequency(key));
  }

  @Test
  void everyTenWidthCountedIncrementsHalveTheCountersAndTheCount() {
    int width = 16;
    FrequencySketch sketch = new FrequencySketch(width);
    int key = 0x0BAD_CAFE;
    for (int i = 0; i < 7; i++) {
      sketch.increment(key); // 7 counted increments
    }
    // Others sharing no counter with the key: each may be raised up to 15 times.
    List<Integer> others = disjointFingerprints(11, width, key);
    int counted = 7;
    outer:
    for (int other : others) {
      for (int i = 0; i < 15; i++) {
        if (counted == 10 * width - 1) {
          break outer;
        }
        sketch.increment(other);
        counted++;
      }
    }
    assertEquals(10 * width - 1, counted, "enough disjoint fingerprints for the test");
    assertEquals(7, sketch.frequency(key), "not halved yet");
    sketch.increment(key); // the 160th counted increment: 8, then halved
    assertEquals(4, sketch.frequency(key));
    // The count was halved too (to 80): 79 more counted increments do not halve again...
    for (int i = 0; i < 7; i++) {
      sketch.increment(key); // 4 -> 11
    }
    int more = 7;
    for (int other : disjointFingerprints(11, width, key)) {
      while (more < 79 && sketch.frequency(other) < 15) {
        sketch.increment(other);
        more++;
      }
    }
    assertEquals(79, more);
    assertEquals(11, sketch.frequency(key));
    sketch.increment(key); // ...the 80th does: 12, halved to 6
    assertEquals(6, sketch.frequency(key));
  }

  @Test
  void aSaturatedIncrementIsNotCounted() {
    int width = 16;
    FrequencySketch sketch = new FrequencySketch(width);
    int key = 42;
    for (int i = 0; i < 10 * width + 5; i++) {
      sketch.increment(key); // only the first 15 raise a counter
    }
    assertEquals(15, sketch.frequency(key), "no halving: only 15 increments were counted");
  }

  @Test
  void wideningClearsAndClearZeroes() {
    FrequencySketch sketch = new FrequencySketch(16);
    sketch.increment(99);
    sketch.ensureWidth(16);
    assertEquals(16, sketch.width());
    assertEquals(1, sketch.frequency(99));
    sketch.ensureWidth(17);
    assertEquals(32, sketch.width());
    assertEquals(0, sketch.frequency(99), "widening starts afresh");
    sketch.increment(99);
    sketch.clear();
    assertEquals(0, sketch.frequency(99));
    sketch.ensureWidth(1_000);
    assertEquals(1024, sketch.width());
  }

  @Test
  void neverUnderestimates() {
    FrequencySketch sketch = new FrequencySketch(64);
    SplittableRandom random = new SplittableRandom(3);
    int[] keys = random.ints(200).toArray();
    int[] counts = new int[keys.length];
    for (int i = 0; i < 300; i++) { // fewer than 10 x 64 counted increments: no halving
      int k = random.nextInt(keys.length);
      sketch.increment(keys[k]);
      counts[k]++;
    }
    for (int k = 0; k < keys.length; k++) {
      assertTrue(sketch.frequency(keys[k]) >= Math.min(15, counts[k]));
    }
  }
}
