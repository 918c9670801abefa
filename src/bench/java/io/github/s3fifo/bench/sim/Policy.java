package io.github.s3fifo.bench.sim;

/**
 * A cache under simulation. Each request is a read that, on a miss, admits the object: the
 * usual cache-aside pattern, the same for every policy.
 */
public interface Policy extends AutoCloseable {

  /** Requests {@code key} (of the given size); admits it on a miss. Returns true on a hit. */
  boolean access(long key, int size);

  /** Configuration worth reporting (e.g. the shard count), or an empty string. */
  default String detail() {
    return "";
  }

  @Override
  default void close() {}
}
