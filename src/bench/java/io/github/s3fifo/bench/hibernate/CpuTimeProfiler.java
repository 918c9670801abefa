package io.github.s3fifo.bench.hibernate;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the benchmark JVM's CPU time per operation (all its threads: the
 * benchmark's, GC, JIT), as the secondary metric {@value #CPU_PER_OP}. On a machine whose cores
 * other processes share, throughput says how much CPU the run was given; CPU time per operation
 * says what an operation costs, and moves far less with the neighbours' load. Enable it with
 * {@code -prof io.github.s3fifo.bench.hibernate.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  /** The secondary metric: CPU nanoseconds of the whole JVM per benchmark operation. */
  public static final String CPU_PER_OP = "cpu.time.norm";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuAtStart;

  @Override
  public String getDescription() {
    return "JVM CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuAtStart = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuAtStart;
    long operations = result.getMetadata().getAllOps();
    double perOp = operations == 0 ? Double.NaN : (double) cpu / operations;
    return List.of(new ScalarResult(CPU_PER_OP, perOp, "ns/op", AggregationPolicy.AVG));
  }
}
