package io.github.s3fifo.bench.hibernate;

import io.github.s3fifo.bench.JCacheProvider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The second-level cache set-ups compared by {@link HibernateBenchmark}, as Hibernate settings:
 * none, or hibernate-jcache over a provider named by class. Without a configuration file every
 * region is made on the fly from {@code new MutableConfiguration<>()} (store-by-value, unbounded);
 * {@link #S3FIFO_RECIPE} passes our recipe file through {@code hibernate.javax.cache.uri}.
 */
public enum HibernateTarget {

  /** No second-level cache: every read goes to the (in-memory) database. */
  NONE(null, null),
  S3FIFO(JCacheProvider.S3FIFO, null),
  CAFFEINE(JCacheProvider.CAFFEINE, null),
  EHCACHE(JCacheProvider.EHCACHE, null),
  /** Ours with the recipe: store-by-reference, bounded in entries. */
  S3FIFO_RECIPE(JCacheProvider.S3FIFO, "s3fifo-hibernate-recipe.properties");

  private final JCacheProvider provider;
  private final String configurationResource;

  HibernateTarget(JCacheProvider provider, String configurationResource) {
    this.provider = provider;
    this.configurationResource = configurationResource;
  }

  /** The Hibernate settings of the second-level cache. */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (provider == null) {
      settings.put("hibernate.cache.use_second_level_cache", "false");
      return settings;
    }
    settings.put("hibernate.cache.use_second_level_cache", "true");
    settings.put("hibernate.cache.region.factory_class", "jcache");
    settings.put("hibernate.javax.cache.provider", provider.className());
    settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
    if (configurationResource != null) {
      settings.put("hibernate.javax.cache.uri", configurationResource);
    }
    return settings;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static HibernateTarget of(String id) {
    for (HibernateTarget target : values()) {
      if (target.id().equals(id)) {
        return target;
      }
    }
    throw new IllegalArgumentException("no Hibernate target named '" + id + "'");
  }
}
