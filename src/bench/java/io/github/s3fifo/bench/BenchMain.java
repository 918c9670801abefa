package io.github.s3fifo.bench;

import io.github.s3fifo.bench.hibernate.HibernateBenchmark;
import io.github.s3fifo.bench.hibernate.L2StatisticsProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs a benchmark suite at 1 and 2 threads, writes JMH's JSON for each thread count and the
 * Markdown tables of {@link JmhReport} to an output folder, and prints them.
 *
 * <p>Arguments: {@code [--suite cache|hibernate] [--out DIR] [--threads 1,2] [--rounds N] [JMH
 * options...]}. With {@code --rounds N} the whole run is repeated N times, one fork per target and
 * thread count in each round ({@code -f} is ignored), into {@code jmh-<T>t-r<R>.json}; the report
 * takes the median of the rounds and each ratio round by round, so that a machine whose speed
 * drifts between targets (another job starting, a neighbour on the host) moves the ratios less.
 * The {@code cache} suite (default) is {@link CacheBenchmark}; {@code hibernate} is
 * {@link HibernateBenchmark} with JMH's GC profiler (bytes per operation) and
 * {@link L2StatisticsProfiler} (second-level hit ratio). JMH options are those of JMH's own command
 * line ({@code -f 1 -wi 2 -i 3 -w 2s -r 2s}, a benchmark regex, {@code -p target=s3fifo,caffeine},
 * {@code -prof gc}, ...). {@code -t} replaces the thread list; {@code -rf}/{@code -rff} are set
 * here.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args)
      throws IOException, RunnerException, CommandLineOptionException {
    Path out = Path.of("target", "jmh-results");
    int[] threads = {1, 2};
    int rounds = 1;
    String suite = "cache";
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--suite" -> suite = args[++i];
        case "--threads" -> threads = Arrays.stream(args[++i].split(","))
            .mapToInt(Integer::parseInt).toArray();
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> jmhArgs.add(args[i]);
      }
    }
    boolean hibernate = switch (suite) {
      case "cache" -> false;
      case "hibernate" -> true;
      default -> throw new IllegalArgumentException("no suite named '" + suite + "'");
    };
    CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    if (cmd.shouldHelp()) {
      cmd.showHelp();
      return;
    }
    if (cmd.getThreads().hasValue()) {
      threads = new int[] {cmd.getThreads().get()};
    }
    Files.createDirectories(out);
    List<Path> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (int threadCount : threads) {
        Path result = out.resolve("jmh-" + threadCount + "t"
            + (rounds > 1 ? "-r" + round : "") + ".json");
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cmd)
            .threads(threadCount)
            .resultFormat(ResultFormatType.JSON)
            .result(result.toString());
        if (rounds > 1) {
          options.forks(1);
        }
        if (cmd.getIncludes().isEmpty()) {
          options.include((hibernate ? HibernateBenchmark.class : CacheBenchmark.class).getName());
        }
        if (hibernate) {
          options.addProfiler(GCProfiler.class).addProfiler(L2StatisticsProfiler.class);
        }
        new Runner(options.build()).run();
        results.add(result);
      }
    }
    String table = JmhReport.markdown(JmhResults.read(results));
    Files.writeString(out.resolve("jmh-table.md"), table);
    Files.writeString(out.resolve("machine.txt"), machine(args));
    System.out.println();
    System.out.print(table);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /** What the JVM knows of the machine, and the arguments of this run. */
  static String machine(String[] args) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("arguments: ").append(String.join(" ", args)).append('\n');
    sb.append(String.format(Locale.ROOT, "processors: %d%n",
        Runtime.getRuntime().availableProcessors()));
    sb.append("java: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append('\n');
    sb.append("os: ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append(' ')
        .append(System.getProperty("os.arch")).append('\n');
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
          .findFirst().ifPresent(line -> sb.append("cpu: ")
              .append(line.substring(line.indexOf(':') + 1).trim()).append('\n'));
    }
    Path loadavg = Path.of("/proc/loadavg");
    if (Files.isReadable(loadavg)) {
      sb.append("load average at the end: ").append(Files.readString(loadavg).trim())
          .append('\n');
    }
    return sb.toString();
  }
}
