package io.github.s3fifo.jcache.configuration;

import static io.github.s3fifo.jcache.configuration.PlainConfiguration.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.store.Weigher;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheException;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What createCache gets: the request merged with the template and the declared cache. */
class CacheConfigurationFileResolveTest {

  private static final long UNBOUNDED = S3FifoConfiguration.UNBOUNDED;
  private static final String WEIGHER = TestWeighers.StringLengthWeigher.class.getName();
  private static final String OTHER_WEIGHER = TestWeighers.KeyLengthWeigher.class.getName();

  /** A template that sets every property it may. */
  private static final String[] FULL_TEMPLATE = {
      "default.maximum-weight = 64MB", "default.shards = 4", "default.expire-after-write = 10m",
      "default.store-by-value = false", "default.statistics = true", "default.management = true",
      "default.weigher = " + WEIGHER, "default.serial-filter = java.base/*;!*"};

  @TempDir java.nio.file.Path dir;

  // ---- No configuration at all -------------------------------------------------------------

  @Test
  void withoutConfigurationTheResultIsACopyOfTheRequest() {
    CacheConfigurationFile none =
        CacheConfigurationFile.load(URI.create("urn:s3fifo-jcache:default"), null, null);
    MutableConfiguration<String, Long> request = richRequest();

    S3FifoConfiguration<String, Long> resolved = none.resolve("orders", request);

    assertEquals(new S3FifoConfiguration<>(request), resolved);
    assertNotSame(request, resolved);
    resolved.setStatisticsEnabled(!request.isStatisticsEnabled());
    assertEquals(new MutableConfiguration<>(richRequest()), request); // the request is untouched
  }

  @Test
  void aPlainConfigurationContributesItsTypesAndStoreByValueOnly() {
    CacheConfigurationFile none = CacheConfigurationFile.load(URI.create("name"), null, null);

    S3FifoConfiguration<Long, String> resolved =
        none.resolve("orders", plain(Long.class, String.class, false));

    assertEquals(new S3FifoConfiguration<Long, String>().setTypes(Long.class, String.class)
        .setStoreByValue(false), resolved);
  }

  // ---- An undeclared cache: the template fills what the request left unset ---------------

  @Test
  void theTemplateConfiguresHibernatesAndSpringsOnTheFlyCaches() {
    CacheConfigurationFile file = ConfigFiles.load(dir, FULL_TEMPLATE);

    S3FifoConfiguration<Object, Object> resolved =
        file.resolve("com.acme.Author", new MutableConfiguration<>());

    assertEquals(64L << 20, resolved.getMaximumWeight());
    assertEquals(4, resolved.getShardCount());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(10)), resolved.getExpiryPolicyFactory());
    assertFalse(resolved.isStoreByValue());
    assertTrue(resolved.isStatisticsEnabled());
    assertTrue(resolved.isManagementEnabled());
    assertEquals(weigher(WEIGHER), resolved.getWeigherFactory());
    assertEquals(new SerialFilterFactory("java.base/*;!*"), resolved.getSerialFilterFactory());
  }

  @Test
  void anExplicitRequestKeepsWhatItSetAndTheTemplateFillsTheRest() {
    CacheConfigurationFile file = ConfigFiles.load(dir, FULL_TEMPLATE);
    S3FifoConfiguration<String, Long> request = new S3FifoConfiguration<String, Long>()
        .setTypes(String.class, Long.class)
        .setMaximumSize(500)
        .setShardCount(2)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(minutes(1)))
        .setWeigherFactory(weigher(OTHER_WEIGHER))
        .setSerialFilterFactory(new SerialFilterFactory("com.acme.*;!*"));

    S3FifoConfiguration<String, Long> resolved = file.resolve("orders", request);

    assertEquals(500, resolved.getMaximumSize());
    assertEquals(UNBOUNDED, resolved.getMaximumWeight());
    assertEquals(2, resolved.getShardCount());
    assertEquals(CreatedExpiryPolicy.factoryOf(minutes(1)), resolved.getExpiryPolicyFactory());
    assertEquals(weigher(OTHER_WEIGHER), resolved.getWeigherFactory());
    assertEquals(new SerialFilterFactory("com.acme.*;!*"), resolved.getSerialFilterFactory());
    // store-by-value in the template is for requests that are not ours.
    assertTrue(resolved.isStoreByValue());
    // Statistics and management: enabled if either enables them.
    assertTrue(resolved.isStatisticsEnabled());
    assertTrue(resolved.isManagementEnabled());
  }

  @Test
  void anExplicitRequestWithNothingSetGetsTheTemplateExceptStoreByValue() {
    CacheConfigurationFile file = ConfigFiles.load(dir, FULL_TEMPLATE);

    S3FifoConfiguration<Object, Object> resolved =
        file.resolve("orders", new S3FifoConfiguration<>());

    assertEquals(64L << 20, resolved.getMaximumWeight());
    assertEquals(4, resolved.getShardCount());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(10)), resolved.getExpiryPolicyFactory());
    assertEquals(weigher(WEIGHER), resolved.getWeigherFactory());
    assertTrue(resolved.isStoreByValue());
  }

  @Test
  void theTemplatesExpiryAppliesOnlyToTheDefaultEternalPolicy() {
    CacheConfigurationFile file = ConfigFiles.load(dir, "default.expire-after-access = 5m");

    MutableConfiguration<Object, Object> defaultEternal = new MutableConfiguration<>();
    assertEquals(TouchedExpiryPolicy.factoryOf(minutes(5)),
        file.resolve("a", defaultEternal).getExpiryPolicyFactory());
    // EternalExpiryPolicy.factoryOf() is the JCache default, so asking for it is not a choice.
    assertEquals(TouchedExpiryPolicy.factoryOf(minutes(5)), file.resolve("a",
        new MutableConfiguration<>().setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf()))
        .getExpiryPolicyFactory());

    // Any other factory is, even one of an eternal policy.
    Factory<EternalExpiryPolicy> eternalByClass = FactoryBuilder.factoryOf(
        EternalExpiryPolicy.class);
    assertEquals(eternalByClass, file.resolve("a",
        new MutableConfiguration<>().setExpiryPolicyFactory(eternalByClass))
        .getExpiryPolicyFactory());
    assertEquals(CreatedExpiryPolicy.factoryOf(minutes(1)), file.resolve("a",
        new MutableConfiguration<>().setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
            minutes(1)))).getExpiryPolicyFactory());
  }

  @Test
  void statisticsAndManagementAreEnabledIfEitherEnablesThem() {
    CacheConfigurationFile off = ConfigFiles.load(dir,
        "default.statistics = false", "default.management = false");
    MutableConfiguration<Object, Object> enabled = new MutableConfiguration<>()
        .setStatisticsEnabled(true).setManagementEnabled(true);

    S3FifoConfiguration<Object, Object> resolved = off.resolve("a", enabled);
    assertTrue(resolved.isStatisticsEnabled());
    assertTrue(resolved.isManagementEnabled());
    assertFalse(off.resolve("a", new MutableConfiguration<>()).isStatisticsEnabled());
  }

  @Test
  void theTemplatesStoreByValueAppliesToAPlainConfiguration() {
    CacheConfigurationFile byReference = ConfigFiles.load(dir, "default.store-by-value = false");

    assertFalse(byReference.resolve("a", plain(Long.class, String.class, true)).isStoreByValue());
  }

  // ---- A declared cache ----------------------------------------------------------------------

  @Test
  void theDeclaredCachesKeysWinOverAnExplicitRequest() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "cache.orders.maximum-weight = 1MB", "cache.orders.expire-after-access = 1m",
        "cache.orders.shards = 16", "cache.orders.store-by-value = false",
        "cache.orders.statistics = false", "cache.orders.management = false",
        "cache.orders.weigher = " + WEIGHER, "cache.orders.serial-filter = com.acme.*;!*");
    S3FifoConfiguration<String, Long> request = new S3FifoConfiguration<String, Long>()
        .setTypes(String.class, Long.class).setMaximumSize(5).setShardCount(2)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(minutes(30)))
        .setStatisticsEnabled(true).setManagementEnabled(true)
        .setWeigherFactory(weigher(OTHER_WEIGHER))
        .setSerialFilterFactory(new SerialFilterFactory("java.base/*"));

    S3FifoConfiguration<String, Long> resolved = file.resolve("orders", request);

    assertEquals(1L << 20, resolved.getMaximumWeight());
    assertEquals(UNBOUNDED, resolved.getMaximumSize());
    assertEquals(TouchedExpiryPolicy.factoryOf(minutes(1)), resolved.getExpiryPolicyFactory());
    assertEquals(16, resolved.getShardCount());
    assertFalse(resolved.isStoreByValue());
    assertFalse(resolved.isStatisticsEnabled());
    assertFalse(resolved.isManagementEnabled());
    assertEquals(weigher(WEIGHER), resolved.getWeigherFactory());
    assertEquals(new SerialFilterFactory("com.acme.*;!*"), resolved.getSerialFilterFactory());
    assertEquals(String.class, resolved.getKeyType());
  }

  @Test
  void theTemplateFillsWhatNeitherTheDeclarationNorAnExplicitRequestSet() {
    String[] lines = concat(FULL_TEMPLATE, "cache.orders.maximum-entries = 100");
    CacheConfigurationFile file = ConfigFiles.load(dir, lines);
    S3FifoConfiguration<Object, Object> request = new S3FifoConfiguration<>().setShardCount(8);

    S3FifoConfiguration<Object, Object> resolved = file.resolve("orders", request);

    assertEquals(100, resolved.getMaximumSize());
    assertEquals(8, resolved.getShardCount());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(10)), resolved.getExpiryPolicyFactory());
    assertEquals(weigher(WEIGHER), resolved.getWeigherFactory());
    assertEquals(new SerialFilterFactory("java.base/*;!*"), resolved.getSerialFilterFactory());
    assertTrue(resolved.isStoreByValue());
    assertTrue(resolved.isStatisticsEnabled());
  }

  @Test
  void unboundedInTheDeclarationRemovesTheRequestsBound() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "default.maximum-weight = 1MB", "cache.timestamps.maximum-entries = unbounded");

    S3FifoConfiguration<Object, Object> resolved = file.resolve("timestamps",
        new S3FifoConfiguration<>().setMaximumWeight(10));

    assertEquals(UNBOUNDED, resolved.getMaximumWeight());
    assertEquals(UNBOUNDED, resolved.getMaximumSize());
  }

  @Test
  void expiryDurationsCombineKeyByKey() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "default.expire-after-write = 10m",
        "cache.idle.expire-after-access = 30s",
        "cache.forever.expire-after-write = eternal");
    Duration thirtySeconds = new Duration(TimeUnit.SECONDS, 30);

    assertEquals(WriteAndAccessExpiryPolicy.factoryOf(minutes(10), thirtySeconds),
        file.resolve("idle", new MutableConfiguration<>()).getExpiryPolicyFactory());
    // A request that chose an expiry policy gets the declaration's keys only.
    assertEquals(TouchedExpiryPolicy.factoryOf(thirtySeconds), file.resolve("idle",
        new MutableConfiguration<>().setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
            minutes(1)))).getExpiryPolicyFactory());
    assertEquals(EternalExpiryPolicy.factoryOf(),
        file.resolve("forever", new MutableConfiguration<>()).getExpiryPolicyFactory());
  }

  @Test
  void aDeclaredCachesOwnFlagDecidesAlone() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "default.statistics = true", "cache.quiet.statistics = false",
        "cache.quiet.management = false");

    S3FifoConfiguration<Object, Object> resolved = file.resolve("quiet",
        new MutableConfiguration<>().setStatisticsEnabled(true).setManagementEnabled(true));
    assertFalse(resolved.isStatisticsEnabled());
    assertFalse(resolved.isManagementEnabled());
    assertFalse(file.declaredConfiguration("quiet").isStatisticsEnabled());
  }

  @Test
  void declaredTypesNarrowAnUntypedRequestAndMustMatchATypedOne() {
    URI uri = ConfigFiles.write(dir,
        "cache.books.key-type = java.lang.Long", "cache.books.value-type = java.lang.String",
        "cache.any.key-type = java.lang.Object");
    CacheConfigurationFile file = CacheConfigurationFile.load(uri, ConfigFiles.LOADER, null);

    Configuration<?, ?> untyped = file.resolve("books", new MutableConfiguration<>());
    assertEquals(Long.class, untyped.getKeyType());
    assertEquals(String.class, untyped.getValueType());
    Configuration<Long, String> same = file.resolve("books",
        new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));
    assertEquals(Long.class, same.getKeyType());
    assertEquals(String.class, same.getValueType());
    assertEquals(Integer.class, file.resolve("any",
        new MutableConfiguration<Integer, Object>().setTypes(Integer.class, Object.class))
        .getKeyType());

    CacheException key = assertThrows(CacheException.class, () -> file.resolve("books",
        new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class)));
    for (String part : List.of("'books'", "key-type", "java.lang.Long", "java.lang.Integer",
        uri.toString())) {
      assertTrue(key.getMessage().contains(part), key.getMessage());
    }
    CacheException value = assertThrows(CacheException.class, () -> file.resolve("books",
        new MutableConfiguration<Object, Integer>().setTypes(Object.class, Integer.class)));
    assertTrue(value.getMessage().contains("value-type"), value.getMessage());
  }

  @Test
  void theDeclaredConfigurationIsWhatAnOnTheFlyRequestResolvesTo() {
    CacheConfigurationFile file = CacheConfigurationFile.load(
        URI.create("classpath:config-test/hibernate.properties"), ConfigFiles.LOADER, null);

    for (String name : file.declaredCacheNames()) {
      S3FifoConfiguration<Object, Object> declared = file.declaredConfiguration(name);
      assertEquals(file.resolve(name, new MutableConfiguration<>()), declared, name);
      assertEquals(declared, file.declaredConfiguration(name), name);
      assertNotSame(declared, file.declaredConfiguration(name), name);
    }
    assertThrows(IllegalArgumentException.class, () -> file.declaredConfiguration("undeclared"));
    assertThrows(NullPointerException.class, () -> file.declaredConfiguration(null));
  }

  @Test
  void resolvedConfigurationsAreEqualAndSurviveSerialization() {
    CacheConfigurationFile file = ConfigFiles.load(dir, concat(FULL_TEMPLATE,
        "cache.both.expire-after-write = 1h", "cache.both.expire-after-access = 5m"));

    for (String name : List.of("both", "undeclared")) {
      S3FifoConfiguration<String, Long> first = file.resolve(name, richRequest());
      S3FifoConfiguration<String, Long> second = file.resolve(name, richRequest());
      assertEquals(first, second, name);
      assertEquals(first.hashCode(), second.hashCode(), name);
      assertEquals(first, ConfigurationRoundTrip.roundTrip(first), name);
    }
    // Loading the same file twice gives equal results too.
    assertEquals(file.declaredConfiguration("both"), ConfigFiles.load(dir, concat(FULL_TEMPLATE,
        "cache.both.expire-after-write = 1h", "cache.both.expire-after-access = 5m"))
        .declaredConfiguration("both"));
  }

  @Test
  void theRequestsOtherSettingsAreKept() {
    CacheConfigurationFile file = ConfigFiles.load(dir, FULL_TEMPLATE);
    MutableConfiguration<String, Long> request = richRequest();

    S3FifoConfiguration<String, Long> resolved = file.resolve("orders", request);

    assertSame(request.getCacheLoaderFactory(), resolved.getCacheLoaderFactory());
    assertTrue(resolved.isReadThrough());
    assertEquals(request.getCacheEntryListenerConfigurations(),
        resolved.getCacheEntryListenerConfigurations());
    assertEquals(String.class, resolved.getKeyType());
    assertEquals(Long.class, resolved.getValueType());
  }

  @Test
  void badRequestsAreRefused() {
    CacheConfigurationFile file = ConfigFiles.load(dir, FULL_TEMPLATE);

    assertThrows(NullPointerException.class,
        () -> file.resolve(null, new MutableConfiguration<>()));
    assertThrows(NullPointerException.class, () -> file.resolve("a", null));
    assertThrows(IllegalArgumentException.class,
        () -> file.resolve("a", plain(null, String.class, true)));
    assertThrows(IllegalArgumentException.class,
        () -> file.resolve("a", plain(String.class, null, true)));
  }

  // ---- Properties given to getCacheManager -------------------------------------------------

  @Test
  void overridesWinKeyByKeyAndMayDeclareCaches() {
    java.util.Properties overrides = new java.util.Properties();
    overrides.setProperty("default.expire-after-write", "1m");
    overrides.setProperty("cache.orders.maximum-weight", "2MB");
    overrides.setProperty("cache.extra.shards", "8");
    CacheConfigurationFile file = ConfigFiles.load(dir, overrides,
        "default.expire-after-write = 10m", "default.statistics = true",
        "cache.orders.maximum-entries = 100", "cache.orders.shards = 2");

    S3FifoConfiguration<Object, Object> orders = file.declaredConfiguration("orders");
    assertEquals(2L << 20, orders.getMaximumWeight());
    assertEquals(UNBOUNDED, orders.getMaximumSize()); // a bound replaces the other bound
    assertEquals(2, orders.getShardCount());
    assertEquals(ModifiedExpiryPolicy.factoryOf(minutes(1)), orders.getExpiryPolicyFactory());
    assertTrue(orders.isStatisticsEnabled());
    assertEquals(List.of("orders", "extra"), List.copyOf(file.declaredCacheNames()));
    assertEquals(8, file.declaredConfiguration("extra").getShardCount());
  }

  @Test
  void overridesIgnoreOtherKeysAndReadDefaultsAndNonStringValues() {
    java.util.Properties defaults = new java.util.Properties();
    defaults.setProperty("cache.from-defaults.shards", "4");
    java.util.Properties overrides = new java.util.Properties(defaults);
    overrides.setProperty("javax.cache.test.1", "value1");
    overrides.setProperty("hibernate.cache.use_second_level_cache", "true");
    overrides.setProperty("spring.cache.jcache.config", "classpath:x");
    overrides.put("cache.typed.maximum-entries", 250);
    overrides.put(42, "not a string key");

    CacheConfigurationFile file =
        CacheConfigurationFile.load(URI.create("urn:x"), ConfigFiles.LOADER, overrides);

    assertEquals(java.util.Set.of("from-defaults", "typed"), file.declaredCacheNames());
    assertEquals(4, file.declaredConfiguration("from-defaults").getShardCount());
    assertEquals(250, file.declaredConfiguration("typed").getMaximumSize());
  }

  @Test
  void invalidOverridesNameTheKeyTheValueAndTheirOrigin() {
    java.util.Properties overrides = new java.util.Properties();
    overrides.setProperty("cache.orders.maximum-wieght", "1MB");

    CacheException e = assertThrows(CacheException.class, () -> CacheConfigurationFile.load(
        URI.create("urn:orders"), ConfigFiles.LOADER, overrides));
    assertTrue(e.getMessage().contains("'cache.orders.maximum-wieght = 1MB'"), e.getMessage());
    assertTrue(e.getMessage().contains("the properties given to getCacheManager for urn:orders"),
        e.getMessage());
  }

  // ---- Helpers -------------------------------------------------------------------------------

  private static MutableConfiguration<String, Long> richRequest() {
    Factory<Loader> loader = FactoryBuilder.factoryOf(Loader.class);
    Factory<Listener> listener = FactoryBuilder.factoryOf(Listener.class);
    return new MutableConfiguration<String, Long>()
        .setTypes(String.class, Long.class)
        .setCacheLoaderFactory(loader)
        .setReadThrough(true)
        .addCacheEntryListenerConfiguration(
            new MutableCacheEntryListenerConfiguration<>(listener, null, true, false));
  }

  private static Factory<Weigher<Object, Object>> weigher(String className) {
    return NamedClassFactory.of(className, Weigher.class, ConfigFiles.LOADER);
  }

  private static Duration minutes(long amount) {
    return new Duration(TimeUnit.MINUTES, amount);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /** A loader class for the request's factory; never run. */
  public static final class Loader implements CacheLoader<String, Long> {
    @Override
    public Long load(String key) {
      return null;
    }

    @Override
    public java.util.Map<String, Long> loadAll(Iterable<? extends String> keys) {
      return java.util.Map.of();
    }
  }

  /** A listener class for the request's factory; never run. */
  public static final class Listener implements CacheEntryCreatedListener<String, Long> {
    @Override
    public void onCreated(
        Iterable<javax.cache.event.CacheEntryEvent<? extends String, ? extends Long>> events) {}
  }
}
