package io.github.s3fifo.bench.sim;

/**
 * A policy as the simulator runs it: a report name and how to make an empty cache of it.
 *
 * @param id the name in reports
 * @param factory makes a cache of the given capacity suited to the trace
 */
public record PolicySpec(String id, Factory factory) {

  /** Makes an empty cache. */
  @FunctionalInterface
  public interface Factory {
    Policy create(long capacity, Trace trace);
  }

  /**
   * Ours, one shard, with the ghost {@code factor} times its usual length. The store sizes its
   * ghost from the {@code expectedEntries} hint (at least that many fingerprints per shard), so
   * scaling the hint scales the ghost; with one shard the hint changes nothing else that
   * matters to the policy. This uses the store as it is, through its public builder.
   */
  static PolicySpec largerGhost(double factor) {
    String id = String.format(java.util.Locale.ROOT, "s3fifo-1shard-ghost%sx",
        factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor));
    return new PolicySpec(id, (capacity, trace) -> new StorePolicy(capacity, trace.weighted(),
        Math.max(1, Math.round(factor * PolicyKind.expectedEntries(capacity, trace))), 1));
  }
}
