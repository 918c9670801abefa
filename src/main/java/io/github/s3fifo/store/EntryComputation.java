package io.github.s3fifo.store;

/**
 * User code run by {@link ShardedStore#compute} while the store holds only the one key it
 * concerns: other keys, in the same shard or not, are read and written meanwhile.
 */
@FunctionalInterface
public interface EntryComputation<K, V, R> {

  R compute(EditableEntry<K, V> entry);
}
