package io.github.s3fifo.jcache.configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.cache.CacheException;

/**
 * Turns the keys and values of one source into the template's and each cache's settings.
 *
 * <p>{@code default.<property>} belongs to the template; {@code cache.<name>.<property>} to the
 * cache {@code <name>}. Property names contain no dot, so the property is what follows the last
 * dot and the name is everything between {@code cache.} and that dot: {@code com.acme.Book},
 * {@code com.acme.Book##NaturalId} or {@code a.b.c} need no quoting.
 */
final class ConfigurationParser {

  static final String TEMPLATE_PREFIX = "default.";
  static final String CACHE_PREFIX = "cache.";

  /** The settings one source declares: the template's, and each cache's in the order seen. */
  record Sections(CacheSettings template, Map<String, CacheSettings> caches) {}

  private final String source;
  private final ClassLoader classLoader;
  private final boolean ignoreForeignKeys;

  /**
   * @param source how messages name the source, e.g. its URI
   * @param ignoreForeignKeys whether keys outside {@code default.} and {@code cache.} are skipped
   *     (properties given to {@code getCacheManager}) rather than refused (a file)
   */
  ConfigurationParser(String source, ClassLoader classLoader, boolean ignoreForeignKeys) {
    this.source = source;
    this.classLoader = classLoader;
    this.ignoreForeignKeys = ignoreForeignKeys;
  }

  /**
   * Parses trimmed keys and values.
   *
   * @throws CacheException naming the key, the value and the source of the first error
   */
  Sections parse(Map<String, String> entries) {
    CacheSettings template = new CacheSettings();
    Map<String, CacheSettings> caches = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      CacheSettings section;
      String propertyName;
      if (key.startsWith(TEMPLATE_PREFIX)) {
        section = template;
        propertyName = key.substring(TEMPLATE_PREFIX.length());
      } else if (key.startsWith(CACHE_PREFIX)) {
        String rest = key.substring(CACHE_PREFIX.length());
        int lastDot = rest.lastIndexOf('.');
        if (lastDot <= 0) {
          throw error(key, value, lastDot == 0
              ? "the cache name is empty"
              : "a cache key is cache.<cache-name>.<property>");
        }
        section = caches.computeIfAbsent(rest.substring(0, lastDot), name -> new CacheSettings());
        propertyName = rest.substring(lastDot + 1);
      } else if (ignoreForeignKeys) {
        continue;
      } else {
        throw error(key, value, "unknown key; keys are " + TEMPLATE_PREFIX + "<property> or "
            + CACHE_PREFIX + "<cache-name>.<property>");
      }
      CacheProperty property = property(key, value, propertyName, section == template);
      Object parsed;
      try {
        if (value.isEmpty()) {
          throw new IllegalArgumentException("the value is empty");
        }
        parsed = property.parse(value, classLoader);
      } catch (IllegalArgumentException e) {
        throw error(key, value, e.getMessage(), e);
      }
      if (property.isBound()) {
        CacheProperty other = property == CacheProperty.MAXIMUM_WEIGHT
            ? CacheProperty.MAXIMUM_ENTRIES : CacheProperty.MAXIMUM_WEIGHT;
        CacheSettings.Setting conflicting = section.setting(other);
        if (conflicting != null) {
          throw error(key, value, "it conflicts with '" + conflicting.key() + " = "
              + conflicting.text() + "': a cache is bounded by maximum-weight or by"
              + " maximum-entries, not both");
        }
      }
      section.put(property, new CacheSettings.Setting(parsed, key, value));
    }
    return new Sections(template, caches);
  }

  private CacheProperty property(String key, String value, String name, boolean template) {
    CacheProperty property = CacheProperty.forKey(name);
    if (property == null) {
      CacheProperty closest = CacheProperty.closestTo(name);
      String hint = closest != null ? " (did you mean '" + closest.key() + "'?)"
          : template ? "" : " (a cache key is " + CACHE_PREFIX + "<cache-name>.<property>)";
      throw error(key, value, "unknown property '" + name + "'" + hint
          + "; the properties are " + CacheProperty.allKeys());
    }
    if (template && property.perCacheOnly()) {
      throw error(key, value, property.key() + " may only be set per cache, as "
          + CACHE_PREFIX + "<cache-name>." + property.key());
    }
    return property;
  }

  private CacheException error(String key, String value, String reason) {
    return error(key, value, reason, null);
  }

  private CacheException error(String key, String value, String reason, Throwable cause) {
    String message =
        "Invalid cache configuration '" + key + " = " + value + "' in " + source + ": " + reason;
    return cause == null ? new CacheException(message) : new CacheException(message, cause);
  }
}
