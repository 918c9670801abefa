package io.github.s3fifo.jcache.expiry;

import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.store.Ticker;
import java.lang.System.Logger.Level;
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
  private static final int CREATION = 0;
  private static final int UPDATE = 1;
  private static final int ACCESS = 2;

  private final ExpiryPolicy policy;
  /** The JDK policies known never to change the expiry time on access. */
  private final boolean accessNeverChanges;
  private final boolean eternal;
  /**
   * The lifetime that a creation and an update alike give an entry, when the policy is known to
   * fix one that is not zero; null otherwise (then a write must tell creation from update).
   */
  private final Duration writeLifetime;

  public ExpiryCalculator(ExpiryPolicy policy) {
    this.policy = policy;
    Class<?> type = policy.getClass();
    this.eternal = type == EternalExpiryPolicy.class;
    this.accessNeverChanges = eternal
        || type == CreatedExpiryPolicy.class || type == ModifiedExpiryPolicy.class;
    Duration lifetime = null;
    if (eternal) {
      lifetime = Duration.ETERNAL;
    } else if (type == ModifiedExpiryPolicy.class) {
      // The API's final class answers creation and update with the one duration it holds.
      Duration duration = policy.getExpiryForCreation();
      lifetime = duration == null || duration.isZero() ? null : duration;
    }
    this.writeLifetime = lifetime;
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

  /**
   * True if a creation and an update give an entry the same lifetime, never zero, so a write
   * need not know whether the key was present: {@link #forWrite} serves both.
   */
  public boolean writesAlike() {
    return writeLifetime != null;
  }

  /**
   * The expiry time of an entry created or updated now, when {@link #writesAlike()}; the ticker
   * is read only if the entry can expire.
   */
  public long forWrite(Ticker ticker) {
    return eternal ? ShardedStore.NEVER : expiresAt(ticker.read(), writeLifetime);
  }

  /** The expiry time of an entry created at {@code now}. */
  public long forCreation(long now) {
    if (eternal) {
      return ShardedStore.NEVER;
    }
    Duration duration = ask(CREATION);
    return duration == null ? ShardedStore.NEVER : expiresAt(now, duration);
  }

  /** The expiry time of an entry, currently expiring at {@code current}, updated at {@code now}. */
  public long forUpdate(long now, long current) {
    if (eternal) {
      return current;
    }
    Duration duration = ask(UPDATE);
    return duration == null ? current : expiresAt(now, duration);
  }

  /** The expiry time of an entry, currently expiring at {@code current}, read at {@code now}. */
  public long forAccess(long now, long current) {
    if (accessNeverChanges) {
      return current;
    }
    Duration duration = ask(ACCESS);
    return duration == null ? current : expiresAt(now, duration);
  }

  /** True if an entry with this expiry time is already expired at {@code now}. */
  public static boolean isExpired(long expiresAt, long now) {
    return expiresAt <= now;
  }

  /** Asks the policy, with no allocation on the way (this runs on every write). */
  private Duration ask(int method) {
    try {
      return switch (method) {
        case CREATION -> policy.getExpiryForCreation();
        case UPDATE -> policy.getExpiryForUpdate();
        default -> policy.getExpiryForAccess();
      };
    } catch (RuntimeException e) {
      String name = method == CREATION ? "getExpiryForCreation"
          : method == UPDATE ? "getExpiryForUpdate" : "getExpiryForAccess";
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
