package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.store.Weigher;
import java.io.ObjectInputFilter;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.Test;

class S3FifoConfigurationTest {

  @Test
  void defaultsAreUnboundedAndTheJCacheDefaults() {
    S3FifoConfiguration<Object, Object> configuration = new S3FifoConfiguration<>();
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration.getMaximumWeight());
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration.getMaximumSize());
    assertEquals(0, configuration.getShardCount());
    assertNull(configuration.getWeigherFactory());
    assertNull(configuration.getSerialFilterFactory());
    assertEquals(new MutableConfiguration<>(), new MutableConfiguration<>(configuration));
    assertTrue(configuration.isStoreByValue());
  }

  @Test
  void rejectsNegativeBoundsAndKeepsThePreviousValue() {
    S3FifoConfiguration<Object, Object> configuration =
        new S3FifoConfiguration<>().setMaximumWeight(100).setShardCount(8);

    IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
        () -> configuration.setMaximumWeight(-5));
    assertTrue(weight.getMessage().contains("-5"), weight.getMessage());
    assertThrows(IllegalArgumentException.class, () -> configuration.setMaximumSize(-1));
    assertThrows(IllegalArgumentException.class, () -> configuration.setShardCount(-2));

    assertEquals(100, configuration.getMaximumWeight());
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration.getMaximumSize());
    assertEquals(8, configuration.getShardCount());
  }

  @Test
  void weightAndSizeBoundsReplaceEachOther() {
    S3FifoConfiguration<Object, Object> configuration = new S3FifoConfiguration<>();
    configuration.setMaximumWeight(1024);
    configuration.setMaximumSize(10);
    assertEquals(10, configuration.getMaximumSize());
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration.getMaximumWeight());

    configuration.setMaximumWeight(0);
    assertEquals(0, configuration.getMaximumWeight());
    assertEquals(S3FifoConfiguration.UNBOUNDED, configuration.getMaximumSize());
  }

  @Test
  void settersChainOnTheSameInstance() {
    S3FifoConfiguration<String, String> configuration = new S3FifoConfiguration<>();
    Factory<CacheLoader<String, String>> loader = () -> null;
    Factory<CacheWriter<Object, Object>> writer = () -> null;
    assertSame(configuration, configuration
        .setTypes(String.class, String.class)
        .setReadThrough(true)
        .setWriteThrough(true)
        .setCacheLoaderFactory(loader)
        .setCacheWriterFactory(writer)
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_MINUTE))
        .setStoreByValue(false)
        .setStatisticsEnabled(true)
        .setManagementEnabled(true)
        .setMaximumWeight(1)
        .setShardCount(2)
        .setWeigherFactory(Weigher::unit)
        .setSerialFilterFactory(() -> info -> ObjectInputFilter.Status.UNDECIDED));
    assertTrue(configuration.isReadThrough());
    assertTrue(configuration.isWriteThrough());
    assertSame(loader, configuration.getCacheLoaderFactory());
    assertSame(writer, configuration.getCacheWriterFactory());
  }

  @Test
  void copiesAStandardConfiguration() {
    CacheEntryListenerConfiguration<String, Integer> listener =
        new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(CreatedListener.class), null, true, false);
    MutableConfiguration<String, Integer> source = new MutableConfiguration<String, Integer>()
        .setTypes(String.class, Integer.class)
        .setReadThrough(true)
        .setWriteThrough(true)
        .setStoreByValue(false)
        .setStatisticsEnabled(true)
        .setManagementEnabled(true)
        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR))
        .addCacheEntryListenerConfiguration(listener);

    S3FifoConfiguration<String, Integer> copy = new S3FifoConfiguration<>(source);

    assertEquals(String.class, copy.getKeyType());
    assertEquals(Integer.class, copy.getValueType());
    assertTrue(copy.isReadThrough());
    assertTrue(copy.isWriteThrough());
    assertEquals(false, copy.isStoreByValue());
    assertTrue(copy.isStatisticsEnabled());
    assertTrue(copy.isManagementEnabled());
    assertEquals(source.getExpiryPolicyFactory(), copy.getExpiryPolicyFactory());
    assertTrue(copy.getCacheEntryListenerConfigurations().iterator().hasNext());
    assertEquals(S3FifoConfiguration.UNBOUNDED, copy.getMaximumWeight());

    // A copy, not a view.
    source.setStatisticsEnabled(false);
    source.removeCacheEntryListenerConfiguration(listener);
    assertTrue(copy.isStatisticsEnabled());
    assertTrue(copy.getCacheEntryListenerConfigurations().iterator().hasNext());
  }

  @Test
  void copiesItsOwnSettings() {
    Factory<Weigher<Object, Object>> weigher = Weigher::unit;
    Factory<ObjectInputFilter> filter = () -> info -> ObjectInputFilter.Status.ALLOWED;
    S3FifoConfiguration<Object, Object> source = new S3FifoConfiguration<>()
        .setMaximumSize(500)
        .setWeigherFactory(weigher)
        .setShardCount(16)
        .setSerialFilterFactory(filter)
        .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());

    S3FifoConfiguration<Object, Object> copy = new S3FifoConfiguration<>(source);

    assertEquals(500, copy.getMaximumSize());
    assertSame(weigher, copy.getWeigherFactory());
    assertEquals(16, copy.getShardCount());
    assertSame(filter, copy.getSerialFilterFactory());
    assertEquals(source, copy);
    assertEquals(source.hashCode(), copy.hashCode());

    copy.setShardCount(32);
    assertEquals(16, source.getShardCount());
    assertNotEquals(source, copy);
  }

  @Test
  void equalityIncludesTheBounds() {
    S3FifoConfiguration<Object, Object> a = new S3FifoConfiguration<>().setMaximumWeight(10);
    S3FifoConfiguration<Object, Object> b = new S3FifoConfiguration<>().setMaximumWeight(10);
    assertEquals(a, b);
    b.setMaximumWeight(11);
    assertNotEquals(a, b);
    assertNotEquals(new S3FifoConfiguration<>(), new MutableConfiguration<>(),
        "a plain MutableConfiguration lacks the bounds");
  }

  /** A listener class for the configuration under copy; never invoked. */
  public static final class CreatedListener
      implements CacheEntryCreatedListener<String, Integer> {
    @Override
    public void onCreated(Iterable<javax.cache.event.CacheEntryEvent<? extends String,
        ? extends Integer>> events) {}
  }
}
