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
 *
 * <p>It also decides when an operation has no effect beyond the store's own and a count: then
 * {@link #readsPlainly()}, {@link #writesPlainly()} or {@link #removesPlainly()} is true, the
 * cache calls the store directly ({@link ShardedStore#get}, {@link ShardedStore#put},
 * {@link ShardedStore#remove}) instead of computing the entry, and the matching
 * {@code afterPlain...} method records what the statistics count. What cannot change while the
 * cache lives (read-through, writer, weigher, expiry policy) is settled once; listeners, which
 * can be registered at any time, are read (volatile) on every write, so a write that starts after
 * a registration takes the full path.
 */
final class EntryEffects<K, V> {

  private final ShardedStore<Object, Object> store;
  private final StoreCodec<K, V> codec;
  private final ExpiryCalculator expiry;
  private final WriterAdapter<K, V> writer;
  private final EntryWeigher<K, V> weigher;
  private final CacheStatistics statistics;
  private final EventDispatcher<K, V> events;
  /** A get is the store's read and a count: no read-through, no access expiry. */
  private final boolean plainReads;
  /**
   * Listeners aside, a put is the store's write and a count: no writer, no user weigher to run
   * first, and one lifetime for a creation and an update.
   */
  private final boolean plainWrites;
  /** Listeners aside, a remove is the store's and a count: no writer. */
  private final boolean plainRemoves;
  /** Nothing can expire, so a plain operation never has an expiry to publish. */
  private final boolean eternal;

  EntryEffects(ShardedStore<Object, Object> store, StoreCodec<K, V> codec, ExpiryCalculator expiry,
      WriterAdapter<K, V> writer, EntryWeigher<K, V> weigher, CacheStatistics statistics,
      EventDispatcher<K, V> events, boolean readThrough) {
    this.store = store;
    this.codec = codec;
    this.expiry = expiry;
    this.writer = writer;
    this.weigher = weigher;
    this.statistics = statistics;
    this.events = events;
    this.plainReads = !readThrough && !expiry.tracksAccess();
    this.plainWrites = !writer.isWriteThrough() && !weigher.weighsFirst() && expiry.writesAlike();
    this.plainRemoves = !writer.isWriteThrough();
    this.eternal = expiry.isEternal();
  }

  /** A {@link #barePaths} bit: a get is the store's read and the codec's copy, nothing more. */
  static final int BARE_GET = 1;
  /** A {@link #barePaths} bit: a put is the codec's copy and the store's write, nothing more. */
  static final int BARE_PUT = 2;

  /**
   * Which operations are, as things stand, the store's call alone (with the codec's copies, none
   * by reference): no count (statistics off), and a plain read ({@link #BARE_GET}) or a plain
   * write with no listener ({@link #BARE_PUT}). Expiries a bare operation finds are still to be
   * delivered ({@link #deliverExpiries}). The cache asks again whenever statistics or listeners
   * change.
   */
  int barePaths() {
    if (statistics.isEnabled()) {
      return 0;
    }
    int paths = plainReads ? BARE_GET : 0;
    return plainWrites && !events.hasListeners() ? paths | BARE_PUT : paths;
  }

  /**
   * True if a get need do nothing but {@link ShardedStore#get} and {@link #afterPlainRead}: no
   * loader to call on a miss, no access expiry to apply.
   */
  boolean readsPlainly() {
    return plainReads;
  }

  /**
   * True if a put need do nothing but {@link ShardedStore#put} with {@link #plainWriteExpiry()}
   * and {@link #afterPlainWrite()}: no listener to tell, no writer, no user weigher, and an expiry
   * policy that treats a creation and an update alike.
   */
  boolean writesPlainly() {
    return plainWrites && !events.hasListeners();
  }

  /**
   * True if a remove need do nothing but {@link ShardedStore#remove} and
   * {@link #afterPlainRemove}: no listener to tell, no writer.
   */
  boolean removesPlainly() {
    return plainRemoves && !events.hasListeners();
  }

  /** The expiry time of a plain write made now, creation or update. */
  long plainWriteExpiry() {
    return expiry.forWrite(store.ticker());
  }

  /** After a plain get that found {@code stored} (null on a miss): a hit or a miss. */
  void afterPlainRead(Object stored) {
    if (stored != null) {
      statistics.recordHits(1);
    } else {
      statistics.recordMisses(1);
    }
    deliverExpiries();
  }

  /** After a plain put: a put, whether it created or updated. */
  void afterPlainWrite() {
    statistics.recordPuts(1);
    deliverExpiries();
  }

  /** After a plain remove: a removal if there was a mapping. */
  void afterPlainRemove(boolean removed) {
    if (removed) {
      statistics.recordRemovals(1);
    }
    deliverExpiries();
  }

  /**
   * Delivers the expiry events a plain operation published: the store reclaims an expired mapping
   * that a read or write finds, and a synchronous listener (present for a plain read, or
   * registered meanwhile) hears of it before the operation returns. Nothing to do in an eternal
   * cache.
   */
  void deliverExpiries() {
    if (!eternal) {
      events.flush();
    }
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

  /** A read of an entry by the iterator (a snapshot of the store's): the access expiry. */
  void accessSnapshot(StoreEntry<Object, Object> snapshot) {
    if (expiry.tracksAccess()) {
      StoreEntry<Object, Object> live = store.getEntry(snapshot.getKey());
      if (live != null) {
        access(live);
      }
    }
  }

  /** Records the hit or miss of an operation that reads the entry it holds. */
  void hitOrMiss(EditableEntry<Object, Object> entry) {
    if (entry.isPresent()) {
      statistics.recordHits(1);
    } else {
      statistics.recordMisses(1);
    }
  }

  StoreCodec<K, V> codec() {
    return codec;
  }
}
