package io.github.s3fifo.bench.sim;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least recently used, by a {@link LinkedHashMap} in access order; bounded in summed size (an
 * entry count for an unweighted trace, whose sizes are all 1). An object larger than the whole
 * cache is not admitted.
 */
final class LruPolicy implements Policy {

  private final LinkedHashMap<Long, Integer> map = new LinkedHashMap<>(1024, 0.75f, true);
  private final long capacity;
  private long weight;

  LruPolicy(long capacity) {
    this.capacity = capacity;
  }

  @Override
  public boolean access(long key, int size) {
    Long boxed = key;
    if (map.get(boxed) != null) {
      return true;
    }
    if (size > capacity) {
      return false;
    }
    map.put(boxed, size);
    weight += size;
    Iterator<Map.Entry<Long, Integer>> eldest = map.entrySet().iterator();
    while (weight > capacity) {
      weight -= eldest.next().getValue();
      eldest.remove();
    }
    return false;
  }

  @Override
  public void close() {
    map.clear();
  }
}
