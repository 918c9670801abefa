package io.github.s3fifo.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic Zipf sampler over ranks {@code 0 .. n-1}: rank {@code r} is drawn with
 * probability proportional to {@code 1 / (r + 1)^skew}.
 *
 * <p>It keeps the cumulative distribution (one {@code double} per rank) and draws by binary
 * search, so it is exact for any skew and cheap enough for the million-key workloads of the
 * benchmarks. Draws are meant to be precomputed into arrays, never made in a measured loop.
 */
public final class Zipf {

  private final double[] cumulative;
  private final SplittableRandom random;

  /**
   * @param n the number of ranks, {@code >= 1}
   * @param skew the exponent, {@code >= 0} (0 is uniform, about 1 is typical of caches)
   * @param seed the seed: the same arguments always give the same sequence
   */
  public Zipf(int n, double skew, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
    if (!(skew >= 0) || Double.isInfinite(skew)) {
      throw new IllegalArgumentException("skew must be finite and >= 0, was " + skew);
    }
    cumulative = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      sum += Math.pow(rank + 1, -skew);
      cumulative[rank] = sum;
    }
    random = new SplittableRandom(seed);
  }

  /** The number of ranks. */
  public int ranks() {
    return cumulative.length;
  }

  /** Draws the next rank, in {@code [0, ranks())}; rank 0 is the most frequent. */
  public int nextRank() {
    double total = cumulative[cumulative.length - 1];
    double u = random.nextDouble() * total;
    int found = Arrays.binarySearch(cumulative, u);
    // A miss returns -(insertion point) - 1: the first rank whose cumulative weight exceeds u.
    int rank = found >= 0 ? found + 1 : -found - 1;
    return Math.min(rank, cumulative.length - 1);
  }

  /** Draws {@code count} ranks. */
  public int[] nextRanks(int count) {
    int[] ranks = new int[count];
    for (int i = 0; i < count; i++) {
      ranks[i] = nextRank();
    }
    return ranks;
  }

  /**
   * Maps a rank to a key by a bijection of the 64-bit integers (the SplitMix64 finalizer), so
   * hot keys are spread over the hash space instead of being small consecutive numbers, and
   * distinct ranks stay distinct keys.
   */
  public static long scramble(long rank) {
    long z = rank + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
