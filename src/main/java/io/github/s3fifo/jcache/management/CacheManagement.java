package io.github.s3fifo.jcache.management;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a cache's {@code CacheMXBean} and {@code CacheStatisticsMXBean} on the platform
 * MBeanServer under {@code javax.cache:type=CacheConfiguration|CacheStatistics,
 * CacheManager=<uri>,Cache=<name>}, the names the JCache TCK and monitoring tools look up, and,
 * beside the configuration bean, this provider's {@link S3FifoCacheMXBean} under
 * {@code io.github.s3fifo:type=CacheStore,CacheManager=<uri>,Cache=<name>}.
 *
 * <p>Registration is idempotent. Two caches can map to one name (same URI and cache name under
 * two class loaders, or a cache re-created after a close): the latest registration wins, and a
 * stale instance's later unregistration leaves the newer MBean in place.
 */
public final class CacheManagement {

  /** The MBean type of {@link S3FifoCacheMXBean}, in this provider's own domain. */
  public static final String STORE_TYPE = "CacheStore";

  /** Which instance owns each name this class registered; guarded by itself. */
  private static final Map<ObjectName, CacheManagement> OWNERS = new HashMap<>();

  private final Cache<?, ?> cache;
  private final CacheStatistics statistics;
  private final CacheConfigurationMXBean configurationBean;
  private final CacheStatisticsMXBeanImpl statisticsBean;
  private final S3FifoCacheMXBean storeBean;
  /** Computed on first use, so a cache may build this before its manager field is set. */
  private final Map<String, ObjectName> names = new ConcurrentHashMap<>();

  public CacheManagement(Cache<?, ?> cache, CacheStatistics statistics) {
    this(cache, statistics, null);
  }

  /**
   * @param storeBean the cache's {@link S3FifoCacheMXBean}, registered beside the configuration
   *     bean, or {@code null} for none
   */
  public CacheManagement(
      Cache<?, ?> cache, CacheStatistics statistics, S3FifoCacheMXBean storeBean) {
    if (cache == null || statistics == null) {
      throw new NullPointerException("cache and statistics must not be null");
    }
    this.storeBean = storeBean;
    this.cache = cache;
    this.statistics = statistics;
    this.configurationBean = new CacheConfigurationMXBean(cache);
    this.statisticsBean = new CacheStatisticsMXBeanImpl(statistics);
  }

  /**
   * Turns the statistics counters on or off and registers or unregisters the statistics MBean.
   */
  public void setStatisticsEnabled(boolean enabled) {
    statistics.setEnabled(enabled);
    if (enabled) {
      register(statisticsBean, objectName("CacheStatistics"));
    } else {
      unregister(objectName("CacheStatistics"));
    }
  }

  /** Registers or unregisters the configuration MBean. */
  public void setManagementEnabled(boolean enabled) {
    if (enabled) {
      register(configurationBean, objectName("CacheConfiguration"));
      if (storeBean != null) {
        register(storeBean, objectName(STORE_TYPE));
      }
    } else {
      unregister(objectName("CacheConfiguration"));
      unregister(objectName(STORE_TYPE));
    }
  }

  /** Unregisters the MBeans this instance registered; the counters keep their values. */
  public void close() {
    unregister(objectName("CacheStatistics"));
    unregister(objectName("CacheConfiguration"));
    unregister(objectName(STORE_TYPE));
  }

  /** Whether this instance currently holds the registration of the named MBean type. */
  boolean isRegistered(String type) {
    synchronized (OWNERS) {
      return OWNERS.get(objectName(type)) == this;
    }
  }

  private void register(Object bean, ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    synchronized (OWNERS) {
      if (OWNERS.get(name) == this && server.isRegistered(name)) {
        return;
      }
      try {
        // A bean left under this name by a stale cache (or another copy of this provider) is
        // replaced: the name belongs to the live cache.
        for (int attempt = 0; ; attempt++) {
          try {
            if (server.isRegistered(name)) {
              server.unregisterMBean(name);
            }
            server.registerMBean(bean, name);
            break;
          } catch (InstanceNotFoundException | InstanceAlreadyExistsException race) {
            if (attempt >= 2) {
              throw race;
            }
          }
        }
      } catch (JMException e) {
        throw new CacheException("Could not register the MBean " + name, e);
      }
      OWNERS.put(name, this);
    }
  }

  private void unregister(ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    synchronized (OWNERS) {
      if (OWNERS.get(name) != this) {
        return;
      }
      OWNERS.remove(name);
      try {
        server.unregisterMBean(name);
      } catch (InstanceNotFoundException alreadyGone) {
        // Someone unregistered it behind our back; the goal is reached.
      } catch (JMException e) {
        throw new CacheException("Could not unregister the MBean " + name, e);
      }
    }
  }

  private ObjectName objectName(String type) {
    return names.computeIfAbsent(type, this::computeObjectName);
  }

  private ObjectName computeObjectName(String type) {
    CacheManager manager = cache.getCacheManager();
    String uri = manager == null || manager.getURI() == null ? "" : manager.getURI().toString();
    return objectName(type, uri, cache.getName());
  }

  /**
   * The JCache ObjectName of a cache's MBean: {@code ,:=} and newlines in the URI and the cache
   * name become dots. A value still holding a character an unquoted ObjectName value forbids
   * ({@code *?"}) is quoted instead of failing.
   */
  public static ObjectName objectName(String type, String managerUri, String cacheName) {
    String domain = STORE_TYPE.equals(type) ? "io.github.s3fifo" : "javax.cache";
    String name = domain + ":type=" + type
        + ",CacheManager=" + value(managerUri)
        + ",Cache=" + value(cacheName);
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Invalid MBean name " + name, e);
    }
  }

  private static String value(String raw) {
    String safe = raw == null ? "" : raw.replaceAll("[,:=\n]", ".");
    if (safe.indexOf('*') >= 0 || safe.indexOf('?') >= 0 || safe.indexOf('"') >= 0) {
      return ObjectName.quote(safe);
    }
    return safe;
  }
}
