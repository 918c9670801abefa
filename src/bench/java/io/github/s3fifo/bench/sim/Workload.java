package io.github.s3fifo.bench.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A trace and the cache sizes to replay it at, smallest first. Sizes are entries for an
 * unweighted trace, and size units (bytes) for a weighted one.
 *
 * @param name the trace's short name
 * @param source loads or generates the trace when it is replayed
 * @param capacities the cache sizes
 * @param note why these sizes
 */
public record Workload(String name, Supplier<Trace> source, long[] capacities, String note) {

  /** The public traces' files (in the traces folder) and their sizes. */
  private static final Object[][] PUBLIC = {
      // The LIRS paper's loop: below 1,011 entries LRU and plain S3-FIFO get 0%.
      {"lirs_loop", new long[] {128, 256, 512, 768, 1000}, "below the 1,011-block loop"},
      {"lirs_sprite", new long[] {100, 250, 500, 1000, 2000}, "1.4% to 28% of distinct keys"},
      {"lirs_multi2", new long[] {250, 500, 1000, 2000, 3000}, "4% to 53% of distinct keys"},
      {"arc_oltp", new long[] {1000, 2000, 5000, 10000, 15000}, "the ARC paper's OLTP sizes"},
      {"cache2k_web07", new long[] {250, 500, 1000, 2000, 4000}, "1.2% to 20% of distinct keys"},
      {"cache2k_orm_night", new long[] {500, 1000, 2500, 5000, 10000},
          "0.6% to 12% of distinct keys"},
      {"ucsd_gcc", new long[] {250, 500, 1000, 2500, 5000}, "0.7% to 14% of distinct keys"},
  };

  /** The public traces found in {@code dir} (named {@code NAME.keys.gz}), in a fixed order. */
  public static List<Workload> publicTraces(Path dir) {
    List<Workload> workloads = new ArrayList<>();
    for (Object[] row : PUBLIC) {
      String name = (String) row[0];
      Path file = dir.resolve(name + ".keys.gz");
      if (Files.isReadable(file)) {
        workloads.add(new Workload(name, () -> load(file, name), (long[]) row[1],
            (String) row[2]));
      } else {
        System.err.println("warning: " + file + " not found; trace " + name + " skipped");
      }
    }
    return workloads;
  }

  /** The synthetic traces and their sizes. */
  public static List<Workload> synthetic() {
    return List.of(
        new Workload("zipf", SyntheticTraces::zipf, new long[] {500, 1000, 2500, 5000, 10000},
            "0.5% to 10% of 100,000 keys"),
        new Workload("loop", SyntheticTraces::loop, new long[] {1000, 2500, 5000, 7500, 9500},
            "10% to 95% of the 10,000-key loop"),
        new Workload("zipf_scan", SyntheticTraces::zipfWithScan,
            new long[] {200, 500, 1000, 2000, 4000}, "1% to 20% of the 20,000 Zipf keys"),
        new Workload("phase_shift", SyntheticTraces::phaseShift,
            new long[] {500, 1000, 2000, 3000, 5000}, "below the 6,000-key loop of phase 2"),
        new Workload("weighted_zipf", SyntheticTraces::weightedZipf, null,
            "1%, 2%, 5%, 10%, 20% of the distinct objects' bytes"));
  }

  /**
   * A trace file given on the command line, replayed at 1%, 2%, 5%, 10% and 20% of its distinct
   * keys (or of its distinct objects' summed size when weighted) unless sizes are given.
   */
  public static Workload file(Path file, long[] capacities) {
    String name = file.getFileName().toString().replaceFirst("(\\.keys)?(\\.gz)?$", "");
    return new Workload(name, () -> load(file, name), capacities,
        capacities == null ? "1% to 20% of the distinct keys (or bytes)" : "given sizes");
  }

  /** The sizes to use for a loaded trace: the fixed ones, or fractions of its distinct size. */
  public long[] capacitiesFor(Trace trace) {
    if (capacities != null) {
      return capacities;
    }
    return Arrays.stream(new double[] {0.01, 0.02, 0.05, 0.10, 0.20})
        .mapToLong(f -> Math.max(1, Math.round(f * trace.distinctSize())))
        .toArray();
  }

  private static Trace load(Path file, String name) {
    try {
      return TraceReader.read(file, name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
