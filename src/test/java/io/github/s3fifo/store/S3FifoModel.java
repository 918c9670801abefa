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
 * alone: small/main FIFOs of entries with a 0..3 counter, small's share moved by its heads, a
 * ghost of tags and stamps in buckets of eight, and a count-min sketch kept as plain int arrays.
 * The ghost and the sketch need the fingerprint's bits, computed here as the text defines them.
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
  private int shareMilli = 100;
  private long smallTarget;
  private long mainTarget;
  private final Ghost ghost;
  private final Sketch sketch;
  private boolean mainFilled;
  private final ToLongBiFunction<Integer, Integer> weigher;

  private final Map<Integer, Node> entries = new HashMap<>();
  private final ArrayDeque<Node> small = new ArrayDeque<>();
  private final ArrayDeque<Node> main = new ArrayDeque<>();
  private long smallWeight;
  private long mainWeight;
  private long ghostHits;
  private final List<Event> events = new ArrayList<>();

  /** One shard of capacity {@code capacity}; {@code expectedEntries} for a single shard. */
  S3FifoModel(long capacity, long expectedEntries, ToLongBiFunction<Integer, Integer> weigher) {
    this.capacity = capacity;
    retarget();
    this.ghost = new Ghost(Math.max(16, 6 * expectedEntries));
    this.sketch = new Sketch(Math.max(16, expectedEntries));
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
      boolean ghostHit = ghost.lookUp(fingerprint(key));
      if (ghostHit) {
        ghostHits++;
      }
      sketch.count(key);
      boolean toMain = ghostHit && (mainWeight + w <= mainTarget || beatsVictim(key));
      while (weight() + w > capacity) {
        evictionStep();
      }
      Node n = new Node(key, value, w);
      entries.put(key, n);
      sketch.widenFor(entries.size());
      if (toMain) {
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
      smallWeight -= n.weight;
      boolean toMain;
      if (n.freq > 0) {
        for (int i = 0; i < n.freq; i++) {
          sketch.count(n.key);
        }
        toMain = true;
        shareMilli = Math.min(200, shareMilli + 9);
      } else {
        if (mainWeight + n.weight > mainTarget) {
          mainFilled = true;
        }
        toMain = !mainFilled;
        shareMilli = Math.max(10, shareMilli - 1);
      }
      retarget();
      if (toMain) {
        n.freq = 0;
        n.inMain = true;
        mainWeight += n.weight;
        main.addLast(n);
      } else {
        entries.remove(n.key);
        events.add(new Event(n.key, n.value, RemovalCause.SIZE));
        ghost.remember(fingerprint(n.key), entries.size());
      }
    } else {
      Node n = main.pollFirst();
      if (n.freq > 0) {
        n.freq--;
        sketch.count(n.key);
        main.addLast(n);
      } else {
        mainWeight -= n.weight;
        entries.remove(n.key);
        events.add(new Event(n.key, n.value, RemovalCause.SIZE));
      }
    }
  }

  /** Seeks main's victim (advancing main) and tells whether the candidate beats it. */
  private boolean beatsVictim(int candidate) {
    while (!main.isEmpty() && main.peekFirst().freq > 0) {
      Node head = main.pollFirst();
      sketch.count(head.key);
      head.freq--;
      main.addLast(head);
    }
    Node victim = main.peekFirst();
    if (victim == null) {
      return true;
    }
    return sketch.estimate(candidate) > sketch.estimate(victim.key) + 1;
  }

  /** Small's target from its share of the capacity, main's from what is left. */
  private void retarget() {
    smallTarget = Math.max(1, Math.floorDiv(capacity, 1000) * shareMilli
        + Math.floorMod(capacity, 1000) * shareMilli / 1000);
    mainTarget = capacity - smallTarget;
  }

  /** The ghost of the text: horizon H, buckets of 8 slots, a slot empty or a tag and a stamp. */
  private static final class Ghost {
    private long horizon;
    private long bucketCount;
    private int unitBits;
    private long additions;
    private int[] tags; // 0 = empty
    private int[] stamps;

    Ghost(long horizon) {
      resize(horizon);
    }

    private void resize(long h) {
      horizon = h;
      bucketCount = (long) Math.ceil(1.25 * h / 8);
      unitBits = Math.max(0, Long.toBinaryString(h).length() - 10);
      tags = new int[(int) (8 * bucketCount)];
      stamps = new int[tags.length];
    }

    private int firstSlot(int f) {
      long spread = Integer.toUnsignedLong(f * 0x9E3779B9);
      return (int) (spread * bucketCount >>> 32) * 8;
    }

    private static int tag(int f) {
      int t = (f >>> 8) % (1 << 20);
      return t == 0 ? 1 : t;
    }

    private int now() {
      return (int) ((additions >> unitBits) % 4096);
    }

    private long age(int slot) {
      return tags[slot] == 0 ? Long.MAX_VALUE
          : (long) Math.floorMod(now() - stamps[slot], 4096) << unitBits;
    }

    void remember(int f, long live) {
      if (6 * live > horizon) {
        resize(Math.max(6 * live, horizon + horizon / 2));
      }
      int first = firstSlot(f);
      int chosen = -1;
      for (int i = first; i < first + 8 && chosen < 0; i++) {
        if (tags[i] == tag(f)) {
          chosen = i;
        }
      }
      if (chosen < 0) {
        chosen = first;
        for (int i = first + 1; i < first + 8; i++) {
          if (age(i) > age(chosen)) {
            chosen = i;
          }
        }
      }
      tags[chosen] = tag(f);
      stamps[chosen] = now();
      additions++;
    }

    boolean lookUp(int f) {
      int first = firstSlot(f);
      for (int i = first; i < first + 8; i++) {
        if (tags[i] == tag(f)) {
          boolean young = age(i) <= horizon;
          tags[i] = 0;
          return young;
        }
      }
      return false;
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

  /** The fingerprint as the policy text defines it: the hash code through its one-multiply mix. */
  static int fingerprint(int key) {
    int h = Integer.hashCode(key);
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    h ^= h >>> 16;
    return h;
  }

  /** The sketch of the text: 4 rows of W counters 0..15, halved every 10 W counted raises. */
  private static final class Sketch {
    private static final long[] K = {0x9E3779B9L, 0x85EBCA6BL, 0xC2B2AE35L, 0x27D4EB2FL};
    private static final long MAX_WIDTH = 1L << 26;

    private int[][] rows;
    private long width;
    private long count;

    Sketch(long atLeast) {
      setWidth(atLeast);
    }

    private void setWidth(long atLeast) {
      width = 16;
      while (width < atLeast && width < MAX_WIDTH) {
        width *= 2;
      }
      rows = new int[4][(int) width];
      count = 0;
    }

    void widenFor(long liveEntries) {
      if (liveEntries > width && width < MAX_WIDTH) {
        setWidth(liveEntries);
      }
    }

    private int index(int key, int row) {
      long product = (Integer.toUnsignedLong(fingerprint(key)) * K[row]) & 0xFFFF_FFFFL;
      return (int) (product >>> (32 - Long.numberOfTrailingZeros(width)));
    }

    void count(int key) {
      boolean raised = false;
      for (int r = 0; r < 4; r++) {
        int i = index(key, r);
        if (rows[r][i] < 15) {
          rows[r][i]++;
          raised = true;
        }
      }
      if (raised && ++count == 10 * width) {
        for (int[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            row[i] /= 2;
          }
        }
        count /= 2;
      }
    }

    int estimate(int key) {
      int min = Integer.MAX_VALUE;
      for (int r = 0; r < 4; r++) {
        min = Math.min(min, rows[r][index(key, r)]);
      }
      return min;
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
    sb.append("] share=").append(shareMilli);
    return sb.append(" weight=").append(weight()).append('/').append(capacity).toString();
  }
}
