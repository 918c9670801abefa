package io.github.s3fifo.bench.charts;

import io.github.s3fifo.bench.Family;
import io.github.s3fifo.bench.JmhResults;
import io.github.s3fifo.bench.Target;
import io.github.s3fifo.bench.hibernate.HibernateTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the benchmark results into PNG charts (Java2D, headless; nothing to install):
 * {@code hit-ratios.png} (hit ratio against cache size, one panel per trace, from the simulator's
 * {@code hit-ratios.csv}), {@code throughput-*.png} (ops/s per benchmark and target, one chart
 * per {@link Family}, from JMH JSON), {@code hibernate.png} and {@code memory.png}. An input that
 * is missing is skipped with a message.
 *
 * <p>Arguments (defaults under {@code bench-results/}): {@code [--sim sim/hit-ratios.csv]
 * [--jmh jmh] [--hibernate hibernate] [--memory memory/memory.csv] [--out charts]}.
 */
public final class ChartsMain {

  private ChartsMain() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path results = Path.of("bench-results");
    Path sim = results.resolve("sim/hit-ratios.csv");
    Path jmh = results.resolve("jmh");
    Path hibernate = results.resolve("hibernate");
    Path memory = results.resolve("memory/memory.csv");
    Path out = results.resolve("charts");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sim" -> sim = Path.of(args[++i]);
        case "--jmh" -> jmh = Path.of(args[++i]);
        case "--hibernate" -> hibernate = Path.of(args[++i]);
        case "--memory" -> memory = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<Path> written = new ArrayList<>();
    if (Files.isRegularFile(sim)) {
      written.add(hitRatios(sim, out.resolve("hit-ratios.png")));
    } else {
      System.err.println("skipped hit ratios: no " + sim);
    }
    List<Path> jmhFiles = jsonFiles(jmh);
    if (!jmhFiles.isEmpty()) {
      written.addAll(throughput(JmhResults.read(jmhFiles), out));
    } else {
      System.err.println("skipped throughput: no JSON in " + jmh);
    }
    List<Path> hibernateFiles = jsonFiles(hibernate);
    if (!hibernateFiles.isEmpty()) {
      written.add(hibernate(JmhResults.read(hibernateFiles), out.resolve("hibernate.png")));
    } else {
      System.err.println("skipped Hibernate: no JSON in " + hibernate);
    }
    if (Files.isRegularFile(memory)) {
      written.add(memory(memory, out.resolve("memory.png")));
    } else {
      System.err.println("skipped memory: no " + memory);
    }
    written.forEach(p -> System.out.println("wrote " + p));
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("jmh-\\d+t(-r\\d+)?\\.json"))
          .sorted().toList();
    }
  }

  /** Hit ratio against capacity, a panel per trace, a line per policy. */
  static Path hitRatios(Path csv, Path png) throws IOException {
    List<Map<String, String>> rows = Csv.read(csv);
    Map<String, Map<String, List<double[]>>> byTrace = new LinkedHashMap<>();
    Map<String, Boolean> weighted = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      String trace = row.get("trace");
      weighted.put(trace, Boolean.parseBoolean(row.get("weighted")));
      byTrace.computeIfAbsent(trace, t -> new LinkedHashMap<>())
          .computeIfAbsent(row.get("policy"), p -> new ArrayList<>())
          .add(new double[] {Double.parseDouble(row.get("capacity")),
              Double.parseDouble(row.get("hit_ratio"))});
    }
    List<LineChart.Panel> panels = new ArrayList<>();
    byTrace.forEach((trace, policies) -> {
      List<LineChart.Series> series = new ArrayList<>();
      policies.forEach((policy, points) -> {
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        series.add(new LineChart.Series(policy,
            points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray()));
      });
      panels.add(new LineChart.Panel(trace, weighted.get(trace)
          ? "cache size (bytes, log scale)" : "cache size (entries, log scale)", series));
    });
    LineChart.render(png, "Hit ratio against cache size, per trace", "hit ratio (%)", panels,
        4, "From " + csv.getFileName() + " (the simulator). Weighted traces: object hit ratio "
            + "of a cache bounded in bytes.");
    return png;
  }

  /** One chart per family: groups = benchmark × threads, bars = targets (with the ceiling). */
  static List<Path> throughput(List<JmhResults.Score> scores, Path out) throws IOException {
    List<JmhResults.Score> cache = scores.stream()
        .filter(s -> s.benchmarkClass().equals("CacheBenchmark")).toList();
    List<String> groups = cache.stream().map(s -> s.benchmark() + " " + s.threads() + "t")
        .distinct().sorted((a, b) -> order(a) - order(b)).toList();
    List<Path> written = new ArrayList<>();
    for (Family family : Family.values()) {
      List<Target> targets = new ArrayList<>(Arrays.stream(Target.values())
          .filter(t -> t.family() == family).toList());
      if (family == Family.BY_REFERENCE) {
        targets.add(Target.CHM);
      }
      List<BarChart.Series> series = new ArrayList<>();
      for (Target target : targets) {
        double[] values = new double[groups.size()];
        Arrays.fill(values, Double.NaN);
        boolean any = false;
        for (JmhResults.Score s : cache) {
          if (s.target().equals(target.id())) {
            values[groups.indexOf(s.benchmark() + " " + s.threads() + "t")] = s.score() / 1e6;
            any = true;
          }
        }
        if (any) {
          series.add(new BarChart.Series(target == Target.CHM && family != Family.NATIVE
              ? "chm (ceiling, native)" : target.id(), values));
        }
      }
      if (series.isEmpty()) {
        continue;
      }
      Path png = out.resolve("throughput-" + family.name().toLowerCase(Locale.ROOT)
          .replace('_', '-') + ".png");
      BarChart.render(png, "Throughput, " + family.description()
              + " (Zipf 1, 2^20 keys, 2^17 entries)", "million ops/s", groups, series,
          v -> String.format(Locale.ROOT, v < 1 ? "%.2f" : "%.1f", v),
          "get = get only; getPut = 75% get / 25% put; put = put only; 1t/2t = threads. "
              + "From JMH JSON; noisy 2-core machine.");
      written.add(png);
    }
    return written;
  }

  static Path hibernate(List<JmhResults.Score> scores, Path png) throws IOException {
    List<JmhResults.Score> rows = scores.stream()
        .filter(s -> s.benchmarkClass().equals("HibernateBenchmark")).toList();
    List<String> groups = rows.stream().map(s -> s.param("mix") + " " + s.threads() + "t")
        .distinct().sorted().toList();
    List<BarChart.Series> series = new ArrayList<>();
    for (HibernateTarget target : HibernateTarget.values()) {
      double[] values = new double[groups.size()];
      Arrays.fill(values, Double.NaN);
      for (JmhResults.Score s : rows) {
        if (s.target().equals(target.id())) {
          values[groups.indexOf(s.param("mix") + " " + s.threads() + "t")] = s.score();
        }
      }
      series.add(new BarChart.Series(target.id(), values));
    }
    BarChart.render(png, "Hibernate 7 find + collection in a new session (H2 in memory)",
        "ops/s", groups, series, v -> String.format(Locale.ROOT, "%,.0f", v),
        "read = read only; read90 = 90% read / 10% update; none = no second-level cache.");
    return png;
  }

  static Path memory(Path csv, Path png) throws IOException {
    List<Map<String, String>> rows = Csv.read(csv).stream()
        .filter(r -> r.get("kind").equals("entries")).toList();
    List<String> groups = List.of("cache structure", "with key and value");
    List<BarChart.Series> series = new ArrayList<>();
    for (Map<String, String> row : rows) {
      double structure = Double.parseDouble(row.get("cache_bytes"))
          / Double.parseDouble(row.get("resident"));
      double withObjects = structure + 2 * Double.parseDouble(row.get("bytes_per_long"));
      series.add(new BarChart.Series(row.get("target"), new double[] {structure, withObjects}));
    }
    BarChart.render(png, String.format(Locale.ROOT, "Retained heap per Long → Long entry at %,d "
            + "entries", Long.parseLong(rows.get(0).get("entries"))), "bytes per entry", groups, series,
        v -> String.format(Locale.ROOT, "%.0f", v), "One JVM per cache, serial GC, used heap "
            + "after full GCs. Lower is better.");
    return png;
  }

  private static int order(String group) {
    String benchmark = group.split(" ")[0];
    int base = switch (benchmark) {
      case "get" -> 0;
      case "getPut" -> 100;
      case "put" -> 200;
      default -> 300;
    };
    return base + Integer.parseInt(group.split(" ")[1].replace("t", ""));
  }
}
