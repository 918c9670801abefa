package io.github.s3fifo.jcache.expiry;

import io.github.s3fifo.store.ShardedStore;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Turns an {@link ExpiryPolicy}'s durations into the store's absolute expiry times, in ticker
 * nanoseconds.
 *
 * <p>A time at or before {@code now} means "already expired" ({@link Duration#ZERO}): a new
 * entry is then not added, an existing one expires at once. {@link ShardedStore#NEVER} means
 * {@link Duration#ETERNAL}. A {@code null} duration keeps the current expiry time. A policy that
 * throws is logged and treated as the spec's implementation-specific default: eternal for a new
 * entry, unchanged for an update or an access.
 */
public final class ExpiryCalculator {

  private static final System.Logger LOGGER = System.getLogger(ExpiryCalculator.class.getName());

  private final ExpiryPolicy policy;
  /** The JDK policies known never to change the expiry time on access. */
  private final boolean accessNeverChanges;
  private final boolean eternal;

  public ExpiryCalculator(ExpiryPolicy policy) {
    this.policy = policy;
    Class<?> type = policy.getClass();
    this.eternal = type == EternalExpiryPolicy.class;
    this.accessNeverChanges = eternal
        || type == CreatedExpiryPolicy.class || type == ModifiedExpiryPolicy.class;
  }

  public ExpiryPolicy policy() {
    return policy;
  }

  /** True if no entry can ever expire (the policy is {@link EternalExpiryPolicy}). */
  public boolean isEternal() {
    return eternal;
  }

  /** True if reads must consult the policy ({@link ExpiryPolicy#getExpiryForAccess}). */
  public boolean tracksAccess() {
    return !accessNeverChanges;
  }

  /** The expiry time of an entry created at {@code now}. */
  public long forCreation(long now) {
    if (eternal) {
      return ShardedStore.NEVER;
    }
    Duration duration = ask(policy::getExpiryForCreation, "getExpiryForCreation");
    return duration == null ? ShardedStore.NEVER : expiresAt(now, duration);
  }

  /** The expiry time of an entry, currently expiring at {@code current}, updated at {@code now}. */
  public long forUpdate(long now, long current) {
    if (eternal) {
      return current;
    }
    Duration duration = ask(policy::getExpiryForUpdate, "getExpiryForUpdate");
    return duration == null ? current : expiresAt(now, duration);
  }

  /** The expiry time of an entry, currently expiring at {@code current}, read at {@code now}. */
  public long forAccess(long now, long current) {
    if (accessNeverChanges) {
      return current;
    }
    Duration duration = ask(policy::getExpiryForAccess, "getExpiryForAccess");
    return duration == null ? current : expiresAt(now, duration);
  }

  /** True if an entry with this expiry time is already expired at {@code now}. */
  public static boolean isExpired(long expiresAt, long now) {
    return expiresAt <= now;
  }

  private Duration ask(Supplier<Duration> method, String name) {
    try {
      return method.get();
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "The expiry policy's " + name + " failed; "
          + "using the default (eternal for a creation, unchanged otherwise)", e);
      return null;
    }
  }

  /** The absolute expiry time of a duration starting at {@code now}, saturating at NEVER. */
  static long expiresAt(long now, Duration duration) {
    if (duration.isEternal()) {
      return ShardedStore.NEVER;
    }
    if (duration.isZero()) {
      return now - 1;
    }
    long nanos = duration.getTimeUnit().toNanos(duration.getDurationAmount());
    long at = now + nanos;
    // Overflow (or a duration so long it reaches NEVER) means "never".
    return (nanos == Long.MAX_VALUE || at < now) ? ShardedStore.NEVER : Math.min(at, ShardedStore.NEVER);
  }
}
