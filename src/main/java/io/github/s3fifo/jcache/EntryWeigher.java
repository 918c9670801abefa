package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.copy.StoreCodec;
import io.github.s3fifo.store.Weigher;

/**
 * The store's weigher for a weight-bounded cache: the user's {@link Weigher} applied to the
 * caller's key and value, or, without one, the codec's default weight (serialized bytes for
 * store-by-value, measured the same way for store-by-reference).
 *
 * <p>A user weigher is run by the cache before it changes anything ({@link #prepare}), so one that
 * throws or returns a negative weight fails the operation with the cache unchanged. The store's
 * own call for that mapping, which follows on the same thread, reuses the weight.
 */
final class EntryWeigher<K, V> implements Weigher<Object, Object> {

  private final Weigher<? super K, ? super V> userWeigher;
  private final StoreCodec<K, V> codec;
  private final ThreadLocal<Prepared> prepared;

  /** The weight the cache computed for a stored value about to be written on this thread. */
  private static final class Prepared {
    Object storedValue;
    long weight;
  }

  /** @param userWeigher the configured weigher, or {@code null} for the default weight */
  EntryWeigher(Weigher<? super K, ? super V> userWeigher, StoreCodec<K, V> codec) {
    this.userWeigher = userWeigher;
    this.codec = codec;
    this.prepared = userWeigher == null ? null : ThreadLocal.withInitial(Prepared::new);
  }

  /** True if writes must run the user's weigher first ({@link #prepare}). */
  boolean weighsFirst() {
    return userWeigher != null;
  }

  /**
   * Weighs the caller's key and value with the user's weigher before the store is changed.
   *
   * @throws IllegalArgumentException if the weigher returns a negative weight
   */
  void prepare(K key, V value, Object storedValue) {
    if (userWeigher != null) {
      Prepared slot = prepared.get();
      slot.weight = check(key, value);
      slot.storedValue = storedValue;
    }
  }

  /** Runs the user's weigher on the pair, checking its result, without changing anything. */
  long check(K key, V value) {
    if (userWeigher == null) {
      return 0;
    }
    long weight = userWeigher.weigh(key, value);
    if (weight < 0) {
      throw new IllegalArgumentException(
          "The weigher returned a negative weight (" + weight + ") for the key " + key);
    }
    return weight;
  }

  @Override
  public long weigh(Object storeKey, Object storedValue) {
    if (userWeigher == null) {
      return codec.defaultWeight(storeKey, storedValue);
    }
    Prepared slot = prepared.get();
    if (slot.storedValue == storedValue) {
      slot.storedValue = null;
      return slot.weight;
    }
    return check(codec.key(storeKey), codec.value(storedValue));
  }
}
