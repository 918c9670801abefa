/**
 * Expiry: the policy's durations as the store's expiry times, and the shared background sweeper
 * that reclaims expired entries and delivers their EXPIRED events without any access.
 */
package io.github.s3fifo.jcache.expiry;
