package io.github.s3fifo.bench.hibernate;

import io.github.s3fifo.bench.JmhReport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown tables of {@link HibernateBenchmark}: ops/s, ratio to no second-level cache, the
 * second-level hit ratio and bytes allocated per operation, then the targets of issue 4.
 */
public final class HibernateReport {

  /** The benchmark class whose scores this reports. */
  public static final String BENCHMARK_CLASS = HibernateBenchmark.class.getSimpleName();

  private HibernateReport() {}

  /**
   * A score of the Hibernate benchmark.
   *
   * @param mix the {@code mix} parameter
   * @param threads the thread count
   * @param target the {@code target} parameter
   * @param score ops/s
   * @param error the 99.9% error bar
   * @param hitRatio the second-level hit ratio in percent (NaN without the profiler)
   * @param bytesPerOp bytes allocated per operation (NaN without {@code -prof gc})
   */
  public record Row(String mix, int threads, String target, double score, double error,
      double hitRatio, double bytesPerOp) {}

  /** The tables, from rows of the benchmark's scores. */
  public static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| mix | threads | target | ops/s | ± (99.9%) | µs/op | ratio to no L2 | L2 hit % ")
        .append("| B/op |\n|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    rows.stream()
        .sorted(Comparator.comparing(Row::mix).thenComparingInt(Row::threads)
            .thenComparingInt(r -> HibernateTarget.of(r.target()).ordinal()))
        .forEach(r -> {
          Optional<Row> none = find(rows, r.mix(), r.threads(), HibernateTarget.NONE);
          out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.1f | %s | %s | %s |%n",
              r.mix(), r.threads(), r.target(), JmhReport.count(r.score()),
              JmhReport.count(r.error()), 1e6 * r.threads() / r.score(),
              none.map(n -> String.format(Locale.ROOT, "%.2f", r.score() / n.score()))
                  .orElse("n/a"),
              Double.isNaN(r.hitRatio()) ? "n/a"
                  : String.format(Locale.ROOT, "%.1f", r.hitRatio()),
              JmhReport.count(r.bytesPerOp())));
        });
    out.append('\n').append(targets(rows));
    return out.toString();
  }

  /** Issue 4: no-config ours ≥ 2× the faster of Caffeine and Ehcache; the recipe ≥ no L2. */
  static String targets(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| issue 4 target | mix | threads | measured | goal | met |\n")
        .append("|---|---|---:|---:|---:|---|\n");
    rows.stream().map(r -> r.mix() + "/" + r.threads()).distinct().sorted().forEach(key -> {
      String mix = key.substring(0, key.indexOf('/'));
      int threads = Integer.parseInt(key.substring(key.indexOf('/') + 1));
      Optional<Row> ours = find(rows, mix, threads, HibernateTarget.S3FIFO);
      Optional<Row> caffeine = find(rows, mix, threads, HibernateTarget.CAFFEINE);
      Optional<Row> ehcache = find(rows, mix, threads, HibernateTarget.EHCACHE);
      if (ours.isPresent() && caffeine.isPresent() && ehcache.isPresent()) {
        double best = Math.max(caffeine.get().score(), ehcache.get().score());
        line(out, "no config: ours ÷ faster of Caffeine, Ehcache", mix, threads,
            ours.get().score() / best, 2.0);
      }
      Optional<Row> recipe = find(rows, mix, threads, HibernateTarget.S3FIFO_RECIPE);
      Optional<Row> none = find(rows, mix, threads, HibernateTarget.NONE);
      if (recipe.isPresent() && none.isPresent()) {
        line(out, "recipe: ours ÷ no L2", mix, threads,
            recipe.get().score() / none.get().score(), 1.0);
      }
    });
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String mix, int threads,
      double ratio, double goal) {
    out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | ≥ %.2f | %s |%n", label, mix,
        threads, ratio, goal, ratio >= goal ? "yes" : "**no**"));
  }

  private static Optional<Row> find(List<Row> rows, String mix, int threads,
      HibernateTarget target) {
    return rows.stream().filter(r -> r.mix().equals(mix) && r.threads() == threads
        && r.target().equals(target.id())).findFirst();
  }
}
