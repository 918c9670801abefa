package io.github.s3fifo.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A shard's hash table, whose entries are the nodes themselves (chained through
 * {@link Node#hashNext}): one object per mapping, and one dependent load fewer on a read than a
 * map of nodes. Lookups take no lock; insertions, removals and growth take this table's monitor,
 * briefly, and run no user code but the keys' {@code equals}.
 *
 * <p>A reader may walk a chain while it changes. An insertion goes to the head of a bin, and a
 * removed node keeps its successor, so a reader standing on it walks on; both make a concurrent
 * miss correct. Only growth moves nodes between chains, which could hide a present key from a
 * reader: growth makes {@link #resizes} odd for its duration and replaces {@link #bins} before
 * making it even again, and a miss that then finds it odd or the bins replaced is retried.
 */
final class NodeTable<K, V> {

  private static final VarHandle BINS = MethodHandles.arrayElementVarHandle(Node[].class);
  private static final int MAX_LENGTH = 1 << 30;

  /** The shard index takes a hash's low bits; bins take the bits above them. */
  private final int shardBits;

  private volatile Node<K, V>[] bins;
  /** Odd while growth is relinking nodes; every growth adds 2. */
  private volatile int resizes;
  /** Guarded by this. */
  private int count;

  /** A table of at least {@code expected} bins (one per expected node, at most). */
  NodeTable(long expected, int shardBits) {
    this.shardBits = shardBits;
    this.bins = newBins(lengthFor(expected));
  }

  static int lengthFor(long expected) {
    long wanted = Math.max(16, Math.min(MAX_LENGTH, expected));
    return (int) Long.highestOneBit(wanted - 1) << 1;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Node<K, V>[] newBins(int length) {
    return (Node<K, V>[]) new Node<?, ?>[length];
  }

  private int index(int hash, int length) {
    return Integer.rotateRight(hash, shardBits) & (length - 1);
  }

  int length() {
    return bins.length;
  }

  /** The node of an equal key, live, reserved or just retired; {@code null} if none. */
  @SuppressWarnings("unchecked")
  Node<K, V> get(Object key, int hash) {
    Node<K, V>[] tab = bins;
    Node<K, V> node = (Node<K, V>) BINS.getAcquire(tab, index(hash, tab.length));
    while (node != null) {
      if (node.hash == hash && (node.key == key || key.equals(node.key))) {
        return node;
      }
      node = node.hashNext;
    }
    // A miss while nodes moved may be false. A walk that crossed a link growth rewrote (links are
    // volatile) then sees growth under way or, read after it, the new bins: ask again under the
    // lock, waiting for the mover. A hit needs neither read.
    return (resizes & 1) == 0 && bins == tab ? null : lockedGet(key, hash);
  }

  @SuppressWarnings("unchecked")
  private synchronized Node<K, V> lockedGet(Object key, int hash) {
    Node<K, V>[] tab = bins;
    for (Node<K, V> node = tab[index(hash, tab.length)]; node != null; node = node.hashNext) {
      if (node.hash == hash && (node.key == key || key.equals(node.key))) {
        return node;
      }
    }
    return null;
  }

  /** Inserts the node unless one of an equal key is present; returns that one, else null. */
  @SuppressWarnings("unchecked")
  synchronized Node<K, V> putIfAbsent(Node<K, V> fresh) {
    Node<K, V>[] tab = bins;
    int i = index(fresh.hash, tab.length);
    Node<K, V> head = (Node<K, V>) BINS.getAcquire(tab, i);
    for (Node<K, V> node = head; node != null; node = node.hashNext) {
      if (node.hash == fresh.hash && (node.key == fresh.key || fresh.key.equals(node.key))) {
        return node;
      }
    }
    fresh.hashNext = head;
    BINS.setRelease(tab, i, fresh);
    if (++count > tab.length && tab.length < MAX_LENGTH) {
      grow(tab);
    }
    return null;
  }

  /** Removes this very node if it is in the table. */
  @SuppressWarnings("unchecked")
  synchronized void remove(Node<K, V> target) {
    Node<K, V>[] tab = bins;
    int i = index(target.hash, tab.length);
    Node<K, V> prev = null;
    for (Node<K, V> node = (Node<K, V>) BINS.getAcquire(tab, i); node != null;
        node = node.hashNext) {
      if (node == target) {
        // The removed node keeps its successor: a reader standing on it walks on.
        if (prev == null) {
          BINS.setRelease(tab, i, node.hashNext);
        } else {
          prev.hashNext = node.hashNext;
        }
        count--;
        return;
      }
      prev = node;
    }
  }

  synchronized int size() {
    return count;
  }

  /**
   * Doubles the bins. Each node moves to the head of its new bin, old bins emptied from their
   * heads, so a moved node only ever points at moved nodes: a reader caught in the middle never
   * loops, and {@link #resizes} tells it to look again.
   */
  @SuppressWarnings("unchecked")
  private void grow(Node<K, V>[] tab) {
    Node<K, V>[] grown = newBins(tab.length << 1);
    resizes++; // odd: nodes are moving
    for (int i = 0; i < tab.length; i++) {
      Node<K, V> node = (Node<K, V>) BINS.getAcquire(tab, i);
      while (node != null) {
        Node<K, V> next = node.hashNext;
        int j = index(node.hash, grown.length);
        node.hashNext = grown[j];
        grown[j] = node;
        node = next;
      }
    }
    bins = grown;
    resizes++; // even: settled
  }

  /**
   * Passes each node to the action, without a lock and without copying, and returns true if the
   * walk saw every node present throughout exactly once. False means growth raced it: nodes may
   * have been missed or seen twice, and the caller walks again if that matters.
   */
  @SuppressWarnings("unchecked")
  boolean forEachUnlessGrown(Consumer<Node<K, V>> action) {
    int stamp = resizes;
    Node<K, V>[] tab = bins;
    for (int i = 0; i < tab.length; i++) {
      for (Node<K, V> node = (Node<K, V>) BINS.getAcquire(tab, i); node != null;
          node = node.hashNext) {
        action.accept(node);
      }
    }
    return (stamp & 1) == 0 && stamp == resizes;
  }

  /**
   * The nodes in the table at some moment during the call, weakly consistent: a node present
   * throughout is included exactly once, unless growth raced the walk, which is then repeated.
   */
  @SuppressWarnings("unchecked")
  List<Node<K, V>> snapshot() {
    for (int attempt = 0; attempt < 3; attempt++) {
      int stamp = resizes;
      if ((stamp & 1) == 0) {
        List<Node<K, V>> nodes = new ArrayList<>();
        Node<K, V>[] tab = bins;
        for (int i = 0; i < tab.length; i++) {
          for (Node<K, V> node = (Node<K, V>) BINS.getAcquire(tab, i); node != null;
              node = node.hashNext) {
            nodes.add(node);
          }
        }
        if (stamp == resizes) {
          return nodes;
        }
      }
      Thread.onSpinWait();
    }
    synchronized (this) {
      List<Node<K, V>> nodes = new ArrayList<>(count);
      for (Node<K, V> head : bins) {
        for (Node<K, V> node = head; node != null; node = node.hashNext) {
          nodes.add(node);
        }
      }
      return nodes;
    }
  }
}
