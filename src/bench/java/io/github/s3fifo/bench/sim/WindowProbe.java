package io.github.s3fifo.bench.sim;

import java.util.Locale;

/**
 * Hit ratio per window of requests, to see when a policy gains or loses on a trace (e.g. the
 * loop phase of {@code phase_shift}). Arguments: a synthetic trace ({@code phase_shift},
 * {@code loop}, {@code zipf}, {@code zipf_scan}), the capacity, the window in requests, then
 * policies: {@code caffeine} or a variant specification as for {@code --variant}. After {@code mvn
 * -B -Pbench test-compile}: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.github.s3fifo.bench.sim.WindowProbe phase_shift 5000 50000 adopted@preset=adopted caffeine},
 * where {@code cp.txt} is written by {@code mvn -B -Pbench dependency:build-classpath
 * -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 */
public final class WindowProbe {

  private WindowProbe() {}

  public static void main(String[] args) {
    Trace trace = switch (args[0]) {
      case "phase_shift" -> SyntheticTraces.phaseShift();
      case "loop" -> SyntheticTraces.loop();
      case "zipf" -> SyntheticTraces.zipf();
      case "zipf_scan" -> SyntheticTraces.zipfWithScan();
      default -> throw new IllegalArgumentException("no synthetic trace " + args[0]);
    };
    long capacity = Long.parseLong(args[1]);
    int window = Integer.parseInt(args[2]);
    for (int v = 3; v < args.length; v++) {
      StringBuilder line = new StringBuilder(args[v].split("@")[0]).append(':');
      long hits = 0;
      long windowHits = 0;
      try (Policy policy = args[v].equals("caffeine") ? new CaffeinePolicy(capacity, false)
          : VariantPolicy.Config.parse(args[v]).spec().factory().create(capacity, trace)) {
        for (int i = 0; i < trace.requests(); i++) {
          if (policy.access(trace.key(i), trace.size(i))) {
            hits++;
            windowHits++;
          }
          if ((i + 1) % window == 0) {
            line.append(String.format(Locale.ROOT, " %.0f", 100.0 * windowHits / window));
            windowHits = 0;
          }
        }
        System.out.printf(Locale.ROOT, "%s | all %.2f%% | %s%n", line,
            100.0 * hits / trace.requests(), policy.detail());
      }
    }
  }
}
