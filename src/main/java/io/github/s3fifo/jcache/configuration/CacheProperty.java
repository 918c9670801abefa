package io.github.s3fifo.jcache.configuration;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.store.Weigher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.cache.expiry.Duration;

/**
 * A property a configuration file may set on the template ({@code default.<property>}) or on one
 * cache ({@code cache.<name>.<property>}), with the parser of its value.
 *
 * <p>A parser throws {@link IllegalArgumentException} whose message says what was expected; the
 * file parser adds the key, the value and the file.
 */
enum CacheProperty {
  MAXIMUM_WEIGHT("maximum-weight", (value, classLoader) -> parseSize(value)),
  MAXIMUM_ENTRIES("maximum-entries", (value, classLoader) -> parseCount(value)),
  SHARDS("shards", (value, classLoader) -> parseShards(value)),
  EXPIRE_AFTER_WRITE("expire-after-write", (value, classLoader) -> parseDuration(value)),
  EXPIRE_AFTER_ACCESS("expire-after-access", (value, classLoader) -> parseDuration(value)),
  STORE_BY_VALUE("store-by-value", (value, classLoader) -> parseBoolean(value)),
  STATISTICS("statistics", (value, classLoader) -> parseBoolean(value)),
  MANAGEMENT("management", (value, classLoader) -> parseBoolean(value)),
  WEIGHER("weigher",
      (value, classLoader) -> NamedClassFactory.of(value, Weigher.class, classLoader)),
  KEY_TYPE("key-type", (value, classLoader) -> loadClass(value, classLoader)),
  VALUE_TYPE("value-type", (value, classLoader) -> loadClass(value, classLoader)),
  SERIAL_FILTER("serial-filter", (value, classLoader) -> new SerialFilterFactory(value));

  /** The value of {@code maximum-weight} and {@code maximum-entries} that sets no bound. */
  static final String UNBOUNDED = "unbounded";
  /** The value of the expiry properties that sets no expiry. */
  static final String ETERNAL = "eternal";

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-z]+)");
  private static final Pattern COUNT = Pattern.compile("\\d+");
  private static final Map<String, Long> SIZE_UNITS = Map.ofEntries(
      Map.entry("", 1L), Map.entry("b", 1L),
      Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10), Map.entry("kib", 1L << 10),
      Map.entry("m", 1L << 20), Map.entry("mb", 1L << 20), Map.entry("mib", 1L << 20),
      Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30), Map.entry("gib", 1L << 30),
      Map.entry("t", 1L << 40), Map.entry("tb", 1L << 40), Map.entry("tib", 1L << 40));
  // JCache's Duration accepts nothing finer than milliseconds.
  private static final Map<String, TimeUnit> DURATION_UNITS = Map.of(
      "ms", TimeUnit.MILLISECONDS, "s", TimeUnit.SECONDS, "m", TimeUnit.MINUTES,
      "h", TimeUnit.HOURS, "d", TimeUnit.DAYS);

  private final String key;
  private final Parser parser;

  CacheProperty(String key, Parser parser) {
    this.key = key;
    this.parser = parser;
  }

  /** The property's name as written in a file, e.g. {@code maximum-weight}. */
  String key() {
    return key;
  }

  /** Whether only a cache, not the template, may set this property. */
  boolean perCacheOnly() {
    return this == KEY_TYPE || this == VALUE_TYPE;
  }

  /** Whether this is one of the two mutually exclusive bounds. */
  boolean isBound() {
    return this == MAXIMUM_WEIGHT || this == MAXIMUM_ENTRIES;
  }

  /** Whether this is one of the two expiry durations. */
  boolean isExpiry() {
    return this == EXPIRE_AFTER_WRITE || this == EXPIRE_AFTER_ACCESS;
  }

  /**
   * Parses a trimmed, non-empty value.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  Object parse(String value, ClassLoader classLoader) {
    return parser.parse(value, classLoader);
  }

  /** Turns a property's text into its value. */
  @FunctionalInterface
  private interface Parser {
    Object parse(String value, ClassLoader classLoader);
  }

  /** The property written as {@code key}, or null. */
  static CacheProperty forKey(String key) {
    for (CacheProperty property : values()) {
      if (property.key.equals(key)) {
        return property;
      }
    }
    return null;
  }

  /** The known property closest to a misspelt one (at most two edits away), or null. */
  static CacheProperty closestTo(String key) {
    CacheProperty best = null;
    int bestDistance = 3;
    for (CacheProperty property : values()) {
      int distance = editDistance(key.toLowerCase(Locale.ROOT), property.key);
      if (distance < bestDistance) {
        best = property;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Every property name, comma separated, for error messages. */
  static String allKeys() {
    StringBuilder keys = new StringBuilder();
    for (CacheProperty property : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(property.key);
    }
    return keys.toString();
  }

  /** Bytes as a long, or {@link S3FifoConfiguration#UNBOUNDED}. */
  static long parseSize(String value) {
    String text = value.toLowerCase(Locale.ROOT);
    if (text.equals(UNBOUNDED)) {
      return S3FifoConfiguration.UNBOUNDED;
    }
    Matcher matcher = SIZE.matcher(text);
    Long unit = matcher.matches() ? SIZE_UNITS.get(matcher.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException("expected a size such as 1048576, 512KB, 64MB or 1.5GB"
          + " (units B, KB, MB, GB, TB, all 1024-based; KiB, MiB, GiB, TiB and K, M, G, T are the"
          + " same units) or 'unbounded'");
    }
    BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit))
        .setScale(0, RoundingMode.DOWN);
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("the size exceeds " + Long.MAX_VALUE + " bytes");
    }
    return bytes.longValueExact();
  }

  /** An entry count, or {@link S3FifoConfiguration#UNBOUNDED}. */
  static long parseCount(String value) {
    if (value.equalsIgnoreCase(UNBOUNDED)) {
      return S3FifoConfiguration.UNBOUNDED;
    }
    if (!COUNT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "expected a whole number of entries >= 0 or 'unbounded'");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException tooLarge) {
      throw new IllegalArgumentException("the count exceeds " + Long.MAX_VALUE, tooLarge);
    }
  }

  static int parseShards(String value) {
    if (!COUNT.matcher(value).matches()) {
      throw new IllegalArgumentException("expected a shard count >= 0 (0 lets the store choose)");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException tooLarge) {
      throw new IllegalArgumentException("the shard count exceeds " + Integer.MAX_VALUE, tooLarge);
    }
  }

  /** A duration, {@link Duration#ETERNAL} for {@code eternal}. */
  static Duration parseDuration(String value) {
    String text = value.toLowerCase(Locale.ROOT);
    if (text.equals(ETERNAL)) {
      return Duration.ETERNAL;
    }
    Matcher matcher = DURATION.matcher(text);
    TimeUnit unit = matcher.matches() ? DURATION_UNITS.get(matcher.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 10m, 2h or 1d"
          + " (units ms, s, m = minutes, h, d) or 'eternal'");
    }
    long amount;
    try {
      amount = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException tooLarge) {
      throw new IllegalArgumentException("the duration is too long", tooLarge);
    }
    if (unit.toMillis(amount) == Long.MAX_VALUE) {
      throw new IllegalArgumentException("the duration is too long; use 'eternal' for no expiry");
    }
    return new Duration(unit, amount);
  }

  static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false");
  }

  static Class<?> loadClass(String className, ClassLoader classLoader) {
    try {
      return Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "no class of that name is visible to the class loader " + classLoader, e);
    }
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
