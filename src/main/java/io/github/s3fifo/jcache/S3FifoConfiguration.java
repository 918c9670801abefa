package io.github.s3fifo.jcache;

import io.github.s3fifo.store.Weigher;
import java.io.ObjectInputFilter;
import java.util.Objects;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;

/**
 * A JCache configuration with this provider's bounds: a maximum weight (bytes by convention) or
 * a maximum entry count, a weigher, and a shard count.
 *
 * <p>A store-by-value cache with neither a weigher nor a maximum size weighs each entry by its
 * serialized size in bytes, so {@link #setMaximumWeight} bounds its memory in real bytes.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class S3FifoConfiguration<K, V> extends javax.cache.configuration.MutableConfiguration<K, V> {

  private static final long serialVersionUID = 1L;

  /** The value of {@link #getMaximumWeight()} and {@link #getMaximumSize()} when not set. */
  public static final long UNBOUNDED = -1;

  private long maximumWeight = UNBOUNDED;
  private long maximumSize = UNBOUNDED;
  private Factory<? extends Weigher<? super K, ? super V>> weigherFactory;
  private int shardCount;
  private Factory<? extends ObjectInputFilter> serialFilterFactory;

  public S3FifoConfiguration() {}

  /** Copies any complete configuration, and this provider's settings when it is one of ours. */
  public S3FifoConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof S3FifoConfiguration<K, V> other) {
      this.maximumWeight = other.maximumWeight;
      this.maximumSize = other.maximumSize;
      this.weigherFactory = other.weigherFactory;
      this.shardCount = other.shardCount;
      this.serialFilterFactory = other.serialFilterFactory;
    }
  }

  /** The maximum summed weight, or {@link #UNBOUNDED}. */
  public long getMaximumWeight() {
    return maximumWeight;
  }

  /**
   * Bounds the cache by summed weight (bytes by convention; see {@link #setWeigherFactory}).
   * Clears any maximum size.
   */
  public S3FifoConfiguration<K, V> setMaximumWeight(long maximumWeight) {
    if (maximumWeight < 0) {
      throw new IllegalArgumentException("maximumWeight must be >= 0, was " + maximumWeight);
    }
    this.maximumWeight = maximumWeight;
    this.maximumSize = UNBOUNDED;
    return this;
  }

  /** The maximum number of entries, or {@link #UNBOUNDED}. */
  public long getMaximumSize() {
    return maximumSize;
  }

  /** Bounds the cache by entry count (every entry weighs one). Clears any maximum weight. */
  public S3FifoConfiguration<K, V> setMaximumSize(long maximumSize) {
    if (maximumSize < 0) {
      throw new IllegalArgumentException("maximumSize must be >= 0, was " + maximumSize);
    }
    this.maximumSize = maximumSize;
    this.maximumWeight = UNBOUNDED;
    return this;
  }

  /** The weigher's factory, or {@code null} for the default weight. */
  public Factory<? extends Weigher<? super K, ? super V>> getWeigherFactory() {
    return weigherFactory;
  }

  /**
   * Sets how entries are weighed under {@link #setMaximumWeight}. Without one, a store-by-value
   * cache weighs an entry by its serialized key and value bytes, and so does a store-by-reference
   * one, which then serializes each entry once on write just to measure it.
   */
  public S3FifoConfiguration<K, V> setWeigherFactory(
      Factory<? extends Weigher<? super K, ? super V>> weigherFactory) {
    this.weigherFactory = weigherFactory;
    return this;
  }

  /** The shard count hint; 0 lets the store choose. */
  public int getShardCount() {
    return shardCount;
  }

  /** A hint for the number of shards (rounded up to a power of two, at most 256); 0 = default. */
  public S3FifoConfiguration<K, V> setShardCount(int shardCount) {
    if (shardCount < 0) {
      throw new IllegalArgumentException("shardCount must be >= 0, was " + shardCount);
    }
    this.shardCount = shardCount;
    return this;
  }

  /** The factory of the filter applied when a by-value cache deserializes, or {@code null}. */
  public Factory<? extends ObjectInputFilter> getSerialFilterFactory() {
    return serialFilterFactory;
  }

  /**
   * Sets a filter for deserializing stored keys and values; without one the JVM-wide filter, if
   * any, applies.
   */
  public S3FifoConfiguration<K, V> setSerialFilterFactory(
      Factory<? extends ObjectInputFilter> serialFilterFactory) {
    this.serialFilterFactory = serialFilterFactory;
    return this;
  }

  // Covariant overrides, so a chain of setters keeps this type.

  @Override
  public S3FifoConfiguration<K, V> setTypes(Class<K> keyType, Class<V> valueType) {
    super.setTypes(keyType, valueType);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> addCacheEntryListenerConfiguration(
      CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    super.addCacheEntryListenerConfiguration(listenerConfiguration);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> removeCacheEntryListenerConfiguration(
      CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    super.removeCacheEntryListenerConfiguration(listenerConfiguration);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setCacheLoaderFactory(
      Factory<? extends CacheLoader<K, V>> factory) {
    super.setCacheLoaderFactory(factory);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setCacheWriterFactory(
      Factory<? extends CacheWriter<? super K, ? super V>> factory) {
    super.setCacheWriterFactory(factory);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setExpiryPolicyFactory(
      Factory<? extends ExpiryPolicy> factory) {
    super.setExpiryPolicyFactory(factory);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setReadThrough(boolean isReadThrough) {
    super.setReadThrough(isReadThrough);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setWriteThrough(boolean isWriteThrough) {
    super.setWriteThrough(isWriteThrough);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setStoreByValue(boolean isStoreByValue) {
    super.setStoreByValue(isStoreByValue);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setStatisticsEnabled(boolean enabled) {
    super.setStatisticsEnabled(enabled);
    return this;
  }

  @Override
  public S3FifoConfiguration<K, V> setManagementEnabled(boolean enabled) {
    super.setManagementEnabled(enabled);
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof S3FifoConfiguration<?, ?> other) || !super.equals(o)) {
      return false;
    }
    return maximumWeight == other.maximumWeight
        && maximumSize == other.maximumSize
        && shardCount == other.shardCount
        && Objects.equals(weigherFactory, other.weigherFactory)
        && Objects.equals(serialFilterFactory, other.serialFilterFactory);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        super.hashCode(), maximumWeight, maximumSize, shardCount, weigherFactory,
        serialFilterFactory);
  }
}
