package io.github.s3fifo.store;

/**
 * Gives an entry its weight in the units of the store's capacity (bytes by convention).
 *
 * <p>A weigher must return a value from 0 to {@code Integer.MAX_VALUE} (one entry's weight; the
 * capacity and the total are longs); any other is rejected with an
 * {@link IllegalArgumentException} and the store is left unchanged. It runs on the writing
 * thread while at most that one key is held, never under a shard lock.
 */
@FunctionalInterface
public interface Weigher<K, V> {

  /** Returns the weight of this mapping, {@code >= 0}. */
  long weigh(K key, V value);

  /** A weigher that gives every entry a weight of one, making the capacity an entry count. */
  @SuppressWarnings("unchecked")
  static <K, V> Weigher<K, V> unit() {
    return (Weigher<K, V>) UnitWeigher.INSTANCE;
  }

  /** The singleton behind {@link #unit()}; an enum so it survives serialization as itself. */
  enum UnitWeigher implements Weigher<Object, Object> {
    INSTANCE;

    @Override
    public long weigh(Object key, Object value) {
      return 1;
    }
  }
}
