package io.github.s3fifo.jcache.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hibernate with this provider's configuration file ({@code hibernate.javax.cache.uri}) declaring
 * every region by its real name, and {@code missing_cache_strategy=fail}, so that Hibernate can
 * only use the declared caches.
 */
class DeclaredRegionsTest extends SecondLevelCacheContract {

  @Override
  Map<String, String> cacheSettings() {
    return Map.of(
        "hibernate.javax.cache.uri", HibernateSetup.CONFIGURATION_RESOURCE,
        "hibernate.javax.cache.missing_cache_strategy", "fail");
  }

  @Override
  boolean entityRegionsBounded() {
    return true;
  }

  @Test
  void theRegionsAreTheDeclaredCaches() {
    var manager = HibernateSetup.cacheManager(sessionFactory);
    assertEquals("file", manager.getURI().getScheme(), "Hibernate resolves the resource to a URL");

    Set<String> names = new LinkedHashSet<>();
    manager.getCacheNames().forEach(names::add);
    assertEquals(Set.of(HibernateSetup.BOOK_REGION, HibernateSetup.AUTHORS_REGION,
        HibernateSetup.NATURAL_ID_REGION, HibernateSetup.PUBLISHER_REGION,
        HibernateSetup.QUERY_REGION, HibernateSetup.TIMESTAMPS_REGION), names);
    for (String region : names) {
      S3FifoConfiguration<?, ?> configuration = configuration(region);
      assertFalse(configuration.isStoreByValue(), region);
      assertEquals(region.equals(HibernateSetup.TIMESTAMPS_REGION)
          ? S3FifoConfiguration.UNBOUNDED : 64, configuration.getMaximumSize(), region);
    }
    assertEquals(S3FifoConfiguration.UNBOUNDED,
        configuration(HibernateSetup.TIMESTAMPS_REGION).getMaximumWeight());
  }

  private S3FifoConfiguration<?, ?> configuration(String region) {
    return HibernateSetup.region(sessionFactory, region)
        .getConfiguration(S3FifoConfiguration.class);
  }
}
