package io.github.s3fifo.jcache.configuration;

import java.io.Serializable;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;

/**
 * An expiry policy with one duration for writes and one for reads: creating or updating an entry
 * sets its expiry to {@code afterWrite} from then, reading it sets its expiry to
 * {@code afterAccess} from the read.
 *
 * <p>JCache asks a policy only for a duration from now, so the two do not combine into "whichever
 * comes first": a read may shorten the remaining time (when {@code afterAccess} is the shorter) or
 * extend it past {@code afterWrite} (an entry read at least every {@code afterAccess} stays until
 * it is evicted, updated or removed). Use {@code afterWrite} alone for a hard bound on staleness.
 *
 * <p>Serializable; two policies are equal when their durations are.
 */
public final class WriteAndAccessExpiryPolicy implements ExpiryPolicy, Serializable {

  private static final long serialVersionUID = 1L;

  private final Duration afterWrite;
  private final Duration afterAccess;

  /**
   * A policy with these durations ({@link Duration#ETERNAL} and {@link Duration#ZERO} allowed).
   *
   * @throws NullPointerException if a duration is null
   */
  public WriteAndAccessExpiryPolicy(Duration afterWrite, Duration afterAccess) {
    if (afterWrite == null || afterAccess == null) {
      throw new NullPointerException("the durations must not be null");
    }
    this.afterWrite = afterWrite;
    this.afterAccess = afterAccess;
  }

  /** A serializable factory of this policy. */
  public static Factory<ExpiryPolicy> factoryOf(Duration afterWrite, Duration afterAccess) {
    return new FactoryBuilder.SingletonFactory<>(
        new WriteAndAccessExpiryPolicy(afterWrite, afterAccess));
  }

  @Override
  public Duration getExpiryForCreation() {
    return afterWrite;
  }

  @Override
  public Duration getExpiryForAccess() {
    return afterAccess;
  }

  @Override
  public Duration getExpiryForUpdate() {
    return afterWrite;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteAndAccessExpiryPolicy other
        && afterWrite.equals(other.afterWrite) && afterAccess.equals(other.afterAccess);
  }

  @Override
  public int hashCode() {
    return 31 * afterWrite.hashCode() + afterAccess.hashCode();
  }

  @Override
  public String toString() {
    return "WriteAndAccessExpiryPolicy[afterWrite=" + text(afterWrite) + ", afterAccess="
        + text(afterAccess) + "]";
  }

  // javax.cache.expiry.Duration has no toString.
  private static String text(Duration duration) {
    return duration.isEternal()
        ? "eternal" : duration.getDurationAmount() + " " + duration.getTimeUnit();
  }
}
