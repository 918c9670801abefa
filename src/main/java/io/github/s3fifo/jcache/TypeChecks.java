package io.github.s3fifo.jcache;

/**
 * The runtime checks of a cache's keys and values: never null (NullPointerException), and
 * instances of the configured types (ClassCastException), with messages saying what was wrong.
 */
final class TypeChecks {

  private final String cacheName;
  private final Class<?> keyType;
  private final Class<?> valueType;

  TypeChecks(String cacheName, Class<?> keyType, Class<?> valueType) {
    this.cacheName = cacheName;
    this.keyType = keyType;
    this.valueType = valueType;
  }

  void requireKey(Object key) {
    if (key == null) {
      throw new NullPointerException("A key must not be null (cache '" + cacheName + "')");
    }
    if (keyType != Object.class && !keyType.isInstance(key)) {
      throw new ClassCastException("The key " + key + " is a " + key.getClass().getName()
          + ", but cache '" + cacheName + "' has key type " + keyType.getName());
    }
  }

  void requireValue(Object value) {
    if (value == null) {
      throw new NullPointerException("A value must not be null (cache '" + cacheName + "')");
    }
    if (valueType != Object.class && !valueType.isInstance(value)) {
      throw new ClassCastException("The value " + value + " is a " + value.getClass().getName()
          + ", but cache '" + cacheName + "' has value type " + valueType.getName());
    }
  }
}
