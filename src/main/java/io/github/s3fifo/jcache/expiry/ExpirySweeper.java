package io.github.s3fifo.jcache.expiry;

import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread per JVM that periodically reclaims the expired entries of every open cache
 * whose policy can expire entries, so their EXPIRED events are delivered and their memory freed
 * without any access and without the application supplying a thread.
 *
 * <p>Sweep tasks are held weakly: a cache that is dropped without being closed does not leak.
 * The thread starts with the first registration. The interval is
 * {@value #INTERVAL_PROPERTY} milliseconds (default {@value #DEFAULT_INTERVAL_MILLIS}), read
 * when the thread starts.
 */
public final class ExpirySweeper {

  public static final String INTERVAL_PROPERTY = "io.github.s3fifo.jcache.expirySweepMillis";
  static final long DEFAULT_INTERVAL_MILLIS = 1000;

  private static final System.Logger LOGGER = System.getLogger(ExpirySweeper.class.getName());
  private static final CopyOnWriteArrayList<WeakReference<Runnable>> TASKS =
      new CopyOnWriteArrayList<>();
  private static ScheduledThreadPoolExecutor scheduler;

  private ExpirySweeper() {}

  /**
   * Runs {@code sweep} on the sweeper thread every interval until it is deregistered or no longer
   * strongly reachable; the caller must keep a strong reference to it while it is wanted.
   */
  public static void register(Runnable sweep) {
    TASKS.add(new WeakReference<>(sweep));
    startOnce();
  }

  /** Stops running {@code sweep}. */
  public static void deregister(Runnable sweep) {
    TASKS.removeIf(ref -> {
      Runnable task = ref.get();
      return task == null || task == sweep;
    });
  }

  private static synchronized void startOnce() {
    if (scheduler != null) {
      return;
    }
    long interval = Math.max(1, Long.getLong(INTERVAL_PROPERTY, DEFAULT_INTERVAL_MILLIS));
    scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "s3fifo-jcache-expiry");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(
        ExpirySweeper::sweepAll, interval, interval, TimeUnit.MILLISECONDS);
  }

  static void sweepAll() {
    for (WeakReference<Runnable> ref : TASKS) {
      Runnable task = ref.get();
      if (task == null) {
        TASKS.remove(ref);
        continue;
      }
      try {
        task.run();
      } catch (Throwable t) {
        // One failing cache (a throwing listener) must not stop the sweeps of the others.
        LOGGER.log(Level.WARNING, "Sweeping expired entries failed", t);
      }
    }
  }
}
