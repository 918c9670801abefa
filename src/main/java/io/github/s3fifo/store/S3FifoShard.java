package io.github.s3fifo.store;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One shard: its slice of the key space, its share of the capacity, and the S3-FIFO queues that
 * decide what leaves. Lookups go straight to {@link #table} with no lock. Every method here that
 * changes the queues takes the shard lock for a bounded time and runs no user code; the removals
 * it causes are returned, to be reported once the lock is released.
 */
final class S3FifoShard<K, V> {

  /** How many entries each write inspects for expiry as it passes, so expired ones do not pile up. */
  private static final int SWEEP_STEPS = 2;
  /** Small's share of the capacity, in thousandths: where it starts, its bounds, its step up. */
  static final int INITIAL_SMALL_SHARE = 100;
  static final int MIN_SMALL_SHARE = 10;
  static final int MAX_SMALL_SHARE = 200;
  static final int SHARE_UP = 9;
  /** The ghost remembers the last evictions from small up to this many times the entries. */
  static final int GHOST_HORIZON = 6;

  final NodeTable<K, V> table;
  final long capacity;

  private final ReentrantLock lock = new ReentrantLock();
  private final NodeQueue<K, V> small = new NodeQueue<>(Node.SMALL);
  private final NodeQueue<K, V> main = new NodeQueue<>(Node.MAIN);
  private final Ghost ghost;
  /** Null when the shard is unbounded: it never evicts, so it never asks. */
  private final FrequencySketch sketch;
  /** Small's share of the capacity in thousandths, moved by what small's heads turn out to be. */
  private int smallShareMilli = INITIAL_SMALL_SHARE;
  private long smallTarget;
  /** Main's target: what small's target leaves of the capacity. */
  private long mainTarget;
  private final Ticker ticker;
  /** The causes the listener asked for, as a bit set of {@code 1 << ordinal}; 0 without one. */
  private final int reportedCauses;

  // Guarded by lock; may pass capacity inside a locked section, between a write and its eviction.
  private long weight;
  private long entries;
  // What readers see: published as each locked section ends, so never above capacity at rest.
  private volatile long publishedWeight;
  private volatile long publishedEntries;
  private volatile boolean mayExpire;

  // Guarded by lock.
  private long evictions;
  private long evictedWeight;
  private long expirations;
  private long ghostHits;
  private Node<K, V> sweepCursor;
  private boolean sweepMainNext;
  /** Whether a small head has found main at its target since the shard was built or cleared. */
  private boolean mainFilled;

  S3FifoShard(
      long capacity, int expectedEntries, int shardBits, Ticker ticker, int reportedCauses) {
    this.capacity = capacity;
    this.reportedCauses = reportedCauses;
    setTargets();
    this.ghost = new Ghost(GHOST_HORIZON * (long) expectedEntries);
    this.sketch = capacity == Long.MAX_VALUE ? null : new FrequencySketch(expectedEntries);
    this.ticker = ticker;
    this.table = new NodeTable<>(expectedEntries, shardBits);
  }

  long weight() {
    return publishedWeight;
  }

  long entries() {
    return publishedEntries;
  }

  /** Ends a locked section: publishes the totals, then releases the lock. */
  private void unlock() {
    publishedWeight = weight;
    publishedEntries = entries;
    lock.unlock();
  }

  void markExpiring() {
    if (!mayExpire) {
      mayExpire = true;
    }
  }

  /**
   * Gives a reserved node (pinned by the caller, in the map, value {@code null}) its value and
   * links it, then evicts to capacity. A value heavier than the shard is not retained: the node
   * stays reserved and the value is reported evicted.
   */
  Removals<K, V> link(Node<K, V> node, V value, long nodeWeight, long expiresAt) {
    lock.lock();
    try {
      if (nodeWeight > capacity) {
        evictions++;
        evictedWeight += nodeWeight;
        return record(null, node.key, value, RemovalCause.SIZE);
      }
      // Was the key evicted recently? Asked before making room, which may push the ghost on.
      boolean recentlyEvicted = ghost.consume(node.hash);
      if (recentlyEvicted) {
        ghostHits++;
      }
      count(node.hash, 1);
      // A returning key joins main if main has room for it, or if it is more popular than the
      // entry main would evict; otherwise it has to prove itself in small again.
      boolean toMain = recentlyEvicted
          && (main.weight + nodeWeight <= mainTarget || beatsMainVictim(node));
      // Room first, as in the S3-FIFO paper: a new entry starts resident.
      Removals<K, V> removals = evictToCapacity(null, null, nodeWeight);
      node.setWeight(nodeWeight);
      node.setExpiresAt(expiresAt);
      node.setFreq(0);
      node.value = value;
      (toMain ? main : small).linkLast(node);
      weight += nodeWeight;
      entries++;
      if (sketch != null) {
        sketch.ensureWidth(entries);
      }
      if (expiresAt != ShardedStore.NEVER) {
        markExpiring();
      }
      if (weight > capacity) {
        // No room could be made: every other entry is held by a writer. The new one goes.
        removals = evictToCapacity(removals, node, 0);
      }
      return sweep(removals);
    } finally {
      unlock();
    }
  }

  /**
   * Replaces a linked node's value in place (queue, position and frequency kept) and evicts to
   * capacity. A value heavier than the shard unlinks the node, back to reserved.
   */
  Removals<K, V> replace(Node<K, V> node, V value, long nodeWeight, long expiresAt) {
    lock.lock();
    try {
      V old = node.value;
      Removals<K, V> removals = record(null, node.key, old, RemovalCause.REPLACED);
      if (nodeWeight > capacity) {
        unlinkLocked(node);
        node.value = null;
        evictions++;
        evictedWeight += nodeWeight;
        return record(removals, node.key, value, RemovalCause.SIZE);
      }
      long delta = nodeWeight - node.weight();
      queueOf(node).weight += delta;
      node.setWeight(nodeWeight);
      weight += delta;
      node.setExpiresAt(expiresAt);
      node.value = value;
      if (expiresAt != ShardedStore.NEVER) {
        markExpiring();
      }
      return sweep(evictToCapacity(removals, node, 0));
    } finally {
      unlock();
    }
  }

  /** Unlinks a linked node the caller has pinned, leaving it reserved (value {@code null}). */
  Removals<K, V> unlinkToReserved(Node<K, V> node, RemovalCause cause) {
    lock.lock();
    try {
      V old = node.value;
      unlinkLocked(node);
      node.value = null;
      if (cause == RemovalCause.EXPIRED) {
        expirations++;
      }
      return sweep(record(null, node.key, old, cause));
    } finally {
      unlock();
    }
  }

  /** Removes every unpinned entry (cause EXPLICIT) and forgets the ghost. */
  Removals<K, V> clear() {
    lock.lock();
    try {
      Removals<K, V> removals = null;
      for (NodeQueue<K, V> queue : new NodeQueue[] {small, main}) {
        for (Node<K, V> node = queue.head; node != null; ) {
          Node<K, V> next = node.next;
          if (node.tryRetire()) {
            removals = removeRetired(node, RemovalCause.EXPLICIT, removals);
          }
          node = next;
        }
      }
      ghost.clear();
      if (sketch != null) {
        sketch.clear();
      }
      mainFilled = false;
      smallShareMilli = INITIAL_SMALL_SHARE;
      setTargets();
      return removals;
    } finally {
      unlock();
    }
  }

  /**
   * Removes the expired, unpinned entries: scans the table without the lock, takes it per entry
   * found, and tells the listener once it is released. Returns how many were removed.
   */
  int evictExpired(RemovalListener<? super K, ? super V> listener) {
    if (!mayExpire) {
      return 0;
    }
    ExpiredSweep sweep = new ExpiredSweep(ticker.read());
    while (!table.forEachUnlessGrown(sweep)) {
      // The table grew meanwhile and may have hidden an entry from the walk: walk again.
    }
    Removals.notify(sweep.removals, listener);
    return sweep.removed;
  }

  /** Removes each expired, unpinned node it is shown, under the lock, one at a time. */
  private final class ExpiredSweep implements Consumer<Node<K, V>> {
    private final long now;
    int removed;
    Removals<K, V> removals;

    ExpiredSweep(long now) {
      this.now = now;
    }

    @Override
    public void accept(Node<K, V> node) {
      if (node.value == null || !node.isExpired(now) || node.isPinned()) {
        return;
      }
      lock.lock();
      try {
        if (node.queue() != Node.UNLINKED && node.isExpired(now) && node.tryRetire()) {
          expirations++;
          removed++;
          removals = removeRetired(node, RemovalCause.EXPIRED, removals);
        }
      } finally {
        unlock();
      }
    }
  }

  /** Adds a removal to the batch when the listener wants its cause; otherwise nothing to report. */
  private Removals<K, V> record(Removals<K, V> removals, K key, V value, RemovalCause cause) {
    return (reportedCauses & (1 << cause.ordinal())) != 0
        ? Removals.add(removals, key, value, cause)
        : removals;
  }

  StoreStats addStats(StoreStats sum) {
    lock.lock();
    try {
      return new StoreStats(
          sum.hits(),
          sum.misses(),
          sum.evictions() + evictions,
          sum.evictedWeight() + evictedWeight,
          sum.expirations() + expirations,
          sum.ghostHits() + ghostHits);
    } finally {
      unlock();
    }
  }

  /**
   * Evicts until the shard's weight plus {@code incoming} is within capacity. {@code writing} is
   * the linked entry whose write caused this: its writer is done deciding, so it is evictable like
   * any other entry, unless a re-entrant write of the same key still holds it.
   */
  private Removals<K, V> evictToCapacity(
      Removals<K, V> removals, Node<K, V> writing, long incoming) {
    long limit = capacity - incoming;
    if (weight <= limit) {
      return removals;
    }
    long now = mayExpire ? ticker.read() : 0;
    // Pinned entries are passed over, not evicted; the budget stops a shard whose every entry is
    // pinned from spinning. It is then over capacity until those writers finish.
    long budget = 4 * (small.count + main.count) + 16;
    while (weight > limit && budget-- > 0) {
      boolean preferSmall = main.isEmpty() || small.weight >= smallTarget;
      NodeQueue<K, V> first = preferSmall ? small : main;
      Node<K, V> node = first.head != null ? first.head : (preferSmall ? main : small).head;
      if (node == null) {
        break;
      }
      if (mayExpire && node.isExpired(now) && retire(node, writing)) {
        expirations++;
        removals = removeRetired(node, RemovalCause.EXPIRED, removals);
      } else if (node.queue() == Node.SMALL) {
        removals = processSmallHead(node, writing, removals);
      } else {
        removals = processMainHead(node, writing, removals);
      }
    }
    return removals;
  }

  /** Retires a node for eviction: any unpinned one, or the entry being written by its sole writer. */
  private static <K, V> boolean retire(Node<K, V> node, Node<K, V> writing) {
    if (node == writing) {
      if (!node.isOnlyPin()) {
        return false;
      }
      node.retirePinned();
      return true;
    }
    return node.tryRetire();
  }

  private Removals<K, V> processSmallHead(
      Node<K, V> node, Node<K, V> writing, Removals<K, V> removals) {
    int freq = node.freq();
    if (isHeld(node, writing)) {
      // Passed over, and it tells nothing of what small is worth.
      passToMain(node, freq);
      return removals;
    }
    if (freq > 0) {
      adjustSmallShare(true);
      passToMain(node, freq);
      return removals;
    }
    if (entersMainUnread(node)) {
      adjustSmallShare(false);
      passToMain(node, 0);
      return removals;
    }
    if (!retire(node, writing)) {
      passToMain(node, 0); // a writer came after all: passed over like a held entry
      return removals;
    }
    adjustSmallShare(false);
    evictions++;
    evictedWeight += node.weight();
    removals = removeRetired(node, RemovalCause.SIZE, removals);
    ghost.add(node.hash, entries);
    return removals;
  }

  /** Small's head goes to main's tail, counted {@code freq} times, its counter back to 0. */
  private void passToMain(Node<K, V> node, int freq) {
    count(node.hash, freq);
    moveToMainTail(node);
    node.setFreq(0);
  }

  /**
   * Moves small's share by what its head was: read while in small, small earned its room (up
   * {@value #SHARE_UP} thousandths); never read, it did not (down 1). Small thus settles where
   * about one head in ten was read, within 1% and 20%.
   */
  private void adjustSmallShare(boolean read) {
    smallShareMilli = read
        ? Math.min(MAX_SMALL_SHARE, smallShareMilli + SHARE_UP)
        : Math.max(MIN_SMALL_SHARE, smallShareMilli - 1);
    setTargets();
  }

  /** {@code S = max(1, C × share / 1000)}, without overflow; {@code M = C − S}. */
  private void setTargets() {
    long share = smallShareMilli;
    smallTarget = Math.max(1, capacity / 1000 * share + capacity % 1000 * share / 1000);
    mainTarget = capacity - smallTarget;
  }

  /**
   * Whether small's head, never read while in small, moves to main all the same: only while main
   * is filling for the first time. Afterwards such an entry never displaces anything in main, so
   * a one-time scan, however long, cannot flush it.
   */
  private boolean entersMainUnread(Node<K, V> node) {
    if (main.weight + node.weight() > mainTarget) {
      mainFilled = true;
    }
    return !mainFilled;
  }

  /** Whether the node is more popular than main's next victim (none: it is). */
  private boolean beatsMainVictim(Node<K, V> node) {
    Node<K, V> victim = mainVictim();
    return victim == null || morePopular(node, victim);
  }

  /** Popularity by the sketch; the incumbent wins ties and a one-count lead. */
  private boolean morePopular(Node<K, V> candidate, Node<K, V> victim) {
    return sketch == null
        || sketch.frequency(candidate.hash) > sketch.frequency(victim.hash) + 1;
  }

  /**
   * Advances main's head to the entry it would evict next: entries with a positive counter go to
   * the tail with the counter minus one, as an eviction step would move them, and so do entries
   * held by a writer. Returns that entry, or null if main is empty or every entry is held.
   */
  private Node<K, V> mainVictim() {
    long budget = 4 * main.count + 16;
    for (Node<K, V> node = main.head; node != null && budget-- > 0; node = main.head) {
      int freq = node.freq();
      if (freq == 0 && !node.isPinned()) {
        return node;
      }
      if (freq > 0) {
        node.setFreq(freq - 1);
        count(node.hash, 1);
      }
      moveToMainTail(node);
    }
    return null;
  }

  /** Whether a writer other than the one evicting holds the node (it cannot be evicted now). */
  private static <K, V> boolean isHeld(Node<K, V> node, Node<K, V> writing) {
    return node == writing ? !node.isOnlyPin() : node.isPinned();
  }

  /** Adds {@code times} occurrences of the fingerprint to the sketch. */
  private void count(int fingerprint, int times) {
    if (sketch != null) {
      for (int i = 0; i < times; i++) {
        sketch.increment(fingerprint);
      }
    }
  }

  private Removals<K, V> processMainHead(
      Node<K, V> node, Node<K, V> writing, Removals<K, V> removals) {
    int freq = node.freq();
    if (freq == 0 && retire(node, writing)) {
      evictions++;
      evictedWeight += node.weight();
      return removeRetired(node, RemovalCause.SIZE, removals);
    }
    if (freq > 0) {
      node.setFreq(freq - 1);
      count(node.hash, 1);
    }
    moveToMainTail(node);
    return removals;
  }

  private void moveToMainTail(Node<K, V> node) {
    unlinkFromQueue(node);
    main.linkLast(node);
  }

  /** Unlinks a node retired by this thread and drops it from the table. */
  private Removals<K, V> removeRetired(Node<K, V> node, RemovalCause cause, Removals<K, V> removals) {
    V value = node.value;
    unlinkLocked(node);
    node.value = null;
    table.remove(node);
    return record(removals, node.key, value, cause);
  }

  private void unlinkLocked(Node<K, V> node) {
    unlinkFromQueue(node);
    weight -= node.weight();
    entries--;
  }

  private void unlinkFromQueue(Node<K, V> node) {
    if (node == sweepCursor) {
      sweepCursor = node.next;
    }
    queueOf(node).unlink(node);
  }

  private NodeQueue<K, V> queueOf(Node<K, V> node) {
    return node.queue() == Node.SMALL ? small : main;
  }

  /** Inspects a few entries at a rotating cursor and removes those that have expired. */
  private Removals<K, V> sweep(Removals<K, V> removals) {
    if (!mayExpire) {
      return removals;
    }
    long now = ticker.read();
    for (int i = 0; i < SWEEP_STEPS; i++) {
      Node<K, V> node = sweepCursor;
      if (node == null) {
        sweepMainNext = !sweepMainNext;
        node = sweepMainNext ? main.head : small.head;
        if (node == null) {
          node = sweepMainNext ? small.head : main.head;
          if (node == null) {
            return removals;
          }
        }
      }
      sweepCursor = node.next;
      if (node.isExpired(now) && node.tryRetire()) {
        expirations++;
        removals = removeRetired(node, RemovalCause.EXPIRED, removals);
      }
    }
    return removals;
  }
}
