package io.github.s3fifo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result files into {@link Score}s. */
public final class JmhResults {

  /** The secondary metric of {@code -prof gc}: bytes allocated per operation. */
  public static final String ALLOCATION = "gc.alloc.rate.norm";

  private JmhResults() {}

  /**
   * One measured score.
   *
   * @param benchmarkClass the simple name of the benchmark class
   * @param benchmark the method name (e.g. {@code get})
   * @param threads the thread count
   * @param params the JMH parameters
   * @param score the primary score (ops/s for throughput)
   * @param error the half-width of JMH's 99.9% confidence interval (NaN with too few samples)
   * @param secondary secondary metrics by name (profilers'), their scores
   */
  public record Score(String benchmarkClass, String benchmark, int threads, Map<String, String> params,
      double score, double error, Map<String, Double> secondary) {

    public String param(String name) {
      return params.getOrDefault(name, "?");
    }

    /** The target parameter. */
    public String target() {
      return param("target");
    }

    public double secondary(String name) {
      return secondary.getOrDefault(name, Double.NaN);
    }
  }

  /** Reads every score from JMH JSON result files. */
  @SuppressWarnings("unchecked")
  public static List<Score> read(List<Path> files) throws IOException {
    List<Score> scores = new ArrayList<>();
    for (Path file : files) {
      List<Object> runs = (List<Object>) Json.parse(Files.readString(file));
      for (Object element : runs) {
        Map<String, Object> run = (Map<String, Object>) element;
        String name = (String) run.get("benchmark");
        int dot = name.lastIndexOf('.');
        String benchmarkClass = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
        int threads = ((Number) run.get("threads")).intValue();
        Map<String, String> params = new LinkedHashMap<>();
        Object rawParams = run.get("params");
        if (rawParams != null) {
          ((Map<String, Object>) rawParams).forEach((k, v) -> params.put(k, String.valueOf(v)));
        }
        Map<String, Object> metric = (Map<String, Object>) run.get("primaryMetric");
        Map<String, Double> secondary = new LinkedHashMap<>();
        Object rawSecondary = run.get("secondaryMetrics");
        if (rawSecondary != null) {
          ((Map<String, Object>) rawSecondary).forEach((k, v) -> secondary.put(k,
              number(((Map<String, Object>) v).get("score"))));
        }
        scores.add(new Score(benchmarkClass, name.substring(dot + 1), threads, params,
            number(metric.get("score")), number(metric.get("scoreError")), secondary));
      }
    }
    return scores;
  }

  static double number(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    // JMH writes "NaN" (a string) when a score or error cannot be computed.
    return Double.NaN;
  }
}
