package io.github.s3fifo.jcache.configuration;

import static io.github.s3fifo.jcache.configuration.PlainConfiguration.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

class ConfigurationResolverTest {

  @Test
  void copiesACompleteConfiguration() {
    MutableConfiguration<String, Long> source = new MutableConfiguration<String, Long>()
        .setTypes(String.class, Long.class).setStatisticsEnabled(true);
    S3FifoConfiguration<String, Long> resolved = ConfigurationResolver.resolve(source);
    assertEquals(new MutableConfiguration<>(source), new MutableConfiguration<>(resolved));
    assertEquals(S3FifoConfiguration.UNBOUNDED, resolved.getMaximumWeight());
  }

  @Test
  void copiesAnS3FifoConfigurationWithItsBounds() {
    S3FifoConfiguration<Object, Object> source = new S3FifoConfiguration<>().setMaximumSize(7);
    S3FifoConfiguration<Object, Object> resolved = ConfigurationResolver.resolve(source);
    assertNotSame(source, resolved);
    assertEquals(source, resolved);
    source.setMaximumSize(8);
    assertEquals(7, resolved.getMaximumSize());
  }

  @Test
  void fillsAPlainConfigurationWithTheDefaults() {
    S3FifoConfiguration<Integer, String> resolved =
        ConfigurationResolver.resolve(plain(Integer.class, String.class, false));
    assertEquals(Integer.class, resolved.getKeyType());
    assertEquals(String.class, resolved.getValueType());
    assertFalse(resolved.isStoreByValue());
    assertFalse(resolved.isReadThrough());
    assertFalse(resolved.isStatisticsEnabled());
    assertTrue(resolved.getExpiryPolicyFactory() != null);
  }

  @Test
  void rejectsAConfigurationWithoutTypes() {
    assertThrows(NullPointerException.class, () -> ConfigurationResolver.resolve(null));
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> ConfigurationResolver.resolve(plain(null, String.class, true)));
    assertTrue(key.getMessage().contains("key type"), key.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ConfigurationResolver.resolve(plain(String.class, null, true)));

    @SuppressWarnings("unchecked")
    CompleteConfiguration<Object, Object> broken = org.mockito.Mockito.mock(
        CompleteConfiguration.class);
    assertThrows(IllegalArgumentException.class, () -> ConfigurationResolver.resolve(broken));
  }

  @Test
  void typeChecksAskForTheExactConfiguredTypes() {
    ConfigurationResolver.checkTypes("c", String.class, Long.class, String.class, Long.class);
    assertThrows(ClassCastException.class, () ->
        ConfigurationResolver.checkTypes("c", String.class, Long.class, Object.class, Long.class));
    ClassCastException value = assertThrows(ClassCastException.class, () ->
        ConfigurationResolver.checkTypes("c", String.class, Long.class, String.class, Number.class));
    assertTrue(value.getMessage().contains("java.lang.Number"), value.getMessage());
    assertThrows(NullPointerException.class, () ->
        ConfigurationResolver.checkTypes("c", String.class, Long.class, null, Long.class));
    assertThrows(NullPointerException.class, () ->
        ConfigurationResolver.checkTypes("c", String.class, Long.class, String.class, null));
  }
}
