package io.github.s3fifo.bench.hibernate;

import java.util.Collection;
import java.util.List;
import org.hibernate.stat.Statistics;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports Hibernate's second-level cache hit ratio per iteration (as the
 * secondary metric {@value #HIT_RATIO}), from the statistics {@link HibernateBenchmark} publishes.
 * Enable it with {@code -prof io.github.s3fifo.bench.hibernate.L2StatisticsProfiler}.
 */
public final class L2StatisticsProfiler implements InternalProfiler {

  /** The secondary metric: hits ÷ (hits + misses) of the second-level cache, in percent. */
  public static final String HIT_RATIO = "l2.hit.ratio";

  /** The secondary metric: second-level cache lookups of the iteration. */
  public static final String LOOKUPS = "l2.lookups";

  @Override
  public String getDescription() {
    return "Hibernate second-level cache hit ratio";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    Statistics statistics = HibernateBenchmark.statistics;
    if (statistics != null) {
      statistics.clear();
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    Statistics statistics = HibernateBenchmark.statistics;
    if (statistics == null) {
      return List.of();
    }
    long hits = statistics.getSecondLevelCacheHitCount();
    long misses = statistics.getSecondLevelCacheMissCount();
    long lookups = hits + misses;
    double ratio = lookups == 0 ? Double.NaN : 100.0 * hits / lookups;
    return List.of(
        new ScalarResult(HIT_RATIO, ratio, "%", AggregationPolicy.AVG),
        new ScalarResult(LOOKUPS, lookups, "lookups", AggregationPolicy.AVG));
  }
}
