package io.github.s3fifo.jcache.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import javax.cache.configuration.Factory;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.Test;

class WriteAndAccessExpiryPolicyTest {

  private static final Duration TEN_MINUTES = new Duration(TimeUnit.MINUTES, 10);
  private static final Duration THIRTY_SECONDS = new Duration(TimeUnit.SECONDS, 30);

  @Test
  void writesUseTheWriteDurationAndReadsTheAccessDuration() {
    ExpiryPolicy policy = new WriteAndAccessExpiryPolicy(TEN_MINUTES, THIRTY_SECONDS);

    assertEquals(TEN_MINUTES, policy.getExpiryForCreation());
    assertEquals(TEN_MINUTES, policy.getExpiryForUpdate());
    assertEquals(THIRTY_SECONDS, policy.getExpiryForAccess());
  }

  @Test
  void factoryIsSerializableAndEqualByDurations() {
    Factory<ExpiryPolicy> factory =
        WriteAndAccessExpiryPolicy.factoryOf(TEN_MINUTES, THIRTY_SECONDS);

    assertEquals(factory, WriteAndAccessExpiryPolicy.factoryOf(
        new Duration(TimeUnit.SECONDS, 600), THIRTY_SECONDS));
    assertEquals(factory.hashCode(),
        WriteAndAccessExpiryPolicy.factoryOf(TEN_MINUTES, THIRTY_SECONDS).hashCode());
    assertNotEquals(factory, WriteAndAccessExpiryPolicy.factoryOf(THIRTY_SECONDS, TEN_MINUTES));
    Factory<ExpiryPolicy> copy = ConfigurationRoundTrip.roundTrip(factory);
    assertEquals(factory, copy);
    assertEquals(THIRTY_SECONDS, copy.create().getExpiryForAccess());
  }

  @Test
  void refusesNullDurations() {
    assertThrows(NullPointerException.class,
        () -> new WriteAndAccessExpiryPolicy(null, THIRTY_SECONDS));
    assertThrows(NullPointerException.class,
        () -> new WriteAndAccessExpiryPolicy(TEN_MINUTES, null));
  }
}
