package io.github.s3fifo.store;

/** A source of nanosecond time for expiry; replaceable in tests. */
@FunctionalInterface
public interface Ticker {

  /** Returns the current time in nanoseconds from an arbitrary but fixed origin. */
  long read();

  /** The system's monotonic clock, {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }
}
