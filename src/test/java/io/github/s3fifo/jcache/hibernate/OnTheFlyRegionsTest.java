package io.github.s3fifo.jcache.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hibernate with no configuration file: it creates each region with
 * {@code createCache(name, new MutableConfiguration<>())} ({@code missing_cache_strategy=create})
 * on the provider's default cache manager.
 */
class OnTheFlyRegionsTest extends SecondLevelCacheContract {

  @Override
  Map<String, String> cacheSettings() {
    return Map.of("hibernate.javax.cache.missing_cache_strategy", "create");
  }

  @Override
  boolean entityRegionsBounded() {
    return false;
  }

  @Test
  void regionsAreCreatedOnTheDefaultManagerAsHibernateAsksForThem() {
    var manager = HibernateSetup.cacheManager(sessionFactory);
    assertEquals(manager.getCachingProvider().getDefaultURI(), manager.getURI());

    Set<String> names = new java.util.HashSet<>();
    manager.getCacheNames().forEach(names::add);
    assertTrue(names.containsAll(Set.of(HibernateSetup.BOOK_REGION, HibernateSetup.AUTHORS_REGION,
        HibernateSetup.NATURAL_ID_REGION, HibernateSetup.PUBLISHER_REGION,
        HibernateSetup.QUERY_REGION, HibernateSetup.TIMESTAMPS_REGION)), names.toString());
    // new MutableConfiguration<>() with no template: store-by-value and unbounded.
    S3FifoConfiguration<?, ?> book = HibernateSetup.region(sessionFactory,
        HibernateSetup.BOOK_REGION).getConfiguration(S3FifoConfiguration.class);
    assertTrue(book.isStoreByValue());
    assertEquals(S3FifoConfiguration.UNBOUNDED, book.getMaximumSize());
    assertEquals(S3FifoConfiguration.UNBOUNDED, book.getMaximumWeight());
  }
}
