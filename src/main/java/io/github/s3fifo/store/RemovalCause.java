package io.github.s3fifo.store;

/** Why a mapping left the store. */
public enum RemovalCause {
  /** Evicted by the S3-FIFO policy to keep the weight within capacity. */
  SIZE,
  /** Its expiry time passed. */
  EXPIRED,
  /** Removed by a caller ({@code remove}, {@code clear}, a computation that removed it). */
  EXPLICIT,
  /** Its value was replaced by a caller. */
  REPLACED;

  /** True when the store removed the mapping on its own (size or expiry), not a caller. */
  public boolean wasEvicted() {
    return this == SIZE || this == EXPIRED;
  }
}
