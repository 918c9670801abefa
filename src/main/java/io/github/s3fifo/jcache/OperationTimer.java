package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.management.CacheStatistics;

/**
 * Times cache operations for the average get, put and remove times, reading the clock only
 * while statistics are enabled.
 */
final class OperationTimer {

  static final int GET = 1;
  static final int PUT = 2;
  static final int REMOVE = 4;

  private final CacheStatistics statistics;

  OperationTimer(CacheStatistics statistics) {
    this.statistics = statistics;
  }

  /** The start time of an operation, or 0 when statistics are off. */
  long start() {
    return statistics.isEnabled() ? System.nanoTime() : 0L;
  }

  /** Adds the operation's duration to the get, put and/or remove times ({@code kinds} bits). */
  void record(long start, int kinds) {
    if (start == 0L) {
      return;
    }
    long elapsed = System.nanoTime() - start;
    if ((kinds & GET) != 0) {
      statistics.recordGetTime(elapsed);
    }
    if ((kinds & PUT) != 0) {
      statistics.recordPutTime(elapsed);
    }
    if ((kinds & REMOVE) != 0) {
      statistics.recordRemoveTime(elapsed);
    }
  }
}
