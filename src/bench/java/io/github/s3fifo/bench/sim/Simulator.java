package io.github.s3fifo.bench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays traces through the policies at several sizes and reports hit ratios (and byte hit
 * ratios for weighted traces) as Markdown ({@code hit-ratios.md}) and CSV
 * ({@code hit-ratios.csv}) in the output folder.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code --traces DIR}: the public traces (default {@code ../shared/traces})
 *   <li>{@code --out DIR}: where to write the results (default {@code target/sim})
 *   <li>{@code --only NAME,...}: only these traces
 *   <li>{@code --policies ID,...}: only these policies (s3fifo-1shard, s3fifo, caffeine,
 *       cache2k, cache2k-strict, lru)
 *   <li>{@code --ghost-factors F,...}: also ours (one shard) with a ghost F times as long,
 *       through the store's {@code expectedEntries} hint
 *   <li>{@code --trace FILE[=SIZE,...]}: also replay this file (repeatable)
 *   <li>{@code --no-public}, {@code --no-synthetic}: leave out those traces
 *   <li>{@code --parallel N}: replays run at once (default 1: the policies are single-threaded)
 * </ul>
 */
public final class Simulator {

  /** LRU on arc_oltp, from the ARC paper's OLTP table, as given in the traces' README. */
  static final Map<Long, String> ARC_OLTP_LRU = Map.of(
      1000L, "32.83", 2000L, "42.47", 5000L, "53.65", 10000L, "60.70", 15000L, "64.63");

  private Simulator() {}

  public static void main(String[] args) throws Exception {
    Path traces = Path.of("..", "shared", "traces");
    Path out = Path.of("target", "sim");
    Set<String> only = null;
    List<PolicySpec> policies = new ArrayList<>(
        Arrays.stream(PolicyKind.values()).map(PolicyKind::spec).toList());
    List<Workload> extra = new ArrayList<>();
    boolean withPublic = true;
    boolean withSynthetic = true;
    int parallel = 1;
    List<Double> ghostFactors = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--traces" -> traces = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = Set.of(args[++i].split(","));
        case "--policies" -> policies = new ArrayList<>(Arrays.stream(args[++i].split(","))
            .map(id -> PolicyKind.of(id).spec()).toList());
        case "--ghost-factors" -> Arrays.stream(args[++i].split(","))
            .mapToDouble(Double::parseDouble).forEach(f -> ghostFactors.add(f));
        case "--trace" -> extra.add(fileWorkload(args[++i]));
        case "--no-public" -> withPublic = false;
        case "--no-synthetic" -> withSynthetic = false;
        case "--parallel" -> parallel = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("unknown option: " + args[i]);
          System.exit(2);
        }
      }
    }
    for (double factor : ghostFactors) {
      policies.add(PolicySpec.largerGhost(factor));
    }
    List<Workload> workloads = new ArrayList<>();
    if (withPublic) {
      workloads.addAll(Workload.publicTraces(traces));
    }
    if (withSynthetic) {
      workloads.addAll(Workload.synthetic());
    }
    workloads.addAll(extra);
    if (only != null) {
      Set<String> names = only;
      workloads.removeIf(w -> !names.contains(w.name()));
    }
    int failures = run(workloads, policies, out, parallel);
    System.exit(failures == 0 ? 0 : 1);
  }

  /** Runs everything and writes the reports; returns the number of failed sanity checks. */
  static int run(List<Workload> workloads, List<PolicySpec> policies, Path out, int parallel)
      throws IOException, InterruptedException, ExecutionException {
    Files.createDirectories(out);
    StringBuilder markdown = new StringBuilder("## Hit ratios (%)\n\n");
    List<String> csv = new ArrayList<>(List.of(Report.CSV_HEADER));
    List<Result> all = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    int failures = 0;
    long start = System.nanoTime();
    ExecutorService executor = Executors.newFixedThreadPool(parallel);
    try {
      for (Workload workload : workloads) {
        long loadStart = System.nanoTime();
        Trace trace = workload.source().get();
        System.out.printf(Locale.ROOT, "%s: %,d requests, %,d distinct (%.1f s to load)%n",
            trace.name(), trace.requests(), trace.distinctKeys(),
            (System.nanoTime() - loadStart) / 1e9);
        long[] capacities = workload.capacitiesFor(trace);
        List<Future<Result>> futures = new ArrayList<>();
        for (PolicySpec policy : policies) {
          for (int i = 0; i < capacities.length; i++) {
            int sizeIndex = i + 1;
            long capacity = capacities[i];
            futures.add(executor.submit(() -> replay(trace, policy, sizeIndex, capacity)));
          }
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> future : futures) {
          results.add(future.get());
        }
        all.addAll(results);
        results.forEach(r -> csv.add(Report.csvLine(r)));
        String table = Report.traceTable(trace, workload.note(), results);
        System.out.println(table);
        markdown.append(table);
        if (trace.name().equals("arc_oltp")) {
          String check = checkArcOltp(results);
          checks.add(check);
          System.out.println(check);
          if (check.contains("MISMATCH")) {
            failures++;
          }
        }
      }
    } finally {
      executor.shutdown();
    }
    String summary = Report.summary(all);
    System.out.println(summary);
    markdown.append(summary);
    if (!checks.isEmpty()) {
      markdown.append("\n### Sanity check\n\n");
      checks.forEach(c -> markdown.append("- ").append(c).append('\n'));
    }
    Files.writeString(out.resolve("hit-ratios.md"), markdown);
    Files.write(out.resolve("hit-ratios.csv"), csv);
    System.out.printf(Locale.ROOT, "%.0f s in all; written to %s%n",
        (System.nanoTime() - start) / 1e9, out.toAbsolutePath());
    return failures;
  }

  /** Replays the whole trace through a new cache of the policy. */
  static Result replay(Trace trace, PolicySpec spec, int sizeIndex, long capacity) {
    long start = System.nanoTime();
    long hits = 0;
    long requestedSize = 0;
    long hitSize = 0;
    String detail;
    try (Policy policy = spec.factory().create(capacity, trace)) {
      for (int i = 0, n = trace.requests(); i < n; i++) {
        int size = trace.size(i);
        requestedSize += size;
        if (policy.access(trace.key(i), size)) {
          hits++;
          hitSize += size;
        }
      }
      detail = policy.detail();
    }
    return new Result(trace.name(), trace.weighted(), spec.id(), sizeIndex, capacity,
        trace.requests(), hits, requestedSize, hitSize, detail,
        (System.nanoTime() - start) / 1e9);
  }

  /** Compares LRU on arc_oltp with the ARC paper's numbers, to two decimals. */
  static String checkArcOltp(List<Result> results) {
    List<String> mismatches = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    for (Result r : results) {
      String expected = ARC_OLTP_LRU.get(r.capacity());
      if (r.policy().equals(PolicyKind.LRU.id()) && expected != null) {
        String actual = String.format(Locale.ROOT, "%.2f", r.hitRatio());
        (actual.equals(expected) ? matched : mismatches)
            .add(String.format(Locale.ROOT, "%,d: %s (paper %s)", r.capacity(), actual, expected));
      }
    }
    if (matched.isEmpty() && mismatches.isEmpty()) {
      return "arc_oltp LRU check not run (LRU or the paper's sizes not simulated)";
    }
    return mismatches.isEmpty()
        ? "arc_oltp LRU matches the ARC paper: " + String.join(", ", matched)
        : "arc_oltp LRU MISMATCH with the ARC paper: " + String.join(", ", mismatches)
            + (matched.isEmpty() ? "" : "; matched " + String.join(", ", matched));
  }

  private static Workload fileWorkload(String arg) {
    int equals = arg.lastIndexOf('=');
    if (equals < 0) {
      return Workload.file(Path.of(arg), null);
    }
    long[] sizes = Arrays.stream(arg.substring(equals + 1).split(","))
        .mapToLong(Long::parseLong).toArray();
    return Workload.file(Path.of(arg.substring(0, equals)), sizes);
  }
}
