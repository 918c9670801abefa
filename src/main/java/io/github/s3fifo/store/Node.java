package io.github.s3fifo.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One mapping, and at the same time the entry of its shard's hash table ({@link NodeTable}) and of
 * one of its S3-FIFO queues. Its monitor is the key's lock: writers of the key hold it while they
 * decide and apply a change, and hold a <em>pin</em> meanwhile, which the evictor respects. The
 * evictor never takes a monitor; it retires an unpinned node with one CAS on {@code state}, so a
 * writer stuck in user code can neither block nor be undercut by eviction.
 *
 * <p>Memory decides the layout: this base class is the node of a store that counts entries and
 * never expires them, 40 bytes with compressed references. Weight and expiry time live in
 * subclasses, made only by stores that need them ({@link #create}), and the queue and 2-bit
 * frequency share the {@code state} word with the pin count.
 */
class Node<K, V> implements StoreEntry<K, V> {

  static final int UNLINKED = 0;
  static final int SMALL = 1;
  static final int MAIN = 2;

  /** The largest weight one entry may have. */
  static final long MAX_WEIGHT = Integer.MAX_VALUE;

  // The state word: pins in the low 24 bits, then a dead flag, the frequency and the queue.
  private static final int PINS = (1 << 24) - 1;
  private static final int DEAD = 1 << 24;
  private static final int FREQ_SHIFT = 25;
  private static final int FREQ_ONE = 1 << FREQ_SHIFT;
  private static final int FREQ_MASK = 3 << FREQ_SHIFT;
  private static final int QUEUE_SHIFT = 27;
  private static final int QUEUE_MASK = 3 << QUEUE_SHIFT;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Node.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final K key;
  final int hash;

  /** The live value; {@code null} while reserved for a computation or once removed. */
  volatile V value;

  /** Pins, dead flag, frequency (0..3) and queue; see the constants above. */
  private volatile int state;

  /** The next node of the same table bin: written under the table's lock, read without one. */
  volatile Node<K, V> hashNext;

  // Guarded by the shard lock.
  Node<K, V> prev;
  Node<K, V> next;

  /** A node created pinned, by the writer that is about to publish it. */
  Node(K key, int hash) {
    this.key = key;
    this.hash = hash;
    this.state = 1;
  }

  /** A pinned node of the layout a store needs: weighed or not, expiring or not. */
  static <K, V> Node<K, V> create(K key, int hash, boolean weighted, boolean expiring) {
    if (weighted) {
      return expiring ? new WeightedExpiringNode<>(key, hash) : new WeightedNode<>(key, hash);
    }
    return expiring ? new ExpiringNode<>(key, hash) : new Node<>(key, hash);
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public long getExpiresAt() {
    return expiresAt();
  }

  @Override
  public long getWeight() {
    return weight();
  }

  /** The expiry time; always {@link ShardedStore#NEVER} in a store without expiry. */
  long expiresAt() {
    return ShardedStore.NEVER;
  }

  void setExpiresAt(long expiresAt) {
    if (expiresAt != ShardedStore.NEVER) {
      throw new IllegalStateException("the store was built without expiring(); cannot expire");
    }
  }

  /** The weight; always 1 in a store that counts entries. Guarded by the shard lock. */
  long weight() {
    return 1;
  }

  void setWeight(long weight) {
    if (weight != 1) {
      throw new IllegalStateException("an entry of a store counting entries weighs 1, not " + weight);
    }
  }

  boolean isExpired(long now) {
    long at = expiresAt();
    return at != ShardedStore.NEVER && now - at >= 0;
  }

  boolean isDead() {
    return (state & DEAD) != 0;
  }

  boolean isPinned() {
    return (state & PINS) != 0;
  }

  /** True when the caller's pin is the only one (no re-entrant write of the key is under way). */
  boolean isOnlyPin() {
    return (state & PINS) == 1;
  }

  /** Pins a node that is not dead; the caller holds the monitor. */
  boolean tryPin() {
    for (;;) {
      int s = state;
      if ((s & DEAD) != 0) {
        return false;
      }
      if (STATE.compareAndSet(this, s, s + 1)) {
        return true;
      }
    }
  }

  void unpin() {
    for (;;) {
      int s = state;
      if ((s & PINS) == 0 || STATE.compareAndSet(this, s, s - 1)) {
        return;
      }
    }
  }

  /** Retires an unpinned node; fails if a writer holds it or it is already dead. */
  boolean tryRetire() {
    for (;;) {
      int s = state;
      if ((s & (PINS | DEAD)) != 0) {
        return false;
      }
      if (STATE.compareAndSet(this, s, s | DEAD)) {
        return true;
      }
    }
  }

  /** Retires a node whose pin the caller holds. */
  void retirePinned() {
    for (;;) {
      int s = state;
      if (STATE.compareAndSet(this, s, (s & ~PINS) | DEAD)) {
        return;
      }
    }
  }

  /** The S3-FIFO frequency, 0..3. */
  int freq() {
    return (state & FREQ_MASK) >>> FREQ_SHIFT;
  }

  /**
   * Counts a read, racing with other readers: one attempt, and a lost bump is fine (the counter
   * is a hint). Writes nothing once the counter is saturated.
   */
  void bumpFrequency() {
    int s = state;
    if ((s & FREQ_MASK) != FREQ_MASK) {
      STATE.weakCompareAndSet(this, s, s + FREQ_ONE);
    }
  }

  /** Sets the frequency; the caller holds the shard lock (readers may still bump it). */
  void setFreq(int freq) {
    setBits(FREQ_MASK, freq << FREQ_SHIFT);
  }

  /** The queue the node is linked in: {@link #UNLINKED}, {@link #SMALL} or {@link #MAIN}. */
  int queue() {
    return (state & QUEUE_MASK) >>> QUEUE_SHIFT;
  }

  void setQueue(int queue) {
    setBits(QUEUE_MASK, queue << QUEUE_SHIFT);
  }

  private void setBits(int mask, int bits) {
    for (;;) {
      int s = state;
      if ((s & mask) == bits || STATE.compareAndSet(this, s, (s & ~mask) | bits)) {
        return;
      }
    }
  }

  /** The node of a store bounded by a weigher: 4 bytes more. */
  static class WeightedNode<K, V> extends Node<K, V> {
    private int weight;

    WeightedNode(K key, int hash) {
      super(key, hash);
    }

    @Override
    final long weight() {
      return weight;
    }

    @Override
    final void setWeight(long weight) {
      // The store rejects heavier entries before they get here.
      this.weight = (int) weight;
    }
  }

  /** The node of an expiring store counting entries: 8 bytes more. */
  static final class ExpiringNode<K, V> extends Node<K, V> {
    private volatile long expiresAt = ShardedStore.NEVER;

    ExpiringNode(K key, int hash) {
      super(key, hash);
    }

    @Override
    long expiresAt() {
      return expiresAt;
    }

    @Override
    void setExpiresAt(long expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  /** The node of an expiring store bounded by a weigher. */
  static final class WeightedExpiringNode<K, V> extends WeightedNode<K, V> {
    private volatile long expiresAt = ShardedStore.NEVER;

    WeightedExpiringNode(K key, int hash) {
      super(key, hash);
    }

    @Override
    long expiresAt() {
      return expiresAt;
    }

    @Override
    void setExpiresAt(long expiresAt) {
      this.expiresAt = expiresAt;
    }
  }
}
