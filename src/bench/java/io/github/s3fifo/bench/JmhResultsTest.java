package io.github.s3fifo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.s3fifo.bench.JmhResults.Score;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading of a run in rounds: one score per target, the median of its rounds, and ratios taken
 * round by round. Runs in the bench profile only: {@code mvn -B -Pbench test -DskipTests=false
 * -Dtest=JmhResultsTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class JmhResultsTest {

  @TempDir
  Path dir;

  private static String run(String target, double score) {
    return "{\"benchmark\": \"io.github.s3fifo.bench.CacheBenchmark.get\", \"threads\": 1,"
        + " \"params\": {\"target\": \"" + target + "\"},"
        + " \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": \"NaN\"}}";
  }

  private Path file(String name, String... runs) throws Exception {
    Path path = dir.resolve(name);
    Files.writeString(path, "[" + String.join(",", runs) + "]");
    return path;
  }

  private static Score of(List<Score> scores, String target) {
    return scores.stream().filter(s -> s.target().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void roundsCombineIntoMediansAndRatiosAreTakenRoundByRound() throws Exception {
    // The machine is twice as fast in round 2; ours is 1.1, 1.2 and 0.9 times theirs.
    List<Score> scores = JmhResults.read(List.of(
        file("jmh-1t-r1.json", run("ours", 11), run("theirs", 10)),
        file("jmh-1t-r2.json", run("ours", 24), run("theirs", 20)),
        file("jmh-1t-r3.json", run("ours", 9), run("theirs", 10))));
    assertEquals(2, scores.size());
    Score ours = of(scores, "ours");
    Score theirs = of(scores, "theirs");
    assertEquals(11, ours.score(), 1e-9);
    assertEquals(7.5, ours.error(), 1e-9, "half the range of 9..24");
    assertEquals(Map.of(1, 11.0, 2, 24.0, 3, 9.0), ours.rounds());
    assertEquals(1.1, ours.ratioTo(theirs), 1e-9, "the median of 1.1, 1.2 and 0.9");
    assertEquals(1 / 1.1, theirs.ratioTo(ours), 1e-9);
  }

  @Test
  void aRunWithoutRoundsKeepsJmhsScoreAndErrorAndDividesScores() throws Exception {
    List<Score> scores = JmhResults.read(List.of(file("jmh-1t.json",
        run("ours", 12).replace("\"NaN\"", "0.5"), run("theirs", 8))));
    Score ours = of(scores, "ours");
    assertEquals(12, ours.score(), 1e-9);
    assertEquals(0.5, ours.error(), 1e-9);
    assertEquals(Map.of(1, 12.0), ours.rounds());
    assertEquals(1.5, ours.ratioTo(of(scores, "theirs")), 1e-9);
  }

  @Test
  void theRoundComesFromTheFileName() {
    assertEquals(7, JmhResults.roundOf(Path.of("out", "jmh-2t-r7.json")));
    assertEquals(1, JmhResults.roundOf(Path.of("jmh-2t.json")));
  }
}
