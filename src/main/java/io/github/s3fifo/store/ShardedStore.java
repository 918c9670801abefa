package io.github.s3fifo.store;

import java.util.Iterator;
import java.util.Objects;

/**
 * A concurrent map bounded by total weight, evicting by S3-FIFO in each of its shards.
 *
 * <p>Reads take no lock: a hit only bumps the entry's 2-bit frequency counter (and only when it
 * changes). Writes take the key's own lock and, briefly and never while user code runs, the lock
 * of the key's shard. After a write returns, the resident weight is within the capacity. Keys and
 * values are never {@code null}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ShardedStore<K, V> implements Iterable<StoreEntry<K, V>> {

  /** The expiry time of a mapping that never expires. */
  public static final long NEVER = Long.MAX_VALUE;

  /** The largest number of shards: beyond this, shards only shrink and cost hit ratio. */
  public static final int MAX_SHARDS = 256;

  ShardedStore(Builder<K, V> builder) {
    throw new UnsupportedOperationException("not yet");
  }

  public static <K, V> Builder<K, V> builder() {
    return new Builder<>();
  }

  /** Returns the live value for the key, counting the access, or {@code null}. */
  public V get(K key) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Returns a live view of the key's mapping, counting the access, or {@code null} when absent
   * or expired. An expired mapping found here is removed at once (cause {@code EXPIRED}).
   */
  public StoreEntry<K, V> getEntry(K key) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Returns the live value without counting an access (no frequency bump, no statistics). */
  public V peek(K key) {
    throw new UnsupportedOperationException("not yet");
  }

  /** True if the key has a live mapping; does not count an access. */
  public boolean containsKey(K key) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Maps the key to the value with no expiry; returns the previous live value or {@code null}. */
  public V put(K key, V value) {
    return put(key, value, NEVER);
  }

  /** Maps the key to the value, expiring at the given ticker time; returns the previous value. */
  public V put(K key, V value, long expiresAt) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Maps the key only if it has no live mapping; returns the existing value or {@code null}. */
  public V putIfAbsent(K key, V value) {
    return putIfAbsent(key, value, NEVER);
  }

  public V putIfAbsent(K key, V value, long expiresAt) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Replaces the value only if present, keeping its expiry; returns the previous value. */
  public V replace(K key, V value) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Replaces the value only if currently mapped to {@code oldValue} (by {@code equals}). */
  public boolean replace(K key, V oldValue, V newValue) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Removes the key's mapping; returns the removed live value or {@code null}. */
  public V remove(K key) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Removes the mapping only if currently mapped to {@code value} (by {@code equals}). */
  public boolean remove(K key, V value) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Runs the computation with only this key held, then applies what it decided. An expired
   * mapping is removed (cause {@code EXPIRED}) before the computation sees the entry as absent.
   * If the computation throws, nothing changes and the exception propagates.
   */
  public <R> R compute(K key, EntryComputation<K, V, R> computation) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Sets the expiry time of the mapping behind a view from {@link #getEntry}, if that mapping is
   * still live. Meant for access-based expiry; it does not wait for a writer of the key.
   */
  public void setExpiresAt(StoreEntry<K, V> entry, long expiresAt) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Removes every mapping (cause {@code EXPLICIT}). */
  public void clear() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Removes every expired mapping now; returns how many were removed. */
  public int evictExpired() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The number of resident mappings (expired ones not yet reclaimed included). */
  public long size() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The summed weight of the resident mappings. */
  public long weight() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The configured maximum weight ({@code Long.MAX_VALUE} when unbounded). */
  public long capacity() {
    throw new UnsupportedOperationException("not yet");
  }

  public int shardCount() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The resident weight of each shard, for skew diagnostics. */
  public long[] shardWeights() {
    throw new UnsupportedOperationException("not yet");
  }

  public Ticker ticker() {
    throw new UnsupportedOperationException("not yet");
  }

  public StoreStats stats() {
    throw new UnsupportedOperationException("not yet");
  }

  /** A weakly consistent iterator over the live mappings; its {@code remove} is supported. */
  @Override
  public Iterator<StoreEntry<K, V>> iterator() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Configures a {@link ShardedStore}. */
  public static final class Builder<K, V> {
    long maximumWeight = Long.MAX_VALUE;
    Weigher<? super K, ? super V> weigher;
    int shardCountHint;
    long expectedEntries;
    Ticker ticker = Ticker.system();
    RemovalListener<? super K, ? super V> removalListener;
    boolean recordStats;

    Builder() {}

    /** Bounds the summed weight ({@code >= 0}); unbounded when never called. */
    public Builder<K, V> maximumWeight(long maximumWeight) {
      if (maximumWeight < 0) {
        throw new IllegalArgumentException("maximumWeight must be >= 0, was " + maximumWeight);
      }
      this.maximumWeight = maximumWeight;
      return this;
    }

    /** Bounds the number of entries: a unit weigher with this maximum weight. */
    public Builder<K, V> maximumSize(long maximumSize) {
      if (maximumSize < 0) {
        throw new IllegalArgumentException("maximumSize must be >= 0, was " + maximumSize);
      }
      this.maximumWeight = maximumSize;
      this.weigher = Weigher.unit();
      return this;
    }

    public Builder<K, V> weigher(Weigher<? super K, ? super V> weigher) {
      this.weigher = Objects.requireNonNull(weigher, "weigher");
      return this;
    }

    /**
     * A hint for the number of shards: rounded up to a power of two, clamped to [1, 256], and
     * lowered so that no shard is too small to keep a useful working set. Zero picks a default.
     */
    public Builder<K, V> shardCount(int shardCountHint) {
      if (shardCountHint < 0) {
        throw new IllegalArgumentException("shardCount must be >= 0, was " + shardCountHint);
      }
      this.shardCountHint = shardCountHint;
      return this;
    }

    /** The number of entries expected at capacity; sizes tables and the ghost queue. */
    public Builder<K, V> expectedEntries(long expectedEntries) {
      if (expectedEntries < 0) {
        throw new IllegalArgumentException("expectedEntries must be >= 0, was " + expectedEntries);
      }
      this.expectedEntries = expectedEntries;
      return this;
    }

    public Builder<K, V> ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    public Builder<K, V> removalListener(RemovalListener<? super K, ? super V> listener) {
      this.removalListener = Objects.requireNonNull(listener, "removalListener");
      return this;
    }

    /** Counts hits and misses (striped counters: a small cost on every read). */
    public Builder<K, V> recordStats(boolean recordStats) {
      this.recordStats = recordStats;
      return this;
    }

    public ShardedStore<K, V> build() {
      return new ShardedStore<>(this);
    }
  }
}
