package io.github.s3fifo.jcache.configuration;

import java.util.EnumMap;
import java.util.Map;
import javax.cache.expiry.Duration;

/**
 * The properties one section of a configuration sets (the template, or one cache), parsed, with
 * the key and text each came from. Filled while a file is parsed, never changed afterwards.
 */
final class CacheSettings {

  /** One property's parsed value and where it was written. */
  record Setting(Object value, String key, String text) {}

  private final EnumMap<CacheProperty, Setting> settings = new EnumMap<>(CacheProperty.class);

  boolean has(CacheProperty property) {
    return settings.containsKey(property);
  }

  /** The parsed value, or null when the section does not set the property. */
  @SuppressWarnings("unchecked")
  <T> T get(CacheProperty property) {
    Setting setting = settings.get(property);
    return setting == null ? null : (T) setting.value();
  }

  /** The setting of a property, or null. */
  Setting setting(CacheProperty property) {
    return settings.get(property);
  }

  /** Whether the section sets {@code maximum-weight} or {@code maximum-entries}. */
  boolean hasBound() {
    return has(CacheProperty.MAXIMUM_WEIGHT) || has(CacheProperty.MAXIMUM_ENTRIES);
  }

  /** Whether the section sets {@code expire-after-write} or {@code expire-after-access}. */
  boolean hasExpiry() {
    return has(CacheProperty.EXPIRE_AFTER_WRITE) || has(CacheProperty.EXPIRE_AFTER_ACCESS);
  }

  Duration expireAfterWrite() {
    return get(CacheProperty.EXPIRE_AFTER_WRITE);
  }

  Duration expireAfterAccess() {
    return get(CacheProperty.EXPIRE_AFTER_ACCESS);
  }

  void put(CacheProperty property, Setting setting) {
    settings.put(property, setting);
  }

  /**
   * Returns these settings with every property {@code other} sets replaced by its value. The two
   * bounds are one choice: a bound in {@code other} replaces either bound here.
   */
  CacheSettings overriddenBy(CacheSettings other) {
    CacheSettings merged = new CacheSettings();
    merged.settings.putAll(settings);
    if (other.hasBound()) {
      merged.settings.remove(CacheProperty.MAXIMUM_WEIGHT);
      merged.settings.remove(CacheProperty.MAXIMUM_ENTRIES);
    }
    merged.settings.putAll(other.settings);
    return merged;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<CacheProperty, Setting> entry : settings.entrySet()) {
      text.append(text.length() == 1 ? "" : ", ")
          .append(entry.getKey().key()).append('=').append(entry.getValue().text());
    }
    return text.append('}').toString();
  }
}
