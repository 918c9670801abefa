package io.github.s3fifo.store;

/**
 * A snapshot of a store's counters. Hits and misses are counted only when the store was built
 * with {@code recordStats(true)}; evictions, expirations and ghost hits are always counted.
 *
 * @param hits reads that found a live mapping
 * @param misses reads that found none
 * @param evictions mappings removed by the policy to respect capacity
 * @param evictedWeight the summed weight of those evictions
 * @param expirations mappings removed because their expiry time passed
 * @param ghostHits insertions of a key remembered by the ghost queue, admitted straight to main
 */
public record StoreStats(
    long hits, long misses, long evictions, long evictedWeight, long expirations, long ghostHits) {

  public long requests() {
    return hits + misses;
  }

  /** Hits over requests; 1.0 when there were no requests. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 1.0 : (double) hits / requests;
  }
}
