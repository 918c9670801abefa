package io.github.s3fifo.bench.sim;

/** The policies the simulator can replay a trace through, by their report names. */
public enum PolicyKind {

  /** Ours, one shard: the policy itself, free of sharding effects. */
  S3FIFO_ONE_SHARD("s3fifo-1shard") {
    @Override
    Policy create(long capacity, Trace trace) {
      return new StorePolicy(capacity, trace.weighted(), expectedEntries(capacity, trace), 1);
    }
  },

  /** Ours, with the shard count the store picks by default. */
  S3FIFO("s3fifo") {
    @Override
    Policy create(long capacity, Trace trace) {
      return new StorePolicy(capacity, trace.weighted(), expectedEntries(capacity, trace), 0);
    }
  },

  CAFFEINE("caffeine") {
    @Override
    Policy create(long capacity, Trace trace) {
      return new CaffeinePolicy(capacity, trace.weighted());
    }
  },

  /** cache2k as configured by default (eviction segments depend on the core count). */
  CACHE2K("cache2k") {
    @Override
    Policy create(long capacity, Trace trace) {
      return new Cache2kPolicy(capacity, trace.weighted(), false);
    }
  },

  /** cache2k with {@code strictEviction}: a single eviction segment. */
  CACHE2K_STRICT("cache2k-strict") {
    @Override
    Policy create(long capacity, Trace trace) {
      return new Cache2kPolicy(capacity, trace.weighted(), true);
    }
  },

  LRU("lru") {
    @Override
    Policy create(long capacity, Trace trace) {
      return new LruPolicy(capacity);
    }
  };

  private final String id;

  PolicyKind(String id) {
    this.id = id;
  }

  /** A new, empty cache of this policy with the given capacity, suited to the trace. */
  abstract Policy create(long capacity, Trace trace);

  public String id() {
    return id;
  }

  public PolicySpec spec() {
    return new PolicySpec(id, this::create);
  }

  public static PolicyKind of(String id) {
    for (PolicyKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no policy named '" + id + "'");
  }

  /** The entries expected at capacity: the capacity, or for a weighted trace bytes / mean size. */
  static long expectedEntries(long capacity, Trace trace) {
    return Math.max(1, Math.round(capacity / trace.meanObjectSize()));
  }
}
