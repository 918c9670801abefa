package io.github.s3fifo.store;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

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

  private final S3FifoShard<K, V>[] shards;
  /** The shards' tables, by shard index: a read goes straight to its table. */
  private final NodeTable<K, V>[] tables;
  private final int shardMask;
  private final long capacity;
  private final Weigher<? super K, ? super V> weigher;
  private final Ticker ticker;
  private final RemovalListener<? super K, ? super V> removalListener;
  /** The causes the listener hears of, as a bit set of {@code 1 << ordinal}. */
  private final int reportedCauses;
  private final StatsCounter statsCounter;
  /** The layout of this store's nodes: whether they carry a weight, an expiry time. */
  private final boolean weighted;
  private final boolean expiring;

  @SuppressWarnings("unchecked")
  ShardedStore(Builder<K, V> builder) {
    this.capacity = builder.maximumWeight;
    this.weigher = builder.weigher == null ? Weigher.unit() : builder.weigher;
    this.ticker = builder.ticker;
    this.removalListener = builder.removalListener;
    this.reportedCauses = builder.removalListener == null ? 0 : builder.removalCauses;
    this.statsCounter = builder.recordStats ? new StatsCounter() : null;
    this.weighted = weigher != Weigher.unit();
    this.expiring = builder.expiring;
    int count = ShardSizing.shardCount(builder.shardCountHint, capacity, weigher, builder.expectedEntries);
    this.shards = new S3FifoShard[count];
    this.tables = new NodeTable[count];
    this.shardMask = count - 1;
    int expectedPerShard = (int) Math.min(Integer.MAX_VALUE, builder.expectedEntries / count);
    for (int i = 0; i < count; i++) {
      shards[i] =
          new S3FifoShard<>(
              ShardSizing.shareOf(capacity, count, i), expectedPerShard,
              Integer.numberOfTrailingZeros(count), ticker, reportedCauses);
      tables[i] = shards[i].table;
    }
  }

  public static <K, V> Builder<K, V> builder() {
    return new Builder<>();
  }

  /** Returns the live value for the key, counting the access, or {@code null}. */
  public V get(K key) {
    Node<K, V> node = readNode(key, true);
    return node == null ? null : node.value;
  }

  /**
   * Returns a live view of the key's mapping, counting the access, or {@code null} when absent
   * or expired. An expired mapping found here is removed at once (cause {@code EXPIRED}).
   */
  public StoreEntry<K, V> getEntry(K key) {
    return readNode(key, true);
  }

  /** Returns the live value without counting an access (no frequency bump, no statistics). */
  public V peek(K key) {
    Node<K, V> node = readNode(key, false);
    return node == null ? null : node.value;
  }

  /** True if the key has a live mapping; does not count an access. */
  public boolean containsKey(K key) {
    return readNode(key, false) != null;
  }

  /**
   * The read path: no lock, and on a hit no write but the frequency bump. A node read here may be
   * removed a moment later; its value is then {@code null}, which callers treat as a miss.
   */
  private Node<K, V> readNode(K key, boolean access) {
    Objects.requireNonNull(key, "key");
    int hash = fingerprint(key);
    NodeTable<K, V>[] byShard = tables;
    // Masking with the array's own length lets the compiler drop the bounds check.
    Node<K, V> node = byShard[hash & (byShard.length - 1)].get(key, hash);
    if (node != null && node.value != null) {
      long at;
      if (!expiring || (at = node.expiresAt()) == NEVER || ticker.read() - at < 0) {
        if (access) {
          node.bumpFrequency();
          if (statsCounter != null) {
            statsCounter.hits.increment();
          }
        }
        return node;
      }
      expireOnRead(shards[hash & shardMask], node);
    }
    if (access && statsCounter != null) {
      statsCounter.misses.increment();
    }
    return null;
  }

  /** Removes an expired node a reader found, unless a writer holds it (that writer will). */
  private void expireOnRead(S3FifoShard<K, V> shard, Node<K, V> node) {
    if (node.isPinned()) {
      return;
    }
    Removals<K, V> removals = null;
    synchronized (node) {
      if (!node.tryPin()) {
        return;
      }
      try {
        if (node.value != null && node.isExpired(ticker.read())) {
          removals = shard.unlinkToReserved(node, RemovalCause.EXPIRED);
        }
        Removals.notify(removals, removalListener);
      } finally {
        release(shard, node);
      }
    }
  }

  /** Maps the key to the value with no expiry; returns the previous live value or {@code null}. */
  public V put(K key, V value) {
    return put(key, value, NEVER);
  }

  /** Maps the key to the value, expiring at the given ticker time; returns the previous value. */
  public V put(K key, V value, long expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    checkExpiry(expiresAt);
    return write(key, value, null, expiresAt, Operations.put());
  }

  /** Maps the key only if it has no live mapping; returns the existing value or {@code null}. */
  public V putIfAbsent(K key, V value) {
    return putIfAbsent(key, value, NEVER);
  }

  public V putIfAbsent(K key, V value, long expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    checkExpiry(expiresAt);
    V existing = peek(key);
    if (existing != null) {
      return existing;
    }
    return write(key, value, null, expiresAt, Operations.putIfAbsent());
  }

  /** Replaces the value only if present, keeping its expiry; returns the previous value. */
  public V replace(K key, V value) {
    return write(key, Objects.requireNonNull(value, "value"), null, NEVER, Operations.replace());
  }

  /** Replaces the value only if currently mapped to {@code oldValue} (by {@code equals}). */
  public boolean replace(K key, V oldValue, V newValue) {
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    return write(key, oldValue, newValue, NEVER, Operations.replaceIfEqual());
  }

  /** Removes the key's mapping; returns the removed live value or {@code null}. */
  public V remove(K key) {
    return write(key, null, null, NEVER, Operations.remove());
  }

  /** Removes the mapping only if currently mapped to {@code value} (by {@code equals}). */
  public boolean remove(K key, V value) {
    Objects.requireNonNull(value, "value");
    return write(key, value, null, NEVER, Operations.removeIfEqual());
  }

  /**
   * Runs the computation with only this key held, then applies what it decided. An expired
   * mapping is removed (cause {@code EXPIRED}) before the computation sees the entry as absent.
   * If the computation throws, nothing changes and the exception propagates.
   */
  public <R> R compute(K key, EntryComputation<K, V, R> computation) {
    Objects.requireNonNull(computation, "computation");
    return write(key, null, null, NEVER, computation);
  }

  /**
   * Holds the key: its node's monitor, and a pin that keeps the evictor off it. An absent key
   * gets a reserved node, published already locked, that readers see as a miss.
   */
  private <R> R write(K key, V arg, V arg2, long argExpiresAt, EntryComputation<K, V, R> op) {
    Objects.requireNonNull(key, "key");
    int hash = fingerprint(key);
    S3FifoShard<K, V> shard = shards[hash & shardMask];
    for (;;) {
      Node<K, V> node = shard.table.get(key, hash);
      if (node == null) {
        Node<K, V> fresh = Node.create(key, hash, weighted, expiring);
        synchronized (fresh) {
          Node<K, V> prior = shard.table.putIfAbsent(fresh);
          if (prior == null) {
            return writeHeld(shard, fresh, arg, arg2, argExpiresAt, op);
          }
          node = prior;
        }
      }
      synchronized (node) {
        if (node.tryPin()) {
          return writeHeld(shard, node, arg, arg2, argExpiresAt, op);
        }
      }
      // The node died between lookup and lock; its remover is dropping it from the table now.
      Thread.onSpinWait();
    }
  }

  private <R> R writeHeld(
      S3FifoShard<K, V> shard, Node<K, V> node, V arg, V arg2, long argExpiresAt,
      EntryComputation<K, V, R> op) {
    Removals<K, V> removals = null;
    R result;
    try {
      if (node.value != null && node.expiresAt() != NEVER) {
        long now = ticker.read();
        if (node.isExpired(now)) {
          removals = shard.unlinkToReserved(node, RemovalCause.EXPIRED);
        }
      }
      if (op == Operations.PUT) {
        // The commonest write decides nothing: it needs no Edit to record a decision.
        @SuppressWarnings("unchecked")
        R old = (R) node.value;
        result = old;
        removals = merge(removals, set(shard, node, arg, argExpiresAt));
      } else {
        Edit<K, V> edit = new Edit<>(ticker, node, arg, arg2, argExpiresAt);
        result = op.compute(edit);
        removals = merge(removals, apply(shard, node, edit));
      }
    } catch (RuntimeException | Error e) {
      try {
        Removals.notify(removals, removalListener);
      } catch (RuntimeException suppressed) {
        if (suppressed != e) {
          e.addSuppressed(suppressed);
        }
      } finally {
        release(shard, node);
      }
      throw e;
    }
    // The listener hears of this write's removals while the key is still held, so nobody can
    // write the key again (and be reported) before its removal is reported.
    try {
      Removals.notify(removals, removalListener);
    } finally {
      release(shard, node);
    }
    return result;
  }

  private Removals<K, V> apply(S3FifoShard<K, V> shard, Node<K, V> node, Edit<K, V> edit) {
    switch (edit.kind) {
      case Edit.SET -> {
        long expiresAt = edit.newExpiresAt();
        checkExpiry(expiresAt);
        return set(shard, node, edit.value(), expiresAt);
      }
      case Edit.REMOVE -> {
        return node.value == null ? null : shard.unlinkToReserved(node, RemovalCause.EXPLICIT);
      }
      case Edit.TOUCH -> {
        checkExpiry(edit.newExpiresAt());
        if (node.value != null) {
          setExpiry(shard, node, edit.newExpiresAt());
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** Gives the held node this value: links it if it has none, else replaces its value. */
  private Removals<K, V> set(S3FifoShard<K, V> shard, Node<K, V> node, V value, long expiresAt) {
    long weight = weigh(node.key, value);
    V old = node.value;
    if (old == null) {
      return shard.link(node, value, weight, expiresAt);
    }
    if (weight != node.weight()) {
      return shard.replace(node, value, weight, expiresAt);
    }
    // Same weight: nothing for the shard to account or evict, so no shard lock. The pin keeps
    // the evictor off this node, and only the pin holder writes its value and expiry.
    setExpiry(shard, node, expiresAt);
    node.value = value;
    return (reportedCauses & (1 << RemovalCause.REPLACED.ordinal())) == 0
        ? null
        : Removals.add(null, node.key, old, RemovalCause.REPLACED);
  }

  /**
   * Drops the caller's pin. The outermost writer of a node left without a value (never filled,
   * removed, expired, or too heavy) retires it and takes it out of the table.
   */
  private void release(S3FifoShard<K, V> shard, Node<K, V> node) {
    if (node.value == null && node.isOnlyPin()) {
      node.retirePinned();
      shard.table.remove(node);
    } else {
      node.unpin();
    }
  }

  private static <K, V> Removals<K, V> merge(Removals<K, V> first, Removals<K, V> second) {
    return first == null ? second : Removals.concat(first, second);
  }

  private long weigh(K key, V value) {
    long weight = weigher.weigh(key, value);
    if (weight < 0) {
      throw new IllegalArgumentException("the weigher returned a negative weight: " + weight);
    }
    if (weight > Node.MAX_WEIGHT) {
      throw new IllegalArgumentException("the weigher returned " + weight
          + ", more than the largest weight of one entry, " + Node.MAX_WEIGHT);
    }
    return weight;
  }

  /** Rejects an expiry time in a store built without {@link Builder#expiring()}. */
  private void checkExpiry(long expiresAt) {
    if (!expiring && expiresAt != NEVER) {
      throw new IllegalStateException(
          "this store was built without expiring(), so its entries cannot expire");
    }
  }

  /**
   * Sets the expiry time of the mapping behind a view from {@link #getEntry}, if that mapping is
   * still live. Meant for access-based expiry; it does not wait for a writer of the key.
   */
  public void setExpiresAt(StoreEntry<K, V> entry, long expiresAt) {
    Objects.requireNonNull(entry, "entry");
    if (!(entry instanceof Node<K, V> node)) {
      throw new IllegalArgumentException("not an entry of this store: " + entry);
    }
    checkExpiry(expiresAt);
    if (node.value != null && !node.isDead()) {
      setExpiry(shards[node.hash & shardMask], node, expiresAt);
    }
  }

  private static <K, V> void setExpiry(S3FifoShard<K, V> shard, Node<K, V> node, long expiresAt) {
    node.setExpiresAt(expiresAt);
    if (expiresAt != NEVER) {
      shard.markExpiring();
    }
  }

  /** Removes every mapping (cause {@code EXPLICIT}). */
  public void clear() {
    for (S3FifoShard<K, V> shard : shards) {
      Removals.notify(shard.clear(), removalListener);
    }
  }

  /** Removes every expired mapping now; returns how many were removed. */
  public int evictExpired() {
    int removed = 0;
    for (S3FifoShard<K, V> shard : shards) {
      removed += shard.evictExpired(removalListener);
    }
    return removed;
  }

  /** The number of resident mappings (expired ones not yet reclaimed included). */
  public long size() {
    long size = 0;
    for (S3FifoShard<K, V> shard : shards) {
      size += shard.entries();
    }
    return size;
  }

  /** The summed weight of the resident mappings. */
  public long weight() {
    long weight = 0;
    for (S3FifoShard<K, V> shard : shards) {
      weight += shard.weight();
    }
    return weight;
  }

  /** The configured maximum weight ({@code Long.MAX_VALUE} when unbounded). */
  public long capacity() {
    return capacity;
  }

  public int shardCount() {
    return shards.length;
  }

  /** The resident weight of each shard, for skew diagnostics. */
  public long[] shardWeights() {
    long[] weights = new long[shards.length];
    for (int i = 0; i < shards.length; i++) {
      weights[i] = shards[i].weight();
    }
    return weights;
  }

  /** The capacity of each shard; they sum to {@link #capacity()}. */
  public long[] shardCapacities() {
    long[] capacities = new long[shards.length];
    for (int i = 0; i < shards.length; i++) {
      capacities[i] = shards[i].capacity;
    }
    return capacities;
  }

  public Ticker ticker() {
    return ticker;
  }

  public StoreStats stats() {
    StoreStats sum =
        statsCounter == null
            ? new StoreStats(0, 0, 0, 0, 0, 0)
            : new StoreStats(statsCounter.hits.sum(), statsCounter.misses.sum(), 0, 0, 0, 0);
    for (S3FifoShard<K, V> shard : shards) {
      sum = shard.addStats(sum);
    }
    return sum;
  }

  /** A weakly consistent iterator over the live mappings; its {@code remove} is supported. */
  @Override
  public Iterator<StoreEntry<K, V>> iterator() {
    return new StoreIterator<>(this, shards);
  }

  /**
   * A bijective mix of the hash code: shard index from its low bits, ghost fingerprint whole. One
   * multiplication: a read computes it before anything else, and MurmurHash3's two-multiplication
   * finalizer cost reads about a tenth of their speed for no measurable gain in hit ratio.
   */
  static int fingerprint(Object key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    h ^= h >>> 16;
    return h;
  }

  /** Striped hit and miss counters, present only when statistics were asked for. */
  private static final class StatsCounter {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
  }

  /** Configures a {@link ShardedStore}. */
  public static final class Builder<K, V> {
    long maximumWeight = Long.MAX_VALUE;
    Weigher<? super K, ? super V> weigher;
    int shardCountHint;
    long expectedEntries;
    Ticker ticker = Ticker.system();
    RemovalListener<? super K, ? super V> removalListener;
    int removalCauses;
    boolean recordStats;
    boolean expiring;

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

    /** Tells the listener of every removal, whatever its cause. */
    public Builder<K, V> removalListener(RemovalListener<? super K, ? super V> listener) {
      return removalListener(listener, RemovalCause.values());
    }

    /**
     * Tells the listener only of removals with one of these causes. The store then does no work
     * at all for the others (a listener of evictions costs a plain replace nothing).
     */
    public Builder<K, V> removalListener(
        RemovalListener<? super K, ? super V> listener, RemovalCause... causes) {
      this.removalListener = Objects.requireNonNull(listener, "removalListener");
      int mask = 0;
      for (RemovalCause cause : causes) {
        mask |= 1 << Objects.requireNonNull(cause, "cause").ordinal();
      }
      this.removalCauses = mask;
      return this;
    }

    /**
     * Lets mappings expire: writes may then give an expiry time other than {@link #NEVER}, and
     * every entry carries one (8 bytes more each). A store built without it rejects such writes.
     */
    public Builder<K, V> expiring() {
      this.expiring = true;
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
