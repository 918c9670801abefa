package io.github.s3fifo.bench.memory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retained heap per entry of each {@link MemoryTarget} at N {@code Long → Long} entries, and the
 * real heap our store-by-value cache holds against its byte bound; one fresh JVM
 * ({@code -XX:+UseSerialGC}) per measurement ({@link MemoryProbe}). Writes {@code memory.md} and
 * {@code memory.csv} to the output folder and prints the tables.
 *
 * <p>Arguments: {@code [--out DIR] [--entries N] [--churn F] [--only target,...]
 * [--bounds 16MiB,...] [--jvm-args "..."]}. Defaults: {@code target/memory}, 1,000,000 entries,
 * a steady-state table after 3× the entries (1 skips it), every target, bounds 16, 64 and
 * 256 MiB, {@code -Xmx4g -Xms4g}.
 */
public final class MemoryMain {

  private static final int MIN_VALUE = 100;
  private static final int MAX_VALUE = 10 * 1024;

  private MemoryMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of("target", "memory");
    int entries = 1_000_000;
    int churn = 3;
    List<MemoryTarget> targets = new ArrayList<>(Arrays.asList(MemoryTarget.values()));
    long[] bounds = {16L << 20, 64L << 20, 256L << 20};
    List<String> jvmArgs = List.of("-Xmx4g", "-Xms4g");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--entries" -> entries = Integer.parseInt(args[++i]);
        case "--churn" -> churn = Integer.parseInt(args[++i]);
        case "--only" -> targets = Arrays.stream(args[++i].split(","))
            .map(MemoryTarget::of).toList();
        case "--bounds" -> bounds = Arrays.stream(args[++i].split(","))
            .mapToLong(MemoryMain::mebibytes).toArray();
        case "--jvm-args" -> jvmArgs = Arrays.asList(args[++i].trim().split("\\s+"));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(out);
    StringBuilder csv = new StringBuilder("kind,target,entries,resident,cache_bytes,"
        + "bytes_per_long,bound,min,max,inserts,inserted,weight,retained\n");

    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Retained heap at %,d `Long` → `Long` entries, each "
        + "cache bounded at %,d entries (JVM: %s -XX:+UseSerialGC, one per row)%n%n", entries,
        entries, String.join(" ", jvmArgs)));
    md.append("| cache | resident entries | cache structure, B/entry | with key and value, B/entry "
        + "| ÷ ours (JCache) |\n|---|---:|---:|---:|---:|\n");
    Map<MemoryTarget, double[]> perEntry = new LinkedHashMap<>();
    double longSize = Double.NaN;
    for (MemoryTarget target : targets) {
      Map<String, String> r = probe(jvmArgs, "entries", target.id(), String.valueOf(entries));
      long resident = Long.parseLong(r.get("resident"));
      long cacheBytes = Long.parseLong(r.get("cacheBytes"));
      double bytesPerLong = Double.parseDouble(r.get("bytesPerLong"));
      double structure = (double) cacheBytes / resident;
      perEntry.put(target, new double[] {resident, structure, structure + 2 * bytesPerLong});
      longSize = bytesPerLong;
      csv.append(String.format(Locale.ROOT, "entries,%s,%d,%d,%d,%.2f,,,,,,,%n", target.id(),
          entries, resident, cacheBytes, bytesPerLong));
      System.err.printf(Locale.ROOT, "%s: %s%n", target.id(), r);
    }
    double ours = perEntry.containsKey(MemoryTarget.S3FIFO_JCACHE)
        ? perEntry.get(MemoryTarget.S3FIFO_JCACHE)[2] : Double.NaN;
    perEntry.forEach((target, v) -> md.append(String.format(Locale.ROOT,
        "| %s | %,d | %.1f | %.1f | %s |%n", target.description(), (long) v[0], v[1], v[2],
        Double.isNaN(ours) ? "n/a" : String.format(Locale.ROOT, "%.2f", v[2] / ours))));
    md.append(String.format(Locale.ROOT, "%nA `Long` measured %.1f B in these JVMs; \"with key "
        + "and value\" adds two of them to the cache's own structure.%n", longSize));
    if (churn > 1) {
      md.append(String.format(Locale.ROOT, "%nAt steady state: the same caches after %,d "
          + "distinct entries (%d× the bound) went through them, so that what eviction keeps "
          + "(ours: the ghost) is counted too%n%n", (long) churn * entries, churn));
      md.append("| cache | resident entries | cache structure, B/entry "
          + "| with key and value, B/entry |\n|---|---:|---:|---:|\n");
      for (MemoryTarget target : targets) {
        if (target == MemoryTarget.CHM) {
          continue; // unbounded: churn would only grow it
        }
        Map<String, String> r = probe(jvmArgs, "entries", target.id(), String.valueOf(entries),
            String.valueOf(churn));
        long resident = Long.parseLong(r.get("resident"));
        long cacheBytes = Long.parseLong(r.get("cacheBytes"));
        double bytesPerLong = Double.parseDouble(r.get("bytesPerLong"));
        double structure = (double) cacheBytes / resident;
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n",
            target.description(), resident, structure, structure + 2 * bytesPerLong));
        csv.append(String.format(Locale.ROOT, "churn%d,%s,%d,%d,%d,%.2f,,,,,,,%n", churn,
            target.id(), entries, resident, cacheBytes, bytesPerLong));
        System.err.printf(Locale.ROOT, "churn %s: %s%n", target.id(), r);
      }
    }

    md.append(String.format(Locale.ROOT, "%nOurs, store-by-value, bounded by maximum weight "
        + "(default weigher: serialized key and value bytes); `byte[]` values of %,d to %,d B "
        + "(uniform), `Long` keys, 4× the bound inserted%n%n", MIN_VALUE, MAX_VALUE));
    md.append("| bound | inserted | resident entries | weight (store's sum) | retained heap "
        + "| retained ÷ bound | overhead B/entry beyond weight |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|\n");
    for (long bound : bounds) {
      int inserts = (int) Math.max(1000, 4 * bound / ((MIN_VALUE + MAX_VALUE) / 2));
      Map<String, String> r = probe(jvmArgs, "bytes", String.valueOf(bound),
          String.valueOf(MIN_VALUE), String.valueOf(MAX_VALUE), String.valueOf(inserts), "1");
      long resident = Long.parseLong(r.get("resident"));
      long weight = Long.parseLong(r.get("weight"));
      long retained = Long.parseLong(r.get("retained"));
      long inserted = Long.parseLong(r.get("inserted"));
      md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %.3f | %.1f |%n",
          size(bound), size(inserted), resident, size(weight), size(retained),
          (double) retained / bound, (double) (retained - weight) / resident));
      csv.append(String.format(Locale.ROOT, "bytes,s3fifo-jcache-by-value,,%d,,,%d,%d,%d,%d,%d,"
          + "%d,%d%n", resident, bound, MIN_VALUE, MAX_VALUE, inserts, inserted, weight,
          retained));
      System.err.printf(Locale.ROOT, "bytes %s: %s%n", size(bound), r);
    }
    Files.writeString(out.resolve("memory.md"), md);
    Files.writeString(out.resolve("memory.csv"), csv);
    System.out.print(md);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** Runs one {@link MemoryProbe} in a new JVM and returns its result's pairs. */
  static Map<String, String> probe(List<String> jvmArgs, String... probeArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MemoryProbe.class.getName());
    command.addAll(Arrays.asList(probeArgs));
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int exit = process.waitFor();
    String result = output.lines().filter(l -> l.startsWith(MemoryProbe.RESULT)).findFirst()
        .orElseThrow(() -> new IllegalStateException("probe " + String.join(" ", probeArgs)
            + " exited with " + exit + " and no result:\n" + output));
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : result.substring(MemoryProbe.RESULT.length()).trim().split(" ")) {
      int eq = pair.indexOf('=');
      pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return pairs;
  }

  private static long mebibytes(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("mib")) {
      t = t.substring(0, t.length() - 3);
    }
    return Long.parseLong(t) << 20;
  }

  private static String size(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }
}
