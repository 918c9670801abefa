package io.github.s3fifo.jcache.management;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind a cache's {@code CacheStatisticsMXBean}. Recording is a no-op while
 * disabled, so a cache with statistics off pays one branch per operation.
 */
public final class CacheStatistics {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getTimeNanos = new LongAdder();
  private final LongAdder putTimeNanos = new LongAdder();
  private final LongAdder removeTimeNanos = new LongAdder();
  private volatile boolean enabled;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
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

  public void recordEvictions(long count) {
    if (enabled) {
      evictions.add(count);
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
  public void clear() {
    hits.reset();
    misses.reset();
    puts.reset();
    removals.reset();
    evictions.reset();
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

  public long getEvictions() {
    return evictions.sum();
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
