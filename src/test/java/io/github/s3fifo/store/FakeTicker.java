package io.github.s3fifo.store;

import java.util.concurrent.atomic.AtomicLong;

/** A manually advanced {@link Ticker} for expiry tests. */
final class FakeTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong();

  FakeTicker() {}

  FakeTicker(long start) {
    nanos.set(start);
  }

  @Override
  public long read() {
    return nanos.get();
  }

  FakeTicker advance(long delta) {
    nanos.addAndGet(delta);
    return this;
  }

  FakeTicker set(long time) {
    nanos.set(time);
    return this;
  }
}
