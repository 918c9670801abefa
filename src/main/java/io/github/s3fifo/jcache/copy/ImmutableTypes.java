package io.github.s3fifo.jcache.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The JDK value types whose instances cannot change after construction, so a store-by-value
 * cache may keep and hand out the instance itself instead of a copy.
 *
 * <p>Matching is on the exact class: {@code BigInteger} and {@code BigDecimal} are not final, and
 * a subclass may add mutable state. Enums qualify too: deserialization resolves a constant to the
 * same instance anyway, so a copy would be the original.
 */
public final class ImmutableTypes {

  private static final Set<Class<?>> TYPES = Set.of(
      String.class, Boolean.class, Byte.class, Short.class, Character.class, Integer.class,
      Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class,
      URI.class, Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
      ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Duration.class, Period.class,
      Year.class, YearMonth.class, MonthDay.class, ZoneOffset.class,
      ZoneId.of("Europe/Paris").getClass());

  /** The answer per class, cached: this is asked on every read and write of a by-value cache. */
  private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return TYPES.contains(type) || isEnum(type);
    }
  };

  private ImmutableTypes() {}

  /** True if instances of exactly this class never change, so sharing one is safe. */
  public static boolean isImmutable(Class<?> type) {
    return IMMUTABLE.get(type);
  }

  private static boolean isEnum(Class<?> type) {
    // A constant with a body is an anonymous subclass of its enum type.
    return type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum());
  }
}
