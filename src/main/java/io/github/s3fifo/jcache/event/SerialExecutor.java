package io.github.s3fifo.jcache.event;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool: the per-key ordering of
 * asynchronous listener deliveries (every key maps to one serial executor).
 *
 * <p>A {@link Slot} holds a place in the order before its tasks are known: the executor runs
 * nothing past an unfilled slot.
 */
final class SerialExecutor implements Executor {

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  /** A place in the order, filled later with the tasks to run there. */
  final class Slot implements Runnable {
    private volatile List<Runnable> contents;

    /** Sets the tasks to run in this place (possibly none) and lets the executor continue. */
    void fill(List<Runnable> slotTasks) {
      contents = slotTasks;
      schedule();
    }

    boolean isFilled() {
      return contents != null;
    }

    @Override
    public void run() {
      for (Runnable task : contents) {
        task.run();
      }
    }
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  /** Takes the next place in the order, to be filled by {@link Slot#fill}. */
  Slot reserve() {
    Slot slot = new Slot();
    tasks.add(slot);
    return slot;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    for (;;) {
      Runnable head;
      while ((head = tasks.peek()) != null && isReady(head)) {
        tasks.poll();
        head.run();
      }
      scheduled.set(false);
      // A task added, or a slot filled, after the last look must not be stranded.
      head = tasks.peek();
      if (head == null || !isReady(head) || !scheduled.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private static boolean isReady(Runnable task) {
    return !(task instanceof SerialExecutor.Slot slot) || slot.isFilled();
  }
}
