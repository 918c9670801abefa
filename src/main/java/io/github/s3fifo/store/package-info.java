/**
 * A sharded, byte-weighted S3-FIFO store: the engine under the JCache provider, with no knowledge
 * of JCache.
 *
 * <h2>Policy, per shard</h2>
 *
 * <p>Each shard has capacity {@code C}, its share of the maximum weight (the floor or the ceiling of
 * {@code maximumWeight / shards}, so that the shares add up to exactly the maximum), and three FIFO queues:
 * <em>small</em> (target weight {@code max(1, C / 10)}), <em>main</em>, and a <em>ghost</em> of
 * the fingerprints (spread hash codes) of keys evicted from small. Every entry has a frequency
 * counter from 0 to 3.
 *
 * <ul>
 *   <li>A read hit raises the counter by one, saturating at 3. Nothing else happens on a read.
 *   <li>A new key of weight {@code w > C} is not retained (it is reported evicted with cause
 *       SIZE; an old value it replaced is reported REPLACED). Otherwise the ghost is asked first:
 *       if the key's fingerprint is there, it is forgotten and the entry will join main, else
 *       small. Then eviction steps (below) run while the shard's weight plus {@code w} exceeds
 *       {@code C}, as in the S3-FIFO paper, so a new entry starts resident; then it joins the tail
 *       of its queue at frequency 0. (Only if no room could be made, because every other entry is
 *       held by a running computation, is the new entry evicted at once.)
 *   <li>Replacing a value keeps the entry's queue, position and counter; only its weight changes.
 *   <li>After a write that made an entry heavier, while the shard's weight exceeds {@code C}, one
 *       eviction step runs (the entry written may itself be evicted). An eviction step: the
 *       head of small is processed when small's weight is at least its target or main is empty,
 *       otherwise the head of main (falling back to the other queue when the chosen one is empty).
 *   <li>Head of small: counter &gt; 0 moves it to the tail of main with counter 0; counter 0
 *       evicts it (SIZE) and appends its fingerprint to the ghost.
 *   <li>Head of main: counter &gt; 0 moves it to the tail of main with counter − 1; counter 0
 *       evicts it (SIZE).
 *   <li>An expired head is removed (EXPIRED) whatever its counter. An entry held by a running
 *       computation is never evicted: it is passed over as if its counter were positive.
 *   <li>The ghost is a FIFO of fingerprints with a count per fingerprint: adding appends and
 *       counts one more; a lookup hit sets the count to zero; its length is kept at most
 *       {@code max(16, expectedEntries / shards, live entries in the shard)} (counted after the
 *       eviction that feeds it) by dropping the
 *       oldest, which decrements that fingerprint's count if positive.
 * </ul>
 *
 * <h2>Concurrency</h2>
 *
 * <p>Reads are lock-free. Writers of one key exclude each other with that key's own lock; the
 * shard lock is held only to link, unlink and evict, never while user code (a weigher, a
 * computation, a removal listener) runs.
 */
package io.github.s3fifo.store;
