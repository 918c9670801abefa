package io.github.s3fifo.jcache.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.store.Weigher;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheException;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The file format: cache names, every property and unit, and every error. */
class CacheConfigurationFileFormatTest {

  private static final long UNBOUNDED = S3FifoConfiguration.UNBOUNDED;
  private static final long MIB = 1L << 20;

  @TempDir java.nio.file.Path dir;

  @Test
  void hibernateRegionNamesNeedNoQuoting() {
    CacheConfigurationFile file = CacheConfigurationFile.load(
        URI.create("classpath:config-test/hibernate.properties"), ConfigFiles.LOADER, null);

    assertEquals(List.of("com.acme.Book", "com.acme.Book.authors", "com.acme.Book##NaturalId",
            "default-query-results-region", "default-update-timestamps-region"),
        List.copyOf(file.declaredCacheNames()));

    S3FifoConfiguration<Object, Object> book = file.declaredConfiguration("com.acme.Book");
    assertEquals(10_000, book.getMaximumSize());
    assertEquals(UNBOUNDED, book.getMaximumWeight());
    assertFalse(book.isStoreByValue());
    assertTrue(book.isStatisticsEnabled());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(10)), book.getExpiryPolicyFactory());

    S3FifoConfiguration<Object, Object> authors =
        file.declaredConfiguration("com.acme.Book.authors");
    assertEquals(2 * MIB, authors.getMaximumWeight());
    assertEquals(UNBOUNDED, authors.getMaximumSize());

    S3FifoConfiguration<Object, Object> naturalId =
        file.declaredConfiguration("com.acme.Book##NaturalId");
    assertEquals(64 * MIB, naturalId.getMaximumWeight());
    assertEquals(WriteAndAccessExpiryPolicy.factoryOf(minutes(10), new Duration(TimeUnit.SECONDS,
        30)), naturalId.getExpiryPolicyFactory());

    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(5)),
        file.declaredConfiguration("default-query-results-region").getExpiryPolicyFactory());

    S3FifoConfiguration<Object, Object> timestamps =
        file.declaredConfiguration("default-update-timestamps-region");
    assertEquals(UNBOUNDED, timestamps.getMaximumWeight());
    assertEquals(UNBOUNDED, timestamps.getMaximumSize());
    assertEquals(EternalExpiryPolicy.factoryOf(), timestamps.getExpiryPolicyFactory());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a.b.c.maximum-entries | a.b.c",
      "shards.shards | shards",
      "maximum-weight.maximum-weight | maximum-weight",
      "a..shards | a.",
      ".a.shards | .a",
      "Entity##NaturalId.shards | Entity##NaturalId",
      "org.acme.Order.lines.statistics | org.acme.Order.lines",
      "my\\ cache.shards | my cache",
      "x\\=y\\:z.shards | x=y:z"})
  void theCacheNameIsEverythingBeforeTheLastDot(String keyAfterPrefix, String name) {
    String value = keyAfterPrefix.endsWith("maximum-entries") ? "5"
        : keyAfterPrefix.endsWith("statistics") ? "true" : "3";
    CacheConfigurationFile file = ConfigFiles.load(dir, "cache." + keyAfterPrefix + " = " + value);

    assertEquals(List.of(name), List.copyOf(file.declaredCacheNames()));
    assertTrue(file.isDeclared(name));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 | 0", "1048576 | 1048576", "1B | 1", "1b | 1",
      "1K | 1024", "1KB | 1024", "1kb | 1024", "1KiB | 1024", "1 KB | 1024",
      "64M | 67108864", "64MB | 67108864", "64 MB | 67108864", "64MiB | 67108864",
      "2G | 2147483648", "2GB | 2147483648", "2GiB | 2147483648",
      "1T | 1099511627776", "1TB | 1099511627776", "1TiB | 1099511627776",
      "1.5GB | 1610612736", "0.5KB | 512", "1.0001KB | 1024",
      "unbounded | -1", "UNBOUNDED | -1"})
  void maximumWeightTakes1024BasedUnits(String text, long bytes) {
    S3FifoConfiguration<Object, Object> configuration =
        ConfigFiles.load(dir, "cache.c.maximum-weight = " + text).declaredConfiguration("c");

    assertEquals(bytes, configuration.getMaximumWeight());
    assertEquals(UNBOUNDED, configuration.getMaximumSize());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0 | 0", "10000 | 10000", "9223372036854775807 | "
      + Long.MAX_VALUE, "unbounded | -1", "Unbounded | -1"})
  void maximumEntriesIsACount(String text, long entries) {
    S3FifoConfiguration<Object, Object> configuration =
        ConfigFiles.load(dir, "cache.c.maximum-entries = " + text).declaredConfiguration("c");

    assertEquals(entries, configuration.getMaximumSize());
    assertEquals(UNBOUNDED, configuration.getMaximumWeight());
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "16, 16", "256, 256"})
  void shardsIsACountHint(String text, int shards) {
    assertEquals(shards, ConfigFiles.load(dir, "cache.c.shards = " + text)
        .declaredConfiguration("c").getShardCount());
  }

  @ParameterizedTest
  @CsvSource({"500ms, MILLISECONDS, 500", "30s, SECONDS, 30", "10m, MINUTES, 10",
      "10M, MINUTES, 10", "2h, HOURS, 2", "1d, DAYS, 1", "1 d, DAYS, 1", "0s, SECONDS, 0"})
  void durationsTakeUnitsFromMillisecondsToDays(String text, TimeUnit unit, long amount) {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "cache.written.expire-after-write = " + text,
        "cache.touched.expire-after-access = " + text);
    Duration expected = new Duration(unit, amount);

    assertEquals(ModifiedExpiryPolicy.factoryOf(expected),
        file.declaredConfiguration("written").getExpiryPolicyFactory());
    assertEquals(TouchedExpiryPolicy.factoryOf(expected),
        file.declaredConfiguration("touched").getExpiryPolicyFactory());
  }

  @Test
  void expiryMapsToJCachePolicies() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "cache.both.expire-after-write = 10m", "cache.both.expire-after-access = 1m",
        "cache.eternal.expire-after-write = eternal", "cache.eternal.expire-after-access = Eternal",
        "cache.write-only.expire-after-write = 10m",
        "cache.write-only.expire-after-access = eternal");

    assertEquals(WriteAndAccessExpiryPolicy.factoryOf(minutes(10), minutes(1)),
        file.declaredConfiguration("both").getExpiryPolicyFactory());
    assertEquals(EternalExpiryPolicy.factoryOf(),
        file.declaredConfiguration("eternal").getExpiryPolicyFactory());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(10)),
        file.declaredConfiguration("write-only").getExpiryPolicyFactory());
  }

  @ParameterizedTest
  @CsvSource({"true, true", "false, false", "TRUE, true", "False, false"})
  void flagsAreTrueOrFalse(String text, boolean expected) {
    S3FifoConfiguration<Object, Object> configuration = ConfigFiles.load(dir,
        "cache.c.store-by-value = " + text, "cache.c.statistics = " + text,
        "cache.c.management = " + text).declaredConfiguration("c");

    assertEquals(expected, configuration.isStoreByValue());
    assertEquals(expected, configuration.isStatisticsEnabled());
    assertEquals(expected, configuration.isManagementEnabled());
  }

  @Test
  void classesAndFilters() {
    S3FifoConfiguration<Object, Object> configuration = ConfigFiles.load(dir,
        "cache.c.weigher = " + TestWeighers.StringLengthWeigher.class.getName(),
        "cache.c.key-type = java.lang.String",
        "cache.c.value-type = [B",
        "cache.c.serial-filter = java.base/*;com.acme.**;!*").declaredConfiguration("c");

    assertEquals(NamedClassFactory.of(TestWeighers.StringLengthWeigher.class.getName(),
        Weigher.class, ConfigFiles.LOADER), configuration.getWeigherFactory());
    assertEquals(4, configuration.getWeigherFactory().create().weigh("k", "four"));
    assertEquals(String.class, configuration.getKeyType());
    assertEquals(byte[].class, configuration.getValueType());
    assertEquals(new SerialFilterFactory("java.base/*;com.acme.**;!*"),
        configuration.getSerialFilterFactory());
  }

  @Test
  void defaultsAreJCacheDefaults() {
    S3FifoConfiguration<Object, Object> configuration =
        ConfigFiles.load(dir, "cache.c.shards = 0").declaredConfiguration("c");

    assertEquals(new S3FifoConfiguration<Object, Object>(), configuration);
    assertEquals(Object.class, configuration.getKeyType());
    assertTrue(configuration.isStoreByValue());
    assertNull(configuration.getWeigherFactory());
  }

  @Test
  void whitespaceCommentsAndContinuationsFollowProperties() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "# a comment", "! another", "   cache.c.maximum-weight   =   64MB   ",
        "cache.c.expire-after-write:10m", "cache.c.statistics true",
        "cache.c.serial-filter = java.base/*;\\", "    !*");
    S3FifoConfiguration<Object, Object> configuration = file.declaredConfiguration("c");

    assertEquals(List.of("c"), List.copyOf(file.declaredCacheNames()));
    assertEquals(64 * MIB, configuration.getMaximumWeight());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(10)),
        configuration.getExpiryPolicyFactory());
    assertTrue(configuration.isStatisticsEnabled());
    assertEquals(new SerialFilterFactory("java.base/*;!*"),
        configuration.getSerialFilterFactory());
  }

  @Test
  void unboundedExemptsACacheFromTheTemplatesBound() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "default.maximum-entries = 1000",
        "cache.timestamps.maximum-weight = unbounded",
        "cache.timestamps2.maximum-entries = unbounded",
        "cache.other.shards = 2");

    for (String name : List.of("timestamps", "timestamps2")) {
      assertEquals(UNBOUNDED, file.declaredConfiguration(name).getMaximumSize(), name);
      assertEquals(UNBOUNDED, file.declaredConfiguration(name).getMaximumWeight(), name);
    }
    assertEquals(1000, file.declaredConfiguration("other").getMaximumSize());
  }

  @Test
  void aCachesBoundReplacesTheTemplatesOtherBound() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "default.maximum-weight = 1MB", "cache.counted.maximum-entries = 50");

    assertEquals(50, file.declaredConfiguration("counted").getMaximumSize());
    assertEquals(UNBOUNDED, file.declaredConfiguration("counted").getMaximumWeight());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "foo | 1 | unknown key",
      "caches.a.shards | 1 | unknown key",
      "cache.a.maximum-wieght | 1MB | did you mean 'maximum-weight'",
      "cache.a.Maximum-Weight | 1MB | did you mean 'maximum-weight'",
      "cache.a.expire-after-wirte | 1m | did you mean 'expire-after-write'",
      "cache.com.acme.Book | 1MB | unknown property 'Book'",
      "cache.shards | 1 | cache.<cache-name>.<property>",
      "cache..shards | 1 | the cache name is empty",
      "default.foo | 1 | unknown property 'foo'",
      "default.key-type | java.lang.String | may only be set per cache",
      "default.value-type | java.lang.String | may only be set per cache",
      "cache.a.maximum-weight | -1MB | expected a size",
      "cache.a.maximum-weight | 64XB | expected a size",
      "cache.a.maximum-weight | MB | expected a size",
      "cache.a.maximum-weight | 1,5GB | expected a size",
      "cache.a.maximum-weight | 16777216TB | exceeds",
      "cache.a.maximum-weight | \"\" | the value is empty",
      "cache.a.maximum-entries | 1.5 | expected a whole number",
      "cache.a.maximum-entries | -5 | expected a whole number",
      "cache.a.maximum-entries | 10k | expected a whole number",
      "cache.a.maximum-entries | 99999999999999999999 | exceeds",
      "cache.a.shards | -1 | expected a shard count",
      "cache.a.shards | four | expected a shard count",
      "cache.a.shards | 3000000000 | exceeds",
      "cache.a.expire-after-write | 10 | expected a duration",
      "cache.a.expire-after-write | 10ns | expected a duration",
      "cache.a.expire-after-write | 10us | expected a duration",
      "cache.a.expire-after-write | -5s | expected a duration",
      "cache.a.expire-after-write | 1.5h | expected a duration",
      "cache.a.expire-after-access | forever | expected a duration",
      "cache.a.expire-after-access | 9223372036854775807d | too long",
      "cache.a.expire-after-access | 99999999999999999999s | too long",
      "cache.a.store-by-value | yes | expected true or false",
      "cache.a.statistics | 1 | expected true or false",
      "cache.a.management | on | expected true or false",
      "cache.a.weigher | com.acme.MissingWeigher | no class of that name",
      "cache.a.weigher | java.lang.String | does not implement io.github.s3fifo.store.Weigher",
      "cache.a.weigher | io.github.s3fifo.jcache.configuration.TestWeighers$AbstractWeigher"
          + " | abstract",
      "cache.a.weigher | io.github.s3fifo.jcache.configuration.TestWeighers$NoDefaultConstructor"
          + " | no public no-argument constructor",
      "cache.a.key-type | com.acme.Missing | no class of that name",
      "cache.a.value-type | com.acme.Missing | no class of that name",
      "cache.a.serial-filter | maxdepth=x | invalid serial filter pattern",
      "cache.a.serial-filter | ; | the serial filter pattern is empty",
  })
  void invalidEntriesNameTheKeyTheValueAndTheFile(String key, String value, String reason) {
    URI uri = ConfigFiles.write(dir, "cache.fine.shards = 2", key + " = " + value);

    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(uri, ConfigFiles.LOADER, null));
    String message = e.getMessage();
    assertTrue(message.contains("'" + key + " = " + value + "'"), message);
    assertTrue(message.contains(uri.toString()), message);
    assertTrue(message.contains(reason), message);
  }

  @Test
  void bothBoundsOnOneSectionAreAnError() {
    URI cache = ConfigFiles.write(dir,
        "cache.a.maximum-weight = 1MB", "cache.a.maximum-entries = 10");
    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(cache, ConfigFiles.LOADER, null));
    assertTrue(e.getMessage().contains("'cache.a.maximum-entries = 10'"), e.getMessage());
    assertTrue(e.getMessage().contains("'cache.a.maximum-weight = 1MB'"), e.getMessage());
    assertTrue(e.getMessage().contains(cache.toString()), e.getMessage());

    URI template = ConfigFiles.write(dir,
        "default.maximum-entries = unbounded", "default.maximum-weight = 1MB");
    assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(template, ConfigFiles.LOADER, null));
  }

  private static Duration minutes(long amount) {
    return new Duration(TimeUnit.MINUTES, amount);
  }
}
