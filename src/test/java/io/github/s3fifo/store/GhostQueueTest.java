package io.github.s3fifo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GhostQueueTest {

  /** The ghost's meaning, in the plainest terms: a FIFO and a count per fingerprint. */
  private static final class Reference {
    final ArrayDeque<Integer> fifo = new ArrayDeque<>();
    final Map<Integer, Integer> counts = new HashMap<>();

    void add(int fingerprint, int limit) {
      fifo.addLast(fingerprint);
      counts.merge(fingerprint, 1, Integer::sum);
      while (fifo.size() > limit) {
        int oldest = fifo.removeFirst();
        counts.computeIfPresent(oldest, (k, c) -> c == 1 ? null : c - 1);
      }
    }

    boolean consume(int fingerprint) {
      return counts.remove(fingerprint) != null;
    }
  }

  @Test
  void remembersTheLastEvictionsUpToTheLimitAndForgetsWhatItConsumes() {
    GhostQueue ghost = new GhostQueue();
    for (int i = 1; i <= 10; i++) {
      ghost.add(i * 8, 5); // fingerprints sharing their low bits, as in one shard of eight
    }
    assertEquals(5, ghost.length());
    for (int i = 1; i <= 5; i++) {
      assertFalse(ghost.consume(i * 8), "dropped " + i);
    }
    assertTrue(ghost.consume(48));
    assertFalse(ghost.consume(48), "consumed once");
    assertTrue(ghost.consume(80));
  }

  @Test
  void zeroIsAFingerprintLikeAnyOther() {
    GhostQueue ghost = new GhostQueue();
    ghost.add(0, 2);
    assertTrue(ghost.consume(0));
    assertFalse(ghost.consume(0));
    ghost.add(0, 2);
    ghost.add(1, 2);
    ghost.add(2, 2);
    assertFalse(ghost.consume(0), "dropped from the ring");
  }

  /** Random adds, consumes and limits, colliding fingerprints included, against the reference. */
  @Test
  void agreesWithTheReferenceUnderRandomOperations() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      GhostQueue ghost = new GhostQueue();
      Reference reference = new Reference();
      int universe = 1 + random.nextInt(20_000);
      int limit = 1 + random.nextInt(5_000);
      for (int op = 0; op < 40_000; op++) {
        // Multiples of 256 share their low byte, the worst case of a shard's fingerprints.
        int fingerprint = random.nextInt(universe) * 256 * (random.nextBoolean() ? 1 : -1);
        if (random.nextInt(3) == 0) {
          assertEquals(reference.consume(fingerprint), ghost.consume(fingerprint),
              "seed " + seed + " op " + op);
        } else {
          if (random.nextInt(1000) == 0) {
            limit = 1 + random.nextInt(5_000);
          }
          reference.add(fingerprint, limit);
          ghost.add(fingerprint, limit);
          assertEquals(reference.fifo.size(), ghost.length());
        }
      }
      for (int f = -universe; f <= universe; f++) {
        assertEquals(reference.consume(f * 256), ghost.consume(f * 256), "seed " + seed);
      }
    }
  }

  @Test
  void clearForgetsEverything() {
    GhostQueue ghost = new GhostQueue();
    for (int i = 0; i < 1000; i++) {
      ghost.add(i, 2000);
    }
    ghost.clear();
    assertEquals(0, ghost.length());
    for (int i = 0; i < 1000; i++) {
      assertFalse(ghost.consume(i));
    }
    ghost.add(5, 10);
    assertTrue(ghost.consume(5));
  }
}
