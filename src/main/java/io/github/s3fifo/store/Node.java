package io.github.s3fifo.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One mapping. Its monitor is the key's lock: writers of the key hold it while they decide and
 * apply a change, and hold a <em>pin</em> meanwhile, which the evictor respects. The evictor never
 * takes a monitor; it retires an unpinned node with one CAS on {@code state}, so a writer stuck in
 * user code can neither block nor be undercut by eviction.
 */
final class Node<K, V> implements StoreEntry<K, V> {

  static final int DEAD = -1;
  static final byte UNLINKED = 0;
  static final byte SMALL = 1;
  static final byte MAIN = 2;

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

  volatile long expiresAt = ShardedStore.NEVER;

  /** {@link #DEAD}, 0 (evictable), or the number of pins held by the key's writer. */
  private volatile int state;

  // Guarded by the shard lock.
  long weight;
  Node<K, V> prev;
  Node<K, V> next;
  byte queue = UNLINKED;

  /** The S3-FIFO frequency, 0..3. Written racily by readers: it is a hint, a lost bump is fine. */
  byte freq;

  /** A node created pinned, by the writer that is about to publish it. */
  Node(K key, int hash) {
    this.key = key;
    this.hash = hash;
    this.state = 1;
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
    return expiresAt;
  }

  @Override
  public long getWeight() {
    return weight;
  }

  boolean isExpired(long now) {
    long at = expiresAt;
    return at != ShardedStore.NEVER && now - at >= 0;
  }

  boolean isDead() {
    return state == DEAD;
  }

  boolean isPinned() {
    return state > 0;
  }

  /** True when the caller's pin is the only one (no re-entrant write of the key is under way). */
  boolean isOnlyPin() {
    return state == 1;
  }

  /** Pins a node that is not dead; the caller holds the monitor. */
  boolean tryPin() {
    for (;;) {
      int s = state;
      if (s == DEAD) {
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
      if (s <= 0 || STATE.compareAndSet(this, s, s - 1)) {
        return;
      }
    }
  }

  /** Retires an unpinned node; fails if a writer holds it or it is already dead. */
  boolean tryRetire() {
    return STATE.compareAndSet(this, 0, DEAD);
  }

  /** Retires a node whose pin the caller holds. */
  void retirePinned() {
    state = DEAD;
  }

  void bumpFrequency() {
    if (freq < 3) {
      freq++;
    }
  }
}
