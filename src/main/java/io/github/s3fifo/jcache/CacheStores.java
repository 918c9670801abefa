package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.copy.ReferenceCodec;
import io.github.s3fifo.jcache.copy.Serializer;
import io.github.s3fifo.jcache.copy.SerializingCodec;
import io.github.s3fifo.jcache.copy.StoreCodec;
import io.github.s3fifo.store.RemovalCause;
import io.github.s3fifo.store.RemovalListener;
import io.github.s3fifo.store.ShardedStore;
import java.io.ObjectInputFilter;
import java.util.function.Supplier;
import javax.cache.configuration.Factory;

/** Builds a cache's store and codec from its configuration. */
final class CacheStores {

  private CacheStores() {}

  /**
   * The codec: serializing for store-by-value (classes resolved by the context class loader, then
   * the manager's; the configured serial filter, else the JVM-wide one), identity otherwise.
   */
  static <K, V> StoreCodec<K, V> codec(
      S3FifoConfiguration<K, V> configuration, Supplier<ClassLoader> classLoader) {
    Factory<? extends ObjectInputFilter> filterFactory = configuration.getSerialFilterFactory();
    ObjectInputFilter filter = filterFactory == null ? null : filterFactory.create();
    Serializer serializer = new Serializer(classLoader, filter);
    return configuration.isStoreByValue()
        ? new SerializingCodec<>(serializer)
        : new ReferenceCodec<>(serializer);
  }

  /**
   * The store, bounded as configured: a maximum size is an entry count (a unit weigher); a
   * maximum weight uses the cache's {@link EntryWeigher} (the user's weigher, else serialized
   * bytes, measured for store-by-reference); neither leaves it unbounded. Entries carry an
   * expiry time only when the expiry policy can expire them.
   */
  static ShardedStore<Object, Object> build(S3FifoConfiguration<?, ?> configuration,
      EntryWeigher<?, ?> weigher, boolean expiring,
      RemovalListener<Object, Object> removalListener) {
    ShardedStore.Builder<Object, Object> builder = ShardedStore.builder();
    if (expiring) {
      builder.expiring();
    }
    if (configuration.getMaximumSize() != S3FifoConfiguration.UNBOUNDED) {
      builder.maximumSize(configuration.getMaximumSize())
          .expectedEntries(configuration.getMaximumSize());
    } else if (configuration.getMaximumWeight() != S3FifoConfiguration.UNBOUNDED) {
      builder.maximumWeight(configuration.getMaximumWeight()).weigher(weigher);
    }
    if (expiring) {
      // Expirations are published as events; evictions are counted by the store itself.
      builder.removalListener(removalListener, RemovalCause.EXPIRED);
    }
    return builder.shardCount(configuration.getShardCount()).build();
  }
}
