package io.github.s3fifo.bench;

import io.github.s3fifo.bench.JmhResults.Score;
import io.github.s3fifo.bench.hibernate.HibernateReport;
import io.github.s3fifo.bench.hibernate.L2StatisticsProfiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns JMH JSON result files into Markdown: for {@link CacheBenchmark}, ops/s of each target per
 * benchmark and thread count with its ratio to ours in the same {@link Family} (above 1 = faster
 * than ours), the targets of issue 5 checked, and the full scores with error bars (and bytes per
 * operation when run with {@code -prof gc}); for the Hibernate benchmark, {@link HibernateReport}.
 *
 * <p>Usage: {@code JmhReport result.json...}
 */
public final class JmhReport {

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
    System.out.print(markdown(JmhResults.read(files)));
  }

  /** Every table the scores allow. */
  public static String markdown(List<Score> scores) {
    List<Score> cache = scores.stream()
        .filter(s -> s.benchmarkClass().equals(CacheBenchmark.class.getSimpleName())).toList();
    List<Score> hibernate = scores.stream()
        .filter(s -> s.benchmarkClass().equals(HibernateReport.BENCHMARK_CLASS)).toList();
    StringBuilder out = new StringBuilder();
    if (!cache.isEmpty()) {
      out.append(summary(cache)).append('\n').append(issueTargets(cache)).append('\n')
          .append(details(cache));
    }
    if (!hibernate.isEmpty()) {
      if (!cache.isEmpty()) {
        out.append('\n');
      }
      out.append(HibernateReport.markdown(hibernate.stream()
          .map(s -> new HibernateReport.Row(s.param("mix"), s.threads(), s.target(), s.score(),
              s.error(), s.secondary(L2StatisticsProfiler.HIT_RATIO),
              s.secondary(JmhResults.ALLOCATION)))
          .toList()));
    }
    return out.toString();
  }

  /** One row per target, one column per benchmark and thread count: ops/s (ratio to ours). */
  static String summary(List<Score> scores) {
    List<String> columns = new ArrayList<>(new TreeSet<>(scores.stream()
        .map(s -> column(s.benchmark(), s.threads())).toList()));
    columns.sort(Comparator.comparing(JmhReport::benchmarkOrder).thenComparing(c -> c));
    StringBuilder out = new StringBuilder();
    int rounds = scores.stream().mapToInt(s -> s.rounds().size()).max().orElse(1);
    out.append("ops/s in millions (ratio to ours in the same group; above 1 = faster than ours)");
    if (rounds > 1) {
      out.append(String.format(Locale.ROOT, "; the median of %d rounds, each a fresh JVM per"
          + " target, and the ratio the median of the rounds' own ratios", rounds));
    }
    out.append("\n\n| target |");
    columns.forEach(c -> out.append(' ').append(c).append(" |"));
    out.append("\n|---|");
    columns.forEach(c -> out.append("---:|"));
    out.append('\n');
    for (Family family : Family.values()) {
      List<Target> targets = presentTargets(scores, family);
      if (targets.isEmpty()) {
        continue;
      }
      out.append("| **").append(family.description()).append("** |");
      columns.forEach(c -> out.append(" |"));
      out.append('\n');
      for (Target target : targets) {
        out.append("| ").append(target.id()).append(" |");
        for (String column : columns) {
          Optional<Score> score = find(scores, column, target);
          Optional<Score> ours = find(scores, column, family.ours());
          out.append(' ').append(score.map(s -> String.format(Locale.ROOT, "%.2f", s.score() / 1e6)
              + ours.map(o -> String.format(Locale.ROOT, " (%.2f)", s.ratioTo(o)))
                  .orElse("")).orElse("")).append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The throughput targets of issue 5, each computed from the scores and marked met or not. */
  static String issueTargets(List<Score> scores) {
    StringBuilder out = new StringBuilder();
    out.append("| issue 5 target (JCache, store-by-reference) | threads | measured | goal | met |\n")
        .append("|---|---:|---:|---:|---|\n");
    Target ours = Target.REF_S3FIFO;
    int[] threadCounts = scores.stream().mapToInt(Score::threads).distinct().sorted().toArray();
    for (int threads : threadCounts) {
      row(out, scores, "get: ours ÷ cache2k", "get", threads, ours, Target.REF_CACHE2K, 1.25);
      row(out, scores, "75/25: ours ÷ cache2k", "getPut", threads, ours, Target.REF_CACHE2K,
          1.25);
      row(out, scores, "put: ours ÷ cache2k", "put", threads, ours, Target.REF_CACHE2K, 1.0);
      row(out, scores, "get: ours ÷ ConcurrentHashMap.get", "get", threads, ours, Target.CHM,
          0.7);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<Score> scores, String label, String benchmark,
      int threads, Target ours, Target other, double goal) {
    Optional<Score> a = find(scores, column(benchmark, threads), ours);
    Optional<Score> b = find(scores, column(benchmark, threads), other);
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    double ratio = a.get().ratioTo(b.get());
    out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | ≥ %.2f | %s |%n", label, threads,
        ratio, goal, ratio >= goal ? "yes" : "**no**"));
  }

  /** Every score with its error bar, and bytes per operation when measured. */
  static String details(List<Score> scores) {
    boolean allocation = scores.stream()
        .anyMatch(s -> !Double.isNaN(s.secondary(JmhResults.ALLOCATION)));
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | threads | target | ops/s | ± (99.9%; rounds: half the range) |"
        + " ratio to ours |")
        .append(allocation ? " B/op |" : "").append('\n')
        .append("|---|---:|---|---:|---:|---:|").append(allocation ? "---:|" : "").append('\n');
    scores.stream()
        .sorted(Comparator.comparing((Score s) -> benchmarkOrder(s.benchmark()))
            .thenComparingInt(Score::threads)
            .thenComparingInt(s -> targetOrder(s.target())))
        .forEach(s -> {
          Optional<Score> ours = targetOf(s)
              .flatMap(t -> find(scores, column(s.benchmark(), s.threads()), t.family().ours()));
          out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |",
              s.benchmark(), s.threads(), s.target(), count(s.score()), count(s.error()),
              ours.map(o -> String.format(Locale.ROOT, "%.2f", s.ratioTo(o)))
                  .orElse("n/a")));
          if (allocation) {
            out.append(' ').append(count(s.secondary(JmhResults.ALLOCATION))).append(" |");
          }
          out.append('\n');
        });
    return out.toString();
  }

  private static List<Target> presentTargets(List<Score> scores, Family family) {
    return Arrays.stream(Target.values())
        .filter(t -> t.family() == family)
        .filter(t -> scores.stream().anyMatch(s -> s.target().equals(t.id())))
        .toList();
  }

  private static Optional<Score> find(List<Score> scores, String column, Target target) {
    return scores.stream()
        .filter(s -> column(s.benchmark(), s.threads()).equals(column)
            && s.target().equals(target.id()))
        .findFirst();
  }

  private static Optional<Target> targetOf(Score score) {
    return targetOfId(score.target());
  }

  private static String column(String benchmark, int threads) {
    return benchmark + " " + threads + "t";
  }

  private static int benchmarkOrder(String benchmarkOrColumn) {
    String benchmark = benchmarkOrColumn.split(" ")[0];
    return switch (benchmark) {
      case "get" -> 0;
      case "getPut" -> 1;
      case "put" -> 2;
      default -> 3;
    };
  }

  private static int targetOrder(String id) {
    return targetOfId(id).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
  }

  private static Optional<Target> targetOfId(String id) {
    return Arrays.stream(Target.values()).filter(t -> t.id().equals(id)).findFirst();
  }

  /** A count with thousands separators, or n/a. */
  public static String count(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,.0f", value);
  }
}
