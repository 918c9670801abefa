package io.github.s3fifo.store;

import java.util.Arrays;

/**
 * The ghost: a FIFO of the fingerprints of keys evicted from the small queue, with a count per
 * fingerprint. Ints only (a ring and an open-addressed table), so remembering an evicted key
 * costs about 12 bytes and never retains the key itself. Guarded by the shard lock.
 */
final class GhostQueue {

  private static final int EMPTY = 0;

  private int[] ring = new int[16];
  private int head;
  private int length;

  // Open addressing, linear probing, backward-shift deletion. Fingerprint 0 is kept aside.
  private int[] keys = new int[32];
  private int[] counts = new int[32];
  private int used;
  private int zeroCount;

  int length() {
    return length;
  }

  /** Appends a fingerprint, then drops the oldest until at most {@code limit} remain. */
  void add(int fingerprint, int limit) {
    if (length == ring.length) {
      growRing();
    }
    ring[(head + length) & (ring.length - 1)] = fingerprint;
    length++;
    increment(fingerprint);
    while (length > limit) {
      int oldest = ring[head];
      head = (head + 1) & (ring.length - 1);
      length--;
      decrementIfPositive(oldest);
    }
  }

  /** If the fingerprint is remembered, forgets it (count to zero) and returns true. */
  boolean consume(int fingerprint) {
    if (fingerprint == EMPTY) {
      boolean had = zeroCount > 0;
      zeroCount = 0;
      return had;
    }
    int slot = find(fingerprint);
    if (slot < 0) {
      return false;
    }
    delete(slot);
    return true;
  }

  void clear() {
    head = 0;
    length = 0;
    Arrays.fill(keys, EMPTY);
    Arrays.fill(counts, 0);
    used = 0;
    zeroCount = 0;
  }

  private void increment(int fingerprint) {
    if (fingerprint == EMPTY) {
      zeroCount++;
      return;
    }
    int slot = find(fingerprint);
    if (slot >= 0) {
      counts[slot]++;
      return;
    }
    if ((used + 1) * 2 > keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int i = fingerprint & mask;
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = fingerprint;
    counts[i] = 1;
    used++;
  }

  private void decrementIfPositive(int fingerprint) {
    if (fingerprint == EMPTY) {
      if (zeroCount > 0) {
        zeroCount--;
      }
      return;
    }
    int slot = find(fingerprint);
    if (slot >= 0 && --counts[slot] == 0) {
      delete(slot);
    }
  }

  private int find(int fingerprint) {
    int mask = keys.length - 1;
    int i = fingerprint & mask;
    for (;;) {
      int k = keys[i];
      if (k == fingerprint) {
        return i;
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes the slot and shifts later members of its probe run back, leaving no tombstone. */
  private void delete(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    int i = slot;
    for (;;) {
      i = (i + 1) & mask;
      int k = keys[i];
      if (k == EMPTY) {
        break;
      }
      int home = k & mask;
      // Move k into the hole if its home is not cyclically within (hole, i].
      boolean homeInRange = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
      if (!homeInRange) {
        keys[hole] = k;
        counts[hole] = counts[i];
        hole = i;
      }
    }
    keys[hole] = EMPTY;
    counts[hole] = 0;
    used--;
  }

  private void rehash(int capacity) {
    int[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new int[capacity];
    counts = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      int k = oldKeys[j];
      if (k != EMPTY) {
        int i = k & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        counts[i] = oldCounts[j];
      }
    }
  }

  private void growRing() {
    int[] bigger = new int[ring.length * 2];
    for (int i = 0; i < length; i++) {
      bigger[i] = ring[(head + i) & (ring.length - 1)];
    }
    ring = bigger;
    head = 0;
  }
}
