package io.github.s3fifo.jcache;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provider's shared thread pools (asynchronous listeners, {@code loadAll}): daemon threads,
 * so a cache never keeps a JVM alive, which retire when idle, so an unused pool costs nothing.
 */
public final class DaemonPools {

  private DaemonPools() {}

  /** A pool of one thread per processor (at least two) named {@code <prefix>-<n>}. */
  public static ExecutorService create(String prefix) {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
