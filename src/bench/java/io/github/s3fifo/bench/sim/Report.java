package io.github.s3fifo.bench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Formats simulation results: a Markdown table per trace and a summary, and a CSV. */
final class Report {

  /** Ours, compared with {@link #RIVAL} in the summary. */
  static final String OURS = PolicyKind.S3FIFO.id();
  static final String OURS_ONE_SHARD = PolicyKind.S3FIFO_ONE_SHARD.id();
  static final String RIVAL = PolicyKind.CAFFEINE.id();

  private Report() {}

  /** A trace's table: a row per policy, a column per size; hit ratio (and byte hit ratio). */
  static String traceTable(Trace trace, String note, List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(trace.name()).append("\n\n");
    out.append(String.format(Locale.ROOT, "%s. %,d requests, %,d distinct keys", trace.origin(),
        trace.requests(), trace.distinctKeys()));
    if (trace.weighted()) {
      out.append(String.format(Locale.ROOT, " (%,d bytes); cells are hit ratio / byte hit ratio",
          trace.distinctSize()));
    }
    out.append(". Sizes: ").append(note).append(".\n\n");
    List<Long> capacities = results.stream().map(Result::capacity).distinct().sorted().toList();
    out.append("| policy |");
    for (long capacity : capacities) {
      out.append(String.format(Locale.ROOT, " %,d%s |", capacity, trace.weighted() ? " B" : ""));
    }
    out.append("\n|---|").append("---:|".repeat(capacities.size())).append('\n');
    Map<String, List<Result>> byPolicy = byPolicy(results);
    for (Map.Entry<String, List<Result>> row : byPolicy.entrySet()) {
      out.append("| ").append(row.getKey()).append(" |");
      for (long capacity : capacities) {
        Result r = find(row.getValue(), capacity);
        out.append(' ').append(r == null ? "" : cell(r)).append(" |");
      }
      out.append('\n');
    }
    appendDifference(out, byPolicy, capacities, OURS);
    appendDifference(out, byPolicy, capacities, OURS_ONE_SHARD);
    String shards = results.stream().filter(r -> r.policy().equals(OURS))
        .map(r -> String.format(Locale.ROOT, "%,d: %s", r.capacity(), r.detail()))
        .collect(Collectors.joining("; "));
    if (!shards.isEmpty()) {
      out.append("\n").append(OURS).append(" default sharding: ").append(shards).append(".\n");
    }
    return out.append('\n').toString();
  }

  /** A row "ours − caffeine" in hit-ratio points, when both ran. */
  private static void appendDifference(StringBuilder out, Map<String, List<Result>> byPolicy,
      List<Long> capacities, String ours) {
    List<Result> mine = byPolicy.get(ours);
    List<Result> rival = byPolicy.get(RIVAL);
    if (mine == null || rival == null) {
      return;
    }
    out.append("| *").append(ours).append(" − ").append(RIVAL).append(" (points)* |");
    for (long capacity : capacities) {
      Result a = find(mine, capacity);
      Result b = find(rival, capacity);
      out.append(' ').append(a == null || b == null ? ""
          : String.format(Locale.ROOT, "%+.2f", a.hitRatio() - b.hitRatio())).append(" |");
    }
    out.append('\n');
  }

  /**
   * The mean hit ratio of each policy by size index over the unweighted traces, and the traces
   * where ours is more than {@code 2} points below the rival.
   */
  static String summary(List<Result> all) {
    List<Result> results = all.stream().filter(r -> !r.weighted()).toList();
    StringBuilder out = new StringBuilder();
    TreeSet<Integer> indexes = new TreeSet<>();
    results.forEach(r -> indexes.add(r.sizeIndex()));
    long traces = results.stream().map(Result::trace).distinct().count();
    out.append(String.format(Locale.ROOT, "### Mean hit ratio over the %d unweighted traces,"
        + " by size (1 = each trace's smallest)%n%n", traces));
    out.append("| policy |");
    indexes.forEach(i -> out.append(" size ").append(i).append(" |"));
    out.append(" all |\n|---|").append("---:|".repeat(indexes.size() + 1)).append('\n');
    Map<String, List<Result>> byPolicy = byPolicy(results);
    Map<String, double[]> means = new LinkedHashMap<>();
    for (Map.Entry<String, List<Result>> row : byPolicy.entrySet()) {
      double[] mean = new double[indexes.size() + 1];
      out.append("| ").append(row.getKey()).append(" |");
      int column = 0;
      for (int index : indexes) {
        mean[column] = row.getValue().stream().filter(r -> r.sizeIndex() == index)
            .mapToDouble(Result::hitRatio).average().orElse(Double.NaN);
        out.append(String.format(Locale.ROOT, " %.2f |", mean[column++]));
      }
      mean[column] = row.getValue().stream().mapToDouble(Result::hitRatio).average()
          .orElse(Double.NaN);
      out.append(String.format(Locale.ROOT, " %.2f |%n", mean[column]));
      means.put(row.getKey(), mean);
    }
    for (String ours : List.of(OURS, OURS_ONE_SHARD)) {
      double[] a = means.get(ours);
      double[] b = means.get(RIVAL);
      if (a != null && b != null) {
        out.append("| *").append(ours).append(" − ").append(RIVAL).append(" (points)* |");
        for (int i = 0; i < a.length; i++) {
          out.append(String.format(Locale.ROOT, " %+.2f |", a[i] - b[i]));
        }
        out.append('\n');
      }
    }
    out.append("\n### Where ").append(OURS).append(" is more than 2 points below ").append(RIVAL)
        .append(" (all traces)\n\n");
    List<String> losses = new ArrayList<>();
    Map<String, List<Result>> allByPolicy = byPolicy(all);
    List<Result> mine = allByPolicy.getOrDefault(OURS, List.of());
    for (Result r : mine) {
      Result rival = allByPolicy.getOrDefault(RIVAL, List.of()).stream()
          .filter(x -> x.trace().equals(r.trace()) && x.capacity() == r.capacity())
          .findFirst().orElse(null);
      if (rival != null && r.hitRatio() < rival.hitRatio() - 2) {
        losses.add(String.format(Locale.ROOT, "- %s at %,d: %.2f%% vs %.2f%% (%+.2f)",
            r.trace(), r.capacity(), r.hitRatio(), rival.hitRatio(),
            r.hitRatio() - rival.hitRatio()));
      }
    }
    out.append(losses.isEmpty() ? "- none" : String.join("\n", losses)).append("\n");
    return out.toString();
  }

  static final String CSV_HEADER = "trace,weighted,policy,size_index,capacity,requests,hits,"
      + "hit_ratio,requested_size,hit_size,byte_hit_ratio,detail,seconds";

  static String csvLine(Result r) {
    return String.format(Locale.ROOT, "%s,%b,%s,%d,%d,%d,%d,%.4f,%d,%d,%.4f,%s,%.3f", r.trace(),
        r.weighted(), r.policy(), r.sizeIndex(), r.capacity(), r.requests(), r.hits(),
        r.hitRatio(), r.requestedSize(), r.hitSize(), r.byteHitRatio(), r.detail(),
        r.seconds());
  }

  private static String cell(Result r) {
    return r.weighted()
        ? String.format(Locale.ROOT, "%.2f / %.2f", r.hitRatio(), r.byteHitRatio())
        : String.format(Locale.ROOT, "%.2f", r.hitRatio());
  }

  private static Map<String, List<Result>> byPolicy(List<Result> results) {
    Map<String, List<Result>> map = new LinkedHashMap<>();
    for (Result r : results) {
      map.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
    }
    return map;
  }

  private static Result find(List<Result> results, long capacity) {
    return results.stream().filter(r -> r.capacity() == capacity).findFirst().orElse(null);
  }
}
