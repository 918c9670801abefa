package io.github.s3fifo.store;

import java.util.Arrays;

/**
 * The removals a write caused, gathered under the shard lock and reported after it is released.
 * Created only when there is something to report.
 */
final class Removals<K, V> {

  private Object[] keys = new Object[4];
  private Object[] values = new Object[4];
  private RemovalCause[] causes = new RemovalCause[4];
  private int size;

  /** Adds a removal to {@code removals}, creating the batch if it is {@code null}. */
  static <K, V> Removals<K, V> add(Removals<K, V> removals, K key, V value, RemovalCause cause) {
    Removals<K, V> batch = removals == null ? new Removals<>() : removals;
    if (batch.size == batch.keys.length) {
      int capacity = batch.size * 2;
      batch.keys = Arrays.copyOf(batch.keys, capacity);
      batch.values = Arrays.copyOf(batch.values, capacity);
      batch.causes = Arrays.copyOf(batch.causes, capacity);
    }
    batch.keys[batch.size] = key;
    batch.values[batch.size] = value;
    batch.causes[batch.size] = cause;
    batch.size++;
    return batch;
  }

  int size() {
    return size;
  }

  /** Appends {@code second}'s removals to {@code first}; either may be {@code null}. */
  @SuppressWarnings("unchecked")
  static <K, V> Removals<K, V> concat(Removals<K, V> first, Removals<K, V> second) {
    if (second == null) {
      return first;
    }
    Removals<K, V> all = first;
    for (int i = 0; i < second.size; i++) {
      all = add(all, (K) second.keys[i], (V) second.values[i], second.causes[i]);
    }
    return all;
  }

  /**
   * Tells the listener of every removal in order. If the listener throws, the rest are still
   * told, and the first exception is rethrown with the others suppressed.
   */
  @SuppressWarnings("unchecked")
  static <K, V> void notify(Removals<K, V> removals, RemovalListener<? super K, ? super V> listener) {
    if (removals == null || listener == null) {
      return;
    }
    RuntimeException failure = null;
    for (int i = 0; i < removals.size; i++) {
      try {
        listener.onRemoval((K) removals.keys[i], (V) removals.values[i], removals.causes[i]);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else if (e != failure) {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
