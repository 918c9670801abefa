package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.ref.WeakReference;

/** Test helper: waits until the collector clears a weak reference. */
final class GarbageCollection {

  private GarbageCollection() {}

  static void awaitCleared(WeakReference<?> reference) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (reference.get() != null) {
      if (System.nanoTime() > deadline) {
        fail("The object is still strongly reachable after 10 s of collections");
      }
      System.gc();
      byte[][] pressure = new byte[64][];
      for (int i = 0; i < pressure.length; i++) {
        pressure[i] = new byte[64 * 1024];
      }
      Thread.sleep(20);
    }
  }
}
