package io.github.s3fifo.jcache.hibernate;

import io.github.s3fifo.jcache.S3FifoCacheManager;
import io.github.s3fifo.jcache.S3FifoCachingProvider;
import io.github.s3fifo.store.ShardedStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import org.hibernate.SessionFactory;
import org.hibernate.cache.jcache.internal.JCacheRegionFactory;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Builds Hibernate session factories over this provider and an in-memory H2 database. */
final class HibernateSetup {

  static final String BOOK_REGION = Book.class.getName();
  static final String AUTHORS_REGION = Book.class.getName() + ".authors";
  static final String NATURAL_ID_REGION = Book.class.getName() + "##NaturalId";
  static final String PUBLISHER_REGION = Publisher.class.getName();
  static final String QUERY_REGION = "default-query-results-region";
  static final String TIMESTAMPS_REGION = "default-update-timestamps-region";

  /** The configuration file of {@link DeclaredRegionsTest}, a test class-path resource. */
  static final String CONFIGURATION_RESOURCE = "hibernate/s3fifo-hibernate.properties";

  /** Kept strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger HIBERNATE_LOGGER = Logger.getLogger("org.hibernate");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  static {
    HIBERNATE_LOGGER.setLevel(Level.WARNING);
  }

  private HibernateSetup() {}

  /** The settings every test uses: the second-level and query caches on this provider. */
  static Map<String, String> commonCacheSettings() {
    return Map.of(
        "hibernate.cache.use_second_level_cache", "true",
        "hibernate.cache.use_query_cache", "true",
        "hibernate.cache.region.factory_class", "jcache",
        "hibernate.javax.cache.provider", S3FifoCachingProvider.class.getName(),
        "hibernate.generate_statistics", "true");
  }

  /** A session factory on a new, empty in-memory database, with these settings on top. */
  static SessionFactory build(Map<String, String> settings) {
    Configuration configuration = new Configuration()
        .addAnnotatedClass(Book.class)
        .addAnnotatedClass(Publisher.class);
    configuration.setProperty("jakarta.persistence.jdbc.url",
        "jdbc:h2:mem:s3fifo-hibernate-" + DATABASES.incrementAndGet());
    configuration.setProperty("jakarta.persistence.jdbc.user", "sa");
    configuration.setProperty("hibernate.hbm2ddl.auto", "create-drop");
    configuration.setProperty("hibernate.connection.pool_size", "8");
    commonCacheSettings().forEach(configuration::setProperty);
    settings.forEach(configuration::setProperty);
    return configuration.buildSessionFactory();
  }

  /** The cache manager Hibernate obtained from the provider. */
  static S3FifoCacheManager cacheManager(SessionFactory sessionFactory) {
    RegionFactory regionFactory =
        sessionFactory.unwrap(SessionFactoryImplementor.class).getCache().getRegionFactory();
    return ((JCacheRegionFactory) regionFactory).getCacheManager()
        .unwrap(S3FifoCacheManager.class);
  }

  /** The JCache cache behind a region. */
  static Cache<Object, Object> region(SessionFactory sessionFactory, String regionName) {
    Cache<Object, Object> cache = cacheManager(sessionFactory).getCache(regionName);
    if (cache == null) {
      throw new AssertionError("No cache for region " + regionName);
    }
    return cache;
  }

  /** The store behind a region. */
  @SuppressWarnings("unchecked")
  static ShardedStore<Object, Object> store(SessionFactory sessionFactory, String regionName) {
    return region(sessionFactory, regionName).unwrap(ShardedStore.class);
  }
}
