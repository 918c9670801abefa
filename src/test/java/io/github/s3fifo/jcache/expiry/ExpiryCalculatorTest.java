package io.github.s3fifo.jcache.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.store.ShardedStore;
import java.util.concurrent.TimeUnit;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import org.junit.jupiter.api.Test;

class ExpiryCalculatorTest {

  private static final long NOW = 1_000_000_000L;

  private static ExpiryPolicy policy(Duration created, Duration accessed, Duration updated) {
    return new ExpiryPolicy() {
      @Override
      public Duration getExpiryForCreation() {
        return created;
      }

      @Override
      public Duration getExpiryForAccess() {
        return accessed;
      }

      @Override
      public Duration getExpiryForUpdate() {
        return updated;
      }
    };
  }

  @Test
  void onlyPoliciesGivingCreationsAndUpdatesOneLifetimeWriteAlike() {
    ExpiryCalculator eternal = new ExpiryCalculator(new EternalExpiryPolicy());
    assertTrue(eternal.writesAlike());
    assertEquals(ShardedStore.NEVER, eternal.forWrite(() -> {
      throw new AssertionError("an eternal write needs no clock");
    }));

    Duration minute = new Duration(TimeUnit.MINUTES, 1);
    ExpiryCalculator modified = new ExpiryCalculator(new ModifiedExpiryPolicy(minute));
    assertTrue(modified.writesAlike());
    assertEquals(NOW + TimeUnit.MINUTES.toNanos(1), modified.forWrite(() -> NOW));
    assertEquals(modified.forCreation(NOW), modified.forWrite(() -> NOW));
    assertEquals(modified.forUpdate(NOW, 7), modified.forWrite(() -> NOW));

    assertFalse(new ExpiryCalculator(new ModifiedExpiryPolicy(Duration.ZERO)).writesAlike(),
        "a zero lifetime adds nothing, which a plain write cannot express");
    assertFalse(new ExpiryCalculator(new CreatedExpiryPolicy(minute)).writesAlike());
    assertFalse(new ExpiryCalculator(new TouchedExpiryPolicy(minute)).writesAlike());
    assertFalse(new ExpiryCalculator(policy(minute, null, minute)).writesAlike(),
        "a policy of the user's may answer differently from one call to the next");
  }

  @Test
  void durationsBecomeAbsoluteTimes() {
    ExpiryCalculator calculator = new ExpiryCalculator(policy(
        new Duration(TimeUnit.MILLISECONDS, 5), new Duration(TimeUnit.SECONDS, 2), null));
    assertEquals(NOW + 5_000_000, calculator.forCreation(NOW));
    assertEquals(NOW + 2_000_000_000L, calculator.forAccess(NOW, 7));
    assertEquals(7, calculator.forUpdate(NOW, 7), "null keeps the current expiry");
  }

  @Test
  void zeroMeansAlreadyExpiredAndEternalMeansNever() {
    ExpiryCalculator calculator =
        new ExpiryCalculator(policy(Duration.ZERO, Duration.ETERNAL, Duration.ZERO));
    assertTrue(ExpiryCalculator.isExpired(calculator.forCreation(NOW), NOW));
    assertTrue(ExpiryCalculator.isExpired(calculator.forUpdate(NOW, ShardedStore.NEVER), NOW));
    assertEquals(ShardedStore.NEVER, calculator.forAccess(NOW, NOW + 1));
    assertFalse(ExpiryCalculator.isExpired(ShardedStore.NEVER, NOW));
  }

  @Test
  void hugeDurationsSaturateAtNever() {
    ExpiryCalculator calculator = new ExpiryCalculator(
        policy(new Duration(TimeUnit.DAYS, Long.MAX_VALUE / 2), null, null));
    assertEquals(ShardedStore.NEVER, calculator.forCreation(Long.MAX_VALUE - 10));
  }

  @Test
  void aThrowingPolicyGivesTheDefaults() {
    ExpiryPolicy throwing = new ExpiryPolicy() {
      @Override
      public Duration getExpiryForCreation() {
        throw new IllegalStateException("creation");
      }

      @Override
      public Duration getExpiryForAccess() {
        throw new IllegalStateException("access");
      }

      @Override
      public Duration getExpiryForUpdate() {
        throw new IllegalStateException("update");
      }
    };
    ExpiryCalculator calculator = new ExpiryCalculator(throwing);
    assertEquals(ShardedStore.NEVER, calculator.forCreation(NOW));
    assertEquals(123, calculator.forUpdate(NOW, 123));
    assertEquals(456, calculator.forAccess(NOW, 456));
  }

  @Test
  void jdkPoliciesThatIgnoreAccessAreNotAskedOnReads() {
    assertFalse(new ExpiryCalculator(new EternalExpiryPolicy()).tracksAccess());
    assertTrue(new ExpiryCalculator(new EternalExpiryPolicy()).isEternal());
    assertFalse(new ExpiryCalculator(
        new CreatedExpiryPolicy(Duration.ONE_MINUTE)).tracksAccess());
    assertTrue(new ExpiryCalculator(
        new AccessedExpiryPolicy(Duration.ONE_MINUTE)).tracksAccess());
  }
}
