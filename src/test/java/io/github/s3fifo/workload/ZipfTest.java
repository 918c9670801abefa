package io.github.s3fifo.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZipfTest {

  @Test
  void sameSeedGivesSameSequence() {
    assertArrayEquals(new Zipf(1000, 1.0, 42).nextRanks(10_000),
        new Zipf(1000, 1.0, 42).nextRanks(10_000));
  }

  @Test
  void ranksStayInRange() {
    Zipf zipf = new Zipf(7, 1.0, 1);
    for (int rank : zipf.nextRanks(100_000)) {
      assertTrue(rank >= 0 && rank < 7, "rank " + rank);
    }
    assertEquals(0, new Zipf(1, 1.0, 1).nextRank());
  }

  @Test
  void frequenciesFollowThePowerLaw() {
    int n = 1000;
    int draws = 2_000_000;
    int[] counts = new int[n];
    for (int rank : new Zipf(n, 1.0, 7).nextRanks(draws)) {
      counts[rank]++;
    }
    double harmonic = 0;
    for (int k = 1; k <= n; k++) {
      harmonic += 1.0 / k;
    }
    for (int rank : new int[] {0, 1, 9, 99}) {
      double expected = draws / ((rank + 1) * harmonic);
      double relativeError = Math.abs(counts[rank] - expected) / expected;
      assertTrue(relativeError < 0.05,
          "rank " + rank + ": " + counts[rank] + " draws, expected about " + expected);
    }
    // Rank 0 is drawn about twice as often as rank 1 at skew 1.
    double ratio = (double) counts[0] / counts[1];
    assertTrue(ratio > 1.9 && ratio < 2.1, "ratio " + ratio);
  }

  @Test
  void skewZeroIsUniform() {
    int[] counts = new int[4];
    for (int rank : new Zipf(4, 0.0, 3).nextRanks(400_000)) {
      counts[rank]++;
    }
    for (int count : counts) {
      assertTrue(Math.abs(count - 100_000) < 2_000, "count " + count);
    }
  }

  @Test
  void scrambleIsInjectiveOnRanks() {
    Set<Long> keys = new HashSet<>();
    for (long rank = 0; rank < 100_000; rank++) {
      keys.add(Zipf.scramble(rank));
    }
    assertEquals(100_000, keys.size());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new Zipf(0, 1.0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Zipf(10, -0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> new Zipf(10, Double.NaN, 1));
  }
}
