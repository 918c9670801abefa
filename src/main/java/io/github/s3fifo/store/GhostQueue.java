package io.github.s3fifo.store;

import java.util.Arrays;

/**
 * The ghost: a FIFO of the fingerprints of keys evicted from the small queue, with a count per
 * fingerprint. Primitive arrays only (a ring of ints, and an open-addressed table of ints with
 * {@code char} counts at most three quarters full), so remembering an evicted key costs about 12
 * to 16 bytes and never retains the key itself. Guarded by the shard lock.
 *
 * <p>A count stops at 65,535: only that many evictions of one fingerprint still in the ring (a
 * key type whose hash codes all collide) could reach it, and such a ghost tells nothing anyway.
 */
final class GhostQueue {

  private static final int EMPTY = 0;
  private static final int MAX_COUNT = Character.MAX_VALUE;
  /** Fibonacci hashing: a shard's fingerprints share their low bits, so slots use the high ones. */
  private static final int SPREAD = 0x9E3779B9;

  private int[] ring = new int[16];
  private int head;
  private int length;

  // Open addressing, linear probing, backward-shift deletion. Fingerprint 0 is kept aside. The
  // length is any number (not a power of two), so that growth can be by half, not double.
  private int[] keys = new int[32];
  private char[] counts = new char[32];
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
    Arrays.fill(counts, (char) 0);
    used = 0;
    zeroCount = 0;
  }

  /** The slot a fingerprint's probe starts at: its spread's high bits scaled to the length. */
  private static int home(int fingerprint, int tableLength) {
    return (int) (((fingerprint * SPREAD) & 0xFFFF_FFFFL) * tableLength >>> 32);
  }

  private int nextSlot(int i) {
    return i + 1 == keys.length ? 0 : i + 1;
  }

  private void increment(int fingerprint) {
    if (fingerprint == EMPTY) {
      zeroCount++;
      return;
    }
    int slot = find(fingerprint);
    if (slot >= 0) {
      if (counts[slot] < MAX_COUNT) {
        counts[slot]++;
      }
      return;
    }
    if ((used + 1) * 4L > keys.length * 3L) {
      rehash(keys.length + (keys.length >>> 1));
    }
    int i = home(fingerprint, keys.length);
    while (keys[i] != EMPTY) {
      i = nextSlot(i);
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
    int i = home(fingerprint, keys.length);
    for (;;) {
      int k = keys[i];
      if (k == fingerprint) {
        return i;
      }
      if (k == EMPTY) {
        return -1;
      }
      i = nextSlot(i);
    }
  }

  /** Removes the slot and shifts later members of its probe run back, leaving no tombstone. */
  private void delete(int slot) {
    int hole = slot;
    int i = slot;
    for (;;) {
      i = nextSlot(i);
      int k = keys[i];
      if (k == EMPTY) {
        break;
      }
      int home = home(k, keys.length);
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
    char[] oldCounts = counts;
    keys = new int[capacity];
    counts = new char[capacity];
    for (int j = 0; j < oldKeys.length; j++) {
      int k = oldKeys[j];
      if (k != EMPTY) {
        int i = home(k, capacity);
        while (keys[i] != EMPTY) {
          i = nextSlot(i);
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
