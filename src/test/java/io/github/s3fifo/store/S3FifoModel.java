package io.github.s3fifo.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * A reference model of one shard's policy, written from the text of {@code package-info.java}
 * alone: small/main FIFOs of entries with a 0..3 counter, and a ghost FIFO of fingerprints with a
 * count per fingerprint. Integer keys stand for their own fingerprints (see the test).
 */
final class S3FifoModel {

  /** A removal the store must report, in the order the policy produces it. */
  record Event(int key, int value, RemovalCause cause) {}

  private static final class Node {
    final int key;
    int value;
    long weight;
    int freq;
    boolean inMain;

    Node(int key, int value, long weight) {
      this.key = key;
      this.value = value;
      this.weight = weight;
    }
  }

  private final long capacity;
  private final long smallTarget;
  private final long ghostFloor;
  private final ToLongBiFunction<Integer, Integer> weigher;

  private final Map<Integer, Node> entries = new HashMap<>();
  private final ArrayDeque<Node> small = new ArrayDeque<>();
  private final ArrayDeque<Node> main = new ArrayDeque<>();
  private final ArrayDeque<Integer> ghost = new ArrayDeque<>();
  private final Map<Integer, Integer> ghostCounts = new HashMap<>();
  private long smallWeight;
  private long mainWeight;
  private long ghostHits;
  private final List<Event> events = new ArrayList<>();

  /** One shard of capacity {@code capacity}; {@code expectedEntries} for a single shard. */
  S3FifoModel(long capacity, long expectedEntries, ToLongBiFunction<Integer, Integer> weigher) {
    this.capacity = capacity;
    this.smallTarget = Math.max(1, capacity / 10);
    this.ghostFloor = Math.max(16, expectedEntries);
    this.weigher = weigher;
  }

  // ---- operations, returning what the store's method returns ----

  Integer get(int key) {
    Node n = entries.get(key);
    if (n == null) {
      return null;
    }
    n.freq = Math.min(3, n.freq + 1);
    return n.value;
  }

  Integer peek(int key) {
    Node n = entries.get(key);
    return n == null ? null : n.value;
  }

  Integer put(int key, int value) {
    Node n = entries.get(key);
    Integer old = n == null ? null : n.value;
    write(key, value, n);
    return old;
  }

  Integer putIfAbsent(int key, int value) {
    Node n = entries.get(key);
    if (n != null) {
      return n.value;
    }
    write(key, value, null);
    return null;
  }

  Integer replace(int key, int value) {
    Node n = entries.get(key);
    if (n == null) {
      return null;
    }
    int old = n.value;
    write(key, value, n);
    return old;
  }

  boolean replace(int key, int oldValue, int newValue) {
    Node n = entries.get(key);
    if (n == null || n.value != oldValue) {
      return false;
    }
    write(key, newValue, n);
    return true;
  }

  Integer remove(int key) {
    Node n = entries.get(key);
    if (n == null) {
      return null;
    }
    unlink(n);
    events.add(new Event(key, n.value, RemovalCause.EXPLICIT));
    return n.value;
  }

  // ---- observations ----

  Map<Integer, Integer> contents() {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (Node n : entries.values()) {
      out.put(n.key, n.value);
    }
    return out;
  }

  long weight() {
    return smallWeight + mainWeight;
  }

  long size() {
    return entries.size();
  }

  long ghostHits() {
    return ghostHits;
  }

  /** The removals produced since the last call. */
  List<Event> drainEvents() {
    List<Event> out = new ArrayList<>(events);
    events.clear();
    return out;
  }

  // ---- the policy ----

  /** Writes a value for the key; {@code existing} is its current entry or null. */
  private void write(int key, int value, Node existing) {
    long w = weigher.applyAsLong(key, value);
    if (w > capacity) {
      // Not retained: reported evicted; an old value it replaced is reported REPLACED.
      if (existing != null) {
        unlink(existing);
        events.add(new Event(key, existing.value, RemovalCause.REPLACED));
      }
      events.add(new Event(key, value, RemovalCause.SIZE));
      return;
    }
    if (existing != null) {
      // Same queue, position and counter; only the weight changes.
      events.add(new Event(key, existing.value, RemovalCause.REPLACED));
      existing.value = value;
      if (existing.inMain) {
        mainWeight += w - existing.weight;
      } else {
        smallWeight += w - existing.weight;
      }
      existing.weight = w;
    } else {
      // A new entry: the ghost is asked first (was the key evicted recently?), then room is
      // made, then it is linked.
      boolean ghostHit = ghostCounts.getOrDefault(key, 0) > 0;
      if (ghostHit) {
        ghostCounts.put(key, 0);
        ghostHits++;
      }
      while (weight() + w > capacity) {
        evictionStep();
      }
      Node n = new Node(key, value, w);
      entries.put(key, n);
      if (ghostHit) {
        n.inMain = true;
        main.addLast(n);
        mainWeight += w;
      } else {
        small.addLast(n);
        smallWeight += w;
      }
    }
    while (weight() > capacity) {
      evictionStep();
    }
  }

  private void evictionStep() {
    boolean fromSmall = smallWeight >= smallTarget || main.isEmpty();
    if (fromSmall && small.isEmpty()) {
      fromSmall = false;
    } else if (!fromSmall && main.isEmpty()) {
      fromSmall = true;
    }
    if (fromSmall) {
      Node n = small.pollFirst();
      if (n.freq > 0) {
        n.freq = 0;
        n.inMain = true;
        smallWeight -= n.weight;
        mainWeight += n.weight;
        main.addLast(n);
      } else {
        smallWeight -= n.weight;
        entries.remove(n.key);
        events.add(new Event(n.key, n.value, RemovalCause.SIZE));
        addToGhost(n.key);
      }
    } else {
      Node n = main.pollFirst();
      if (n.freq > 0) {
        n.freq--;
        main.addLast(n);
      } else {
        mainWeight -= n.weight;
        entries.remove(n.key);
        events.add(new Event(n.key, n.value, RemovalCause.SIZE));
      }
    }
  }

  private void addToGhost(int fingerprint) {
    ghost.addLast(fingerprint);
    ghostCounts.merge(fingerprint, 1, Integer::sum);
    long bound = Math.max(ghostFloor, entries.size());
    while (ghost.size() > bound) {
      int oldest = ghost.pollFirst();
      int count = ghostCounts.getOrDefault(oldest, 0);
      if (count > 0) {
        ghostCounts.put(oldest, count - 1);
      }
    }
  }

  private void unlink(Node n) {
    entries.remove(n.key);
    if (n.inMain) {
      main.remove(n);
      mainWeight -= n.weight;
    } else {
      small.remove(n);
      smallWeight -= n.weight;
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("small=[");
    for (Node n : small) {
      sb.append(n.key).append('/').append(n.weight).append("f").append(n.freq).append(' ');
    }
    sb.append("] main=[");
    for (Node n : main) {
      sb.append(n.key).append('/').append(n.weight).append("f").append(n.freq).append(' ');
    }
    sb.append("] ghost=").append(ghost).append(" counts=");
    Map<Integer, Integer> live = new HashMap<>();
    ghostCounts.forEach((k, v) -> {
      if (v > 0) {
        live.put(k, v);
      }
    });
    sb.append(live);
    return sb.append(" weight=").append(weight()).append('/').append(capacity).toString();
  }
}
