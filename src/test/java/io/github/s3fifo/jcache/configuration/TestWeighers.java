package io.github.s3fifo.jcache.configuration;

import io.github.s3fifo.store.Weigher;

/** Weigher classes, good and broken, that configuration files name. */
public final class TestWeighers {

  private TestWeighers() {}

  /** Weighs an entry by the length of its value's string form. */
  public static final class StringLengthWeigher implements Weigher<Object, Object> {
    @Override
    public long weigh(Object key, Object value) {
      return String.valueOf(value).length();
    }
  }

  /** Weighs an entry by the length of its key's string form. */
  public static final class KeyLengthWeigher implements Weigher<Object, Object> {
    @Override
    public long weigh(Object key, Object value) {
      return String.valueOf(key).length();
    }
  }

  /** Has only a constructor with an argument. */
  public static final class NoDefaultConstructor implements Weigher<Object, Object> {
    public NoDefaultConstructor(int weight) {}

    @Override
    public long weigh(Object key, Object value) {
      return 1;
    }
  }

  /** Cannot be instantiated. */
  public abstract static class AbstractWeigher implements Weigher<Object, Object> {}

  /** Its constructor fails. */
  public static final class FailingConstructor implements Weigher<Object, Object> {
    public FailingConstructor() {
      throw new IllegalStateException("no weigher today");
    }

    @Override
    public long weigh(Object key, Object value) {
      return 1;
    }
  }

  /** Not public, so the provider cannot call its constructor. */
  static final class HiddenWeigher implements Weigher<Object, Object> {
    @Override
    public long weigh(Object key, Object value) {
      return 1;
    }
  }
}
