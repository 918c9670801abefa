package io.github.s3fifo.bench.sim;

import java.util.List;
import java.util.Locale;

/**
 * How much of a barely-warm working set a policy keeps through a one-time scan: in a cache of
 * 1,000 entries, 300 keys are requested twice each (so each was read once), then a scan of
 * {@code factor × 1,000} new keys goes by, then the 300 are requested again. S3-FIFO keeps them
 * all (a key never read never enters main); admission by frequency alone may not, because a long
 * scan floods any bounded frequency estimate.
 */
final class ScanCheck {

  static final int CAPACITY = 1_000;
  static final int HOT = 300;
  static final int[] FACTORS = {20, 100};

  private ScanCheck() {}

  /** The hot keys still hit after a scan of {@code factor} times the cache. */
  static int kept(PolicySpec spec, int factor) {
    Trace shape = new Trace("scan-check", "scan-check", new long[] {0}, null);
    try (Policy policy = spec.factory().create(CAPACITY, shape)) {
      for (long k = 0; k < HOT; k++) {
        policy.access(k, 1);
        policy.access(k, 1);
      }
      for (long i = 0; i < (long) factor * CAPACITY; i++) {
        policy.access(1_000_000_000L + i, 1);
      }
      int hits = 0;
      for (long k = 0; k < HOT; k++) {
        if (policy.access(k, 1)) {
          hits++;
        }
      }
      return hits;
    }
  }

  /** A Markdown table: each policy's kept hot keys after each scan length. */
  static String table(List<PolicySpec> policies) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n### A once-read set through a one-time scan (%d keys read once in a %,d-entry cache,"
            + " then a scan of new keys; how many of the %d still hit)%n%n| policy |",
        HOT, CAPACITY, HOT));
    for (int f : FACTORS) {
      out.append(String.format(Locale.ROOT, " scan %d× |", f));
    }
    out.append("\n|---|").append("---:|".repeat(FACTORS.length)).append('\n');
    for (PolicySpec spec : policies) {
      out.append("| ").append(spec.id()).append(" |");
      for (int f : FACTORS) {
        out.append(' ').append(kept(spec, f)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
