package io.github.s3fifo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON result files into a Markdown table: ops/s of each target per benchmark and
 * thread count, with its ratio to ours ({@code s3fifo}). A ratio above 1 means that target is
 * faster than ours.
 *
 * <p>Usage: {@code JmhReport result.json...}
 */
public final class JmhReport {

  /** The target every other is compared with. */
  static final String OURS = Target.S3FIFO.id();

  private JmhReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: JmhReport result.json...");
      System.exit(2);
    }
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      files.add(Path.of(arg));
    }
    System.out.print(markdown(read(files)));
  }

  /**
   * One measured score.
   *
   * @param benchmark the method name (e.g. {@code get})
   * @param threads the thread count
   * @param target the {@code target} parameter
   * @param score ops/s
   * @param error the half-width of JMH's 99.9% confidence interval (NaN with too few samples)
   */
  record Score(String benchmark, int threads, String target, double score, double error) {}

  /** Reads every score from JMH JSON result files. */
  @SuppressWarnings("unchecked")
  static List<Score> read(List<Path> files) throws IOException {
    List<Score> scores = new ArrayList<>();
    for (Path file : files) {
      List<Object> runs = (List<Object>) Json.parse(Files.readString(file));
      for (Object element : runs) {
        Map<String, Object> run = (Map<String, Object>) element;
        String benchmark = (String) run.get("benchmark");
        benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        int threads = ((Number) run.get("threads")).intValue();
        Map<String, Object> params = (Map<String, Object>) run.get("params");
        String target = params == null ? "?" : String.valueOf(params.get("target"));
        Map<String, Object> metric = (Map<String, Object>) run.get("primaryMetric");
        scores.add(new Score(benchmark, threads, target, number(metric.get("score")),
            number(metric.get("scoreError"))));
      }
    }
    return scores;
  }

  /** The table: rows grouped by benchmark and threads, ours first in each group. */
  static String markdown(List<Score> scores) {
    Map<String, List<Score>> groups = new LinkedHashMap<>();
    scores.stream()
        .sorted(Comparator.comparing(Score::benchmark).thenComparingInt(Score::threads)
            .thenComparingInt(s -> targetOrder(s.target())))
        .forEach(s -> groups.computeIfAbsent(s.benchmark() + "/" + s.threads(),
            k -> new ArrayList<>()).add(s));
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | threads | target | ops/s | ± (99.9%) | ratio to ").append(OURS)
        .append(" |\n");
    out.append("|---|---:|---|---:|---:|---:|\n");
    for (List<Score> group : groups.values()) {
      double ours = group.stream().filter(s -> s.target().equals(OURS))
          .mapToDouble(Score::score).findFirst().orElse(Double.NaN);
      for (Score s : group) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n",
            s.benchmark(), s.threads(), s.target(), opsPerSecond(s.score()),
            opsPerSecond(s.error()), Double.isNaN(ours) ? "n/a"
                : String.format(Locale.ROOT, "%.2f", s.score() / ours)));
      }
    }
    return out.toString();
  }

  private static int targetOrder(String id) {
    for (Target target : Target.values()) {
      if (target.id().equals(id)) {
        return target.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String opsPerSecond(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static double number(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    // JMH writes "NaN" (a string) when a score or error cannot be computed.
    return Double.NaN;
  }
}
