package io.github.s3fifo.jcache;

import io.github.s3fifo.jcache.copy.StoreCodec;
import io.github.s3fifo.jcache.event.EventDispatcher;
import io.github.s3fifo.jcache.expiry.ExpiryCalculator;
import io.github.s3fifo.jcache.integration.WriterAdapter;
import io.github.s3fifo.jcache.management.CacheStatistics;
import io.github.s3fifo.store.EditableEntry;
import io.github.s3fifo.store.ShardedStore;
import io.github.s3fifo.store.StoreEntry;

/**
 * What happens to an entry when it is created, updated, removed or read: the one place that
 * decides, in this order, the weight check, the write-through, the expiry time, the change
 * itself, the statistics and the events. Every cache operation expresses its outcome through
 * these methods, so all operations agree.
 *
 * <p>The methods taking an {@link EditableEntry} run inside {@link ShardedStore#compute} with the
 * entry's key held; whatever throws before the change (a weigher, the writer) leaves the entry
 * as it was.
 */
final class EntryEffects<K, V> {

  private final ShardedStore<Object, Object> store;
  private final StoreCodec<K, V> codec;
  private final ExpiryCalculator expiry;
  private final WriterAdapter<K, V> writer;
  private final EntryWeigher<K, V> weigher;
  private final CacheStatistics statistics;
  private final EventDispatcher<K, V> events;

  EntryEffects(ShardedStore<Object, Object> store, StoreCodec<K, V> codec, ExpiryCalculator expiry,
      WriterAdapter<K, V> writer, EntryWeigher<K, V> weigher, CacheStatistics statistics,
      EventDispatcher<K, V> events) {
    this.store = store;
    this.codec = codec;
    this.expiry = expiry;
    this.writer = writer;
    this.weigher = weigher;
    this.statistics = statistics;
    this.events = events;
  }

  /** Creates or updates the entry with the caller's value, as a put does. */
  void put(EditableEntry<Object, Object> entry, K key, V value, Object stored, boolean write) {
    if (entry.isPresent()) {
      update(entry, key, value, stored, write);
    } else {
      create(entry, key, value, stored, write);
    }
  }

  /**
   * Creates the absent entry. With {@code write} it is written through first (a load is not).
   * Returns false if the expiry policy gave it no lifetime (Duration.ZERO), so it was not added.
   */
  boolean create(EditableEntry<Object, Object> entry, K key, V value, Object stored,
      boolean write) {
    weigher.prepare(key, value, stored);
    if (write) {
      writer.write(new CacheEntry<>(key, value));
    }
    long now = entry.now();
    long expiresAt = expiry.forCreation(now);
    if (ExpiryCalculator.isExpired(expiresAt, now)) {
      return false;
    }
    entry.setValue(stored, expiresAt);
    statistics.recordPuts(1);
    events.publishCreated(entry.key(), stored);
    return true;
  }

  /** Replaces the present entry's value; with {@code write} it is written through first. */
  void update(EditableEntry<Object, Object> entry, K key, V value, Object stored,
      boolean write) {
    Object old = entry.value();
    weigher.prepare(key, value, stored);
    if (write) {
      writer.write(new CacheEntry<>(key, value));
    }
    // An expiry time in the past (Duration.ZERO) makes the store expire the entry at once.
    entry.setValue(stored, expiry.forUpdate(entry.now(), entry.expiresAt()));
    statistics.recordPuts(1);
    events.publishUpdated(entry.key(), stored, old);
  }

  /** Removes the present entry; with {@code write} it is deleted through the writer first. */
  void remove(EditableEntry<Object, Object> entry, K key, boolean write) {
    Object old = entry.value();
    if (write) {
      writer.delete(key);
    }
    entry.remove();
    statistics.recordRemovals(1);
    events.publishRemoved(entry.key(), old);
  }

  /** A remove of an absent entry: nothing changes, but the writer still deletes the key. */
  void removeAbsent(K key) {
    writer.delete(key);
  }

  /** A read of the present entry inside a computation: the policy's access expiry. */
  void access(EditableEntry<Object, Object> entry) {
    if (expiry.tracksAccess()) {
      long current = entry.expiresAt();
      long expiresAt = expiry.forAccess(entry.now(), current);
      if (expiresAt != current) {
        entry.setExpiresAt(expiresAt);
      }
    }
  }

  /** A lock-free read of a live entry (get, getAll, the iterator): the access expiry. */
  void access(StoreEntry<Object, Object> entry) {
    if (expiry.tracksAccess()) {
      long current = entry.getExpiresAt();
      long expiresAt = expiry.forAccess(store.ticker().read(), current);
      if (expiresAt != current) {
        store.setExpiresAt(entry, expiresAt);
      }
    }
  }

  StoreCodec<K, V> codec() {
    return codec;
  }
}
