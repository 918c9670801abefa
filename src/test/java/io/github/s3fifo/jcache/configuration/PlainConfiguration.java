package io.github.s3fifo.jcache.configuration;

import javax.cache.configuration.Configuration;

/** A bare {@link Configuration}, not a {@code CompleteConfiguration}: types and storage only. */
record PlainConfiguration<K, V>(Class<K> getKeyType, Class<V> getValueType, boolean isStoreByValue)
    implements Configuration<K, V> {

  static <K, V> Configuration<K, V> plain(Class<K> key, Class<V> value, boolean byValue) {
    return new PlainConfiguration<>(key, value, byValue);
  }
}
