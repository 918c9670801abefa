package io.github.s3fifo.bench.hibernate;

import io.github.s3fifo.bench.JmhResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU-cost view of {@link HibernateBenchmark} runs made with {@link CpuTimeProfiler}: CPU
 * µs per operation per target, and issue 4's no-config target as a ratio of CPU costs (the
 * faster of Caffeine and Ehcache ÷ ours, so 2.00 means ours costs half). Arguments: JMH JSON
 * files; the table goes to standard output.
 */
public final class CpuReport {

  private CpuReport() {}

  public static void main(String[] args) throws IOException {
    List<JmhResults.Score> scores = JmhResults.read(
        Arrays.stream(args).map(Path::of).toList()).stream()
        .filter(s -> s.benchmarkClass().equals(HibernateReport.BENCHMARK_CLASS)).toList();
    System.out.print(markdown(scores));
  }

  static String markdown(List<JmhResults.Score> scores) {
    StringBuilder out = new StringBuilder(
        "| mix | threads | none | s3fifo | caffeine | ehcache | s3fifo-recipe "
        + "| no config: best other ÷ ours | recipe: none ÷ recipe |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    scores.stream().map(s -> s.param("mix") + "/" + s.threads()).distinct()
        .sorted(Comparator.naturalOrder()).forEach(key -> {
          String mix = key.substring(0, key.indexOf('/'));
          int threads = Integer.parseInt(key.substring(key.indexOf('/') + 1));
          double none = cpu(scores, mix, threads, HibernateTarget.NONE);
          double ours = cpu(scores, mix, threads, HibernateTarget.S3FIFO);
          double caffeine = cpu(scores, mix, threads, HibernateTarget.CAFFEINE);
          double ehcache = cpu(scores, mix, threads, HibernateTarget.EHCACHE);
          double recipe = cpu(scores, mix, threads, HibernateTarget.S3FIFO_RECIPE);
          out.append(String.format(Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n", mix, threads,
              none / 1e3, ours / 1e3, caffeine / 1e3, ehcache / 1e3, recipe / 1e3,
              Math.min(caffeine, ehcache) / ours, none / recipe));
        });
    return out.toString();
  }

  private static double cpu(List<JmhResults.Score> scores, String mix, int threads,
      HibernateTarget target) {
    Optional<JmhResults.Score> score = scores.stream().filter(s -> s.param("mix").equals(mix)
        && s.threads() == threads && s.target().equals(target.id())).findFirst();
    return score.map(s -> s.secondary(CpuTimeProfiler.CPU_PER_OP)).orElse(Double.NaN);
  }
}
