package io.github.s3fifo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JMH's JSON result files into {@link Score}s. Files of a run in rounds ({@code
 * jmh-1t-r2.json}: round 2, see {@link BenchMain}) are combined: one score per benchmark, thread
 * count and parameters, the median of its rounds, keeping each round's score so that ratios can
 * be taken round by round (a noisy machine drifts between rounds more than within one).
 */
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
   * @param rounds the score of each round by round number (one entry for a run without rounds)
   */
  public record Score(String benchmarkClass, String benchmark, int threads, Map<String, String> params,
      double score, double error, Map<String, Double> secondary, Map<Integer, Double> rounds) {

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

    /**
     * This score divided by {@code other}'s: the median of the ratios of the rounds both have,
     * or the ratio of the scores when they share none.
     */
    public double ratioTo(Score other) {
      List<Double> ratios = new ArrayList<>();
      rounds.forEach((round, value) -> {
        Double theirs = other.rounds.get(round);
        if (theirs != null) {
          ratios.add(value / theirs);
        }
      });
      return ratios.isEmpty() ? score / other.score : median(ratios);
    }
  }

  /** The run's round a result file holds: {@code -r<N>} before {@code .json}, else 1. */
  static int roundOf(Path file) {
    Matcher matcher = ROUND.matcher(file.getFileName().toString());
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 1;
  }

  private static final Pattern ROUND = Pattern.compile(".*-r(\\d+)\\.json");

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Reads every score from JMH JSON result files, rounds combined. */
  public static List<Score> read(List<Path> files) throws IOException {
    return combineRounds(readEach(files));
  }

  /**
   * One score per benchmark, thread count and parameters: the median of its rounds, with half
   * their range as its error (JMH's own error when there is one round).
   */
  static List<Score> combineRounds(List<Score> scores) {
    Map<List<Object>, List<Score>> groups = new LinkedHashMap<>();
    for (Score s : scores) {
      groups.computeIfAbsent(List.of(s.benchmarkClass(), s.benchmark(), s.threads(), s.params()),
          k -> new ArrayList<>()).add(s);
    }
    List<Score> combined = new ArrayList<>();
    for (List<Score> group : groups.values()) {
      if (group.size() == 1) {
        combined.add(group.get(0));
        continue;
      }
      Map<Integer, Double> rounds = new TreeMap<>();
      group.forEach(s -> rounds.putAll(s.rounds()));
      List<Double> values = new ArrayList<>(rounds.values());
      double range = Collections.max(values) - Collections.min(values);
      Map<String, Double> secondary = new LinkedHashMap<>();
      group.get(0).secondary().keySet().forEach(name -> secondary.put(name,
          median(group.stream().map(s -> s.secondary(name)).toList())));
      Score first = group.get(0);
      combined.add(new Score(first.benchmarkClass(), first.benchmark(), first.threads(),
          first.params(), median(values), range / 2, secondary, rounds));
    }
    return combined;
  }

  @SuppressWarnings("unchecked")
  private static List<Score> readEach(List<Path> files) throws IOException {
    List<Score> scores = new ArrayList<>();
    for (Path file : files) {
      int round = roundOf(file);
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
        double score = number(metric.get("score"));
        scores.add(new Score(benchmarkClass, name.substring(dot + 1), threads, params,
            score, number(metric.get("scoreError")), secondary, Map.of(round, score)));
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
