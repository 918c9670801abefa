package io.github.s3fifo.jcache.event;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool: the per-key ordering of
 * asynchronous listener deliveries (every key maps to one serial executor).
 */
final class SerialExecutor implements Executor {

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      task.run();
    }
    scheduled.set(false);
    // A task added after the last poll but before the reset must not be stranded.
    if (!tasks.isEmpty()) {
      schedule();
    }
  }
}
