/**
 * A sharded, byte-weighted S3-FIFO store: the engine under the JCache provider, with no knowledge
 * of JCache.
 *
 * <h2>Policy, per shard</h2>
 *
 * <p>Each shard has capacity {@code C}, its share of the maximum weight (the floor or the ceiling of
 * {@code maximumWeight / shards}, so that the shares add up to exactly the maximum), and three FIFO
 * queues: <em>small</em> (target weight {@code S}, below), <em>main</em> (target weight
 * {@code M = C − S}), and a <em>ghost</em> of the fingerprints of keys evicted from small.
 * Small's share of the capacity is {@code s} thousandths, first 100: {@code S = max(1, ⌊C × s /
 * 1000⌋)}; it moves with what small's heads turn out to be (below). A key's
 * fingerprint is its {@code hashCode()} {@code h} mixed as {@code h ^= h >>> 16; h *= 0x45d9f3b;
 * h ^= h >>> 16} (a bijection of the int values, one multiplication). Every entry has a
 * frequency counter from 0 to 3, and a <em>sketch</em> (below) estimates how often a fingerprint
 * was counted lately. Main is <em>filled</em> once a small head never read has found it full
 * (below); a new or cleared shard's main is not.
 *
 * <ul>
 *   <li>A read hit raises the counter by one, saturating at 3. Nothing else happens on a read.
 *   <li>A new key of weight {@code w > C} is not retained (it is reported evicted with cause
 *       SIZE; an old value it replaced is reported REPLACED). Otherwise the ghost is asked first:
 *       if the key's fingerprint is there, it is forgotten (a ghost hit). Then the key is counted
 *       once in the sketch. The entry will join main if it was a ghost hit and either main's
 *       weight plus {@code w} is at most {@code M} or (only then is main's victim sought) it
 *       beats main's victim; else small. Then eviction steps (below) run while the shard's weight
 *       plus {@code w} exceeds {@code C}, as in the S3-FIFO paper, so a new entry starts
 *       resident; then it joins the tail of its queue at frequency 0, and the sketch widens if
 *       the shard's live entries now exceed its width. (Only if no room could be made, because
 *       every other entry is held by a running computation, is the new entry evicted at once.)
 *   <li>Replacing a value keeps the entry's queue, position and counter; only its weight changes.
 *   <li>After a write that made an entry heavier, while the shard's weight exceeds {@code C}, one
 *       eviction step runs (the entry written may itself be evicted). An eviction step: the
 *       head of small is processed when small's weight is at least {@code S} or main is empty,
 *       otherwise the head of main (falling back to the other queue when the chosen one is empty).
 *   <li>Head of small, counter {@code c > 0}: the key is counted {@code c} times and the entry
 *       moves to the tail of main with counter 0. Counter 0: if main's weight plus the entry's
 *       exceeds {@code M}, main becomes filled; then, if main is not filled, the entry moves to
 *       the tail of main (main's first fill takes what small holds), otherwise it is evicted
 *       (SIZE) and its fingerprint added to the ghost. So once main is filled, an entry never
 *       read enters it only by a ghost hit that beats main's victim: a one-time scan cannot.
 *       Either way, once that is decided (with the {@code M} of before), small's share moves:
 *       {@code s = min(200, s + 9)} if {@code c > 0}, else {@code s = max(10, s − 1)}, and
 *       {@code S}, {@code M} follow. Small thus settles where about one head in ten was read:
 *       it shrinks to 1% in a loop or a scan, where it holds only dead weight.
 *   <li>Head of main, counter {@code c > 0}: it moves to the tail of main with counter
 *       {@code c − 1} and the key is counted once. Counter 0: it is evicted (SIZE).
 *   <li>Main's victim is sought by advancing main: while its head has a counter {@code c > 0},
 *       the key is counted once and the entry moves to the tail with counter {@code c − 1}; the
 *       first head with counter 0 is the victim (none if main is empty). A candidate beats the
 *       victim if there is none, or if the sketch's estimate for the candidate exceeds the
 *       victim's estimate plus one (ties and a lead of one keep the incumbent, so part of a loop
 *       larger than the cache stays resident).
 *   <li>An expired head is removed (EXPIRED) whatever its counter. An entry held by a running
 *       computation is never evicted: it is passed over as if its counter were positive (when
 *       seeking the victim too; with counter 0 it moves to the tail unchanged). Neither moves
 *       small's share.
 *   <li>The ghost remembers the last {@code H} additions, {@code H} first {@code max(16, 6 ×
 *       expectedEntries / shards)}; when an addition finds the shard's live entries (counted
 *       after the eviction that feeds it) above {@code H / 6}, {@code H} first becomes
 *       {@code max(6 × live, H + ⌊H / 2⌋)} and the ghost forgets everything (its count of
 *       additions {@code a} carries on). It has {@code B = ⌈1.25 × H / 8⌉} buckets of 8 slots; a
 *       slot is empty or holds a tag and a stamp. Fingerprint {@code f}'s bucket is number
 *       {@code ((f × 0x9E3779B9 mod 2^32) × B) >>> 32} (unsigned), its tag bits 8 to 27 of
 *       {@code f} (0 read as 1). With {@code u = max(0, bitLength(H) − 10)}, the stamp now is
 *       {@code (a >>> u) mod 2^12}, and a slot's age is {@code ((now − stamp) mod 2^12) × 2^u}
 *       (an empty slot is the oldest). Adding {@code f} overwrites the first slot of its bucket
 *       with its tag, else the first oldest slot, with its tag and the stamp now, then adds one
 *       to {@code a}. Asking for {@code f} empties the first slot of its bucket with its tag, if
 *       any; it is a ghost hit if that slot's age was at most {@code H}. A key that keeps coming
 *       back is remembered from its latest eviction; another key's fingerprint passes for it
 *       with a chance of at most 8 in 2^20 per question.
 *   <li>The sketch has 4 rows of {@code W} 4-bit counters, {@code W} first the smallest power of
 *       two at least {@code max(16, expectedEntries / shards)}, at most {@code 2^26}. Fingerprint
 *       {@code f}'s counter in row {@code r} is number {@code (f × K[r] mod 2^32) >>> (32 −
 *       log2 W)} (unsigned), {@code K = 0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F}. Counting
 *       {@code f} raises each of its 4 counters that is below 15; if it raised any, it adds one to
 *       the sketch's count, and when that count reaches {@code 10 × W}, every counter and the
 *       count are halved (rounded down). The estimate is the least of the 4. Widening (when the
 *       live entries exceed {@code W} and {@code W < 2^26}) sets {@code W} to the smallest power
 *       of two at least the live entries and zeroes the counters and the count. An unbounded
 *       shard ({@code C = Long.MAX_VALUE}) never evicts and keeps no sketch.
 *   <li>Clearing empties the ghost's slots and zeroes its count of additions, zeroes the
 *       sketch's counters and count, makes main not filled and small's share 100 again.
 * </ul>
 *
 * <h2>Concurrency</h2>
 *
 * <p>Reads are lock-free. Writers of one key exclude each other with that key's own lock; the
 * shard lock is held only to link, unlink and evict, never while user code (a weigher, a
 * computation, a removal listener) runs. Each shard's hash table is made of the entries
 * themselves ({@code NodeTable}); its own short lock covers inserting and removing a key.
 *
 * <h2>Memory</h2>
 *
 * <p>One object per entry besides the key and value: 40 bytes (compressed references) in a store
 * that counts entries and never expires them, 8 more with a weigher, 8 more when entries may
 * expire ({@link io.github.s3fifo.store.ShardedStore.Builder#expiring()}); plus a table slot of 4
 * bytes per one to two entries and the sketch's 2 to 4 bytes per entry. The ghost, at most 30
 * bytes per expected entry (4 bytes per slot, 1.25 slots per remembered key, six times the
 * entries), is made a page of 64 buckets at a time as evicted keys arrive, so a shard that seldom
 * evicts holds little of it; it never holds a key. One entry weighs at most
 * {@code Integer.MAX_VALUE}.
 */
package io.github.s3fifo.store;
