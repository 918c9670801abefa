package io.github.s3fifo.jcache.management;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The counters behind a cache's {@code CacheStatisticsMXBean}. Recording is a no-op while
 * disabled, so a cache with statistics off pays one branch per operation. Evictions are not
 * recorded one by one: they are read from the store's own count, from where it stood when
 * statistics were enabled or cleared, so an evicting write costs the statistics nothing.
 */
public final class CacheStatistics {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder getTimeNanos = new LongAdder();
  private final LongAdder putTimeNanos = new LongAdder();
  private final LongAdder removeTimeNanos = new LongAdder();
  private volatile boolean enabled;
  /** Every eviction the store has made, ever. */
  private final LongSupplier evictionsSoFar;
  // Guarded by this: where the store's count stood at the last enable or clear (minus what was
  // counted before a disable), and the count kept while disabled.
  private long evictionsBase;
  private long evictionsWhileDisabled;

  /** Counters of a cache whose store has made {@code evictionsSoFar} evictions so far. */
  public CacheStatistics(LongSupplier evictionsSoFar) {
    this.evictionsSoFar = evictionsSoFar;
  }

  /** Counters with no store behind them: nothing is ever evicted. */
  public CacheStatistics() {
    this(() -> 0L);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public synchronized void setEnabled(boolean enabled) {
    if (enabled == this.enabled) {
      return;
    }
    if (enabled) {
      evictionsBase = evictionsSoFar.getAsLong() - evictionsWhileDisabled;
    } else {
      evictionsWhileDisabled = evictionsSoFar.getAsLong() - evictionsBase;
    }
    this.enabled = enabled;
  }

  public void recordHits(long count) {
    if (enabled) {
      hits.add(count);
    }
  }

  public void recordMisses(long count) {
    if (enabled) {
      misses.add(count);
    }
  }

  public void recordPuts(long count) {
    if (enabled) {
      puts.add(count);
    }
  }

  public void recordRemovals(long count) {
    if (enabled) {
      removals.add(count);
    }
  }

  public void recordGetTime(long nanos) {
    if (enabled) {
      getTimeNanos.add(nanos);
    }
  }

  public void recordPutTime(long nanos) {
    if (enabled) {
      putTimeNanos.add(nanos);
    }
  }

  public void recordRemoveTime(long nanos) {
    if (enabled) {
      removeTimeNanos.add(nanos);
    }
  }

  /** Resets every counter to zero. */
  public synchronized void clear() {
    hits.reset();
    misses.reset();
    puts.reset();
    removals.reset();
    evictionsBase = evictionsSoFar.getAsLong();
    evictionsWhileDisabled = 0;
    getTimeNanos.reset();
    putTimeNanos.reset();
    removeTimeNanos.reset();
  }

  public long getHits() {
    return hits.sum();
  }

  public long getMisses() {
    return misses.sum();
  }

  /** Gets are hits plus misses. */
  public long getGets() {
    return getHits() + getMisses();
  }

  public long getPuts() {
    return puts.sum();
  }

  public long getRemovals() {
    return removals.sum();
  }

  public synchronized long getEvictions() {
    return enabled ? evictionsSoFar.getAsLong() - evictionsBase : evictionsWhileDisabled;
  }

  /** Hits over gets, as a percentage; 0 when there were no gets. */
  public float getHitPercentage() {
    long gets = getGets();
    return gets == 0 ? 0f : (float) getHits() * 100f / gets;
  }

  /** Misses over gets, as a percentage; 0 when there were no gets. */
  public float getMissPercentage() {
    long gets = getGets();
    return gets == 0 ? 0f : (float) getMisses() * 100f / gets;
  }

  /** Mean get time in microseconds; 0 when there were no gets. */
  public float getAverageGetTime() {
    return averageMicros(getTimeNanos.sum(), getGets());
  }

  public float getAveragePutTime() {
    return averageMicros(putTimeNanos.sum(), getPuts());
  }

  public float getAverageRemoveTime() {
    return averageMicros(removeTimeNanos.sum(), getRemovals());
  }

  private static float averageMicros(long totalNanos, long count) {
    return count == 0 ? 0f : (totalNanos / 1000f) / count;
  }
}
