package io.github.s3fifo.bench.sim;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * The ghost of a {@link VariantPolicy}, in one of three forms: the store's (a FIFO of
 * fingerprints with a count per fingerprint: a hit zeroes the count, dropping the oldest record
 * decrements it, so a stale record can forget a newer one), exact ({@code gexact=1}: each
 * fingerprint's latest record by sequence number, so dropping an older record never forgets a newer
 * one), or compact ({@code gcompact}: a {@link CompactGhost}). Its length is
 * {@code max(floor, factor × live entries)}. The store's form can also remember which records came
 * from main (for {@code adapt=arc}).
 */
final class VariantGhost {

  private final double factor;
  private final long floor;
  private final boolean exact;
  private final double compactSlack;
  private final boolean trackOrigin;
  private final ArrayDeque<Integer> fifo = new ArrayDeque<>();
  private final HashMap<Integer, Integer> counts = new HashMap<>();
  private final HashMap<Integer, Integer> fromMain = new HashMap<>();
  private final ArrayDeque<Boolean> origin = new ArrayDeque<>();
  private final HashMap<Integer, Long> latest = new HashMap<>();
  private final CompactGhost compact;
  private long added;
  private long dropped;
  private long lastAge;
  private boolean lastFromMain;

  VariantGhost(double factor, long floor, boolean exact, double compactSlack,
      boolean trackOrigin) {
    this.factor = factor;
    this.floor = floor;
    this.exact = exact;
    this.compactSlack = compactSlack;
    this.trackOrigin = trackOrigin;
    this.compact = compactSlack > 0 ? new CompactGhost(floor, compactSlack) : null;
  }

  /** The age of the last hit in additions since the key's record (exact form only). */
  long lastAge() {
    return lastAge;
  }

  /** Whether the last hit's key had been evicted from main (store's form, origin tracked). */
  boolean lastFromMain() {
    return lastFromMain;
  }

  /** If the fingerprint is remembered, forgets it and returns true. */
  boolean consume(int fp) {
    if (compact != null) {
      return compact.consume(fp);
    }
    if (exact) {
      Long record = latest.remove(fp);
      if (record == null) {
        return false;
      }
      lastAge = added - record;
      return true;
    }
    Integer count = counts.get(fp);
    if (count == null || count == 0) {
      return false;
    }
    counts.remove(fp);
    if (trackOrigin) {
      Integer main = fromMain.remove(fp);
      lastFromMain = main != null && main > 0;
    }
    return true;
  }

  /** Remembers a fingerprint; {@code live} is the cache's entry count after the eviction. */
  void add(int fp, boolean evictedFromMain, long live) {
    long bound = Math.max(floor, Math.round(factor * live));
    if (compact != null) {
      compact.ensureHorizon(Math.round(factor * live), compactSlack);
      compact.add(fp);
      return;
    }
    fifo.addLast(fp);
    if (exact) {
      latest.put(fp, added++);
      while (fifo.size() > bound) {
        int oldest = fifo.pollFirst();
        long sequence = dropped++;
        Long record = latest.get(oldest);
        if (record != null && record == sequence) {
          latest.remove(oldest);
        }
      }
      return;
    }
    origin.addLast(evictedFromMain);
    counts.merge(fp, 1, Integer::sum);
    if (evictedFromMain) {
      fromMain.merge(fp, 1, Integer::sum);
    }
    while (fifo.size() > bound) {
      int oldest = fifo.pollFirst();
      decrement(counts, oldest);
      if (origin.pollFirst()) {
        decrement(fromMain, oldest);
      }
    }
  }

  private static void decrement(HashMap<Integer, Integer> map, int fp) {
    Integer count = map.get(fp);
    if (count != null && count > 0) {
      if (count == 1) {
        map.remove(fp);
      } else {
        map.put(fp, count - 1);
      }
    }
  }
}
