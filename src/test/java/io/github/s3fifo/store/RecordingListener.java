package io.github.s3fifo.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A thread-safe removal listener that records every notification in order of arrival. */
final class RecordingListener<K, V> implements RemovalListener<K, V> {

  /** One notification. */
  record Removal<K, V>(K key, V value, RemovalCause cause) {}

  private final ConcurrentLinkedQueue<Removal<K, V>> removals = new ConcurrentLinkedQueue<>();

  @Override
  public void onRemoval(K key, V value, RemovalCause cause) {
    removals.add(new Removal<>(key, value, cause));
  }

  List<Removal<K, V>> all() {
    return new ArrayList<>(removals);
  }

  List<Removal<K, V>> withCause(RemovalCause cause) {
    List<Removal<K, V>> out = new ArrayList<>();
    for (Removal<K, V> r : removals) {
      if (r.cause() == cause) {
        out.add(r);
      }
    }
    return out;
  }

  List<K> keysWithCause(RemovalCause cause) {
    List<K> out = new ArrayList<>();
    for (Removal<K, V> r : withCause(cause)) {
      out.add(r.key());
    }
    return out;
  }

  Map<RemovalCause, Long> countsByCause() {
    Map<RemovalCause, Long> counts = new EnumMap<>(RemovalCause.class);
    for (RemovalCause cause : RemovalCause.values()) {
      counts.put(cause, 0L);
    }
    for (Removal<K, V> r : removals) {
      counts.merge(r.cause(), 1L, Long::sum);
    }
    return counts;
  }

  int size() {
    return removals.size();
  }

  /** Returns and forgets what was recorded so far. */
  List<Removal<K, V>> drain() {
    List<Removal<K, V>> out = new ArrayList<>();
    Removal<K, V> r;
    while ((r = removals.poll()) != null) {
      out.add(r);
    }
    return out;
  }
}
