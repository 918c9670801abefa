package io.github.s3fifo.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's demo working: it runs, prints its report, and shows scan resistance. */
class DemoTest {

  @Test
  void demoRunsAndTheScanDoesNotFlushTheHotSet() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Demo.Phase> phases;
    DemoCache.Snapshot snapshot;
    try (DemoCache<Long, byte[]> cache = Demo.openCache(Demo.CAPACITY_BYTES, 8_000);
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      phases = Demo.run(cache, out);
      snapshot = cache.snapshot();
    }
    String report = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(List.of("warm-up", "before the scan", "during the scan", "after the scan"),
        phases.stream().map(Demo.Phase::name).toList());
    for (Demo.Phase phase : phases) {
      assertTrue(report.contains("| " + phase.name() + " | "), report);
    }
    assertTrue(report.contains("evictions"), report);

    Demo.Phase before = phases.get(1);
    Demo.Phase scan = phases.get(2);
    Demo.Phase after = phases.get(3);
    assertEquals(0, scan.hits(), "scan keys are new: none can hit");
    assertTrue(before.hitRatio() > 50, "a Zipf workload in this cache hits often: " + before);
    assertTrue(after.hitRatio() > before.hitRatio() - 2,
        "the scan flushed the hot set: before " + before + ", after " + after);

    assertTrue(snapshot.weight() <= snapshot.capacity(), snapshot.toString());
    assertTrue(snapshot.evictions() > 0, snapshot.toString());
    assertTrue(snapshot.entries() > 0, snapshot.toString());
  }
}
