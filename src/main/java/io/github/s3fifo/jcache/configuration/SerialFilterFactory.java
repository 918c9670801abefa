package io.github.s3fifo.jcache.configuration;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import javax.cache.configuration.Factory;

/**
 * A serializable factory of the {@link ObjectInputFilter} that a pattern describes, in the syntax
 * of {@link ObjectInputFilter.Config#createFilter} (e.g. {@code com.acme.**;java.base/*;!*}).
 * Two factories are equal when their patterns are.
 */
public final class SerialFilterFactory implements Factory<ObjectInputFilter>, Serializable {

  private static final long serialVersionUID = 1L;

  private final String pattern;

  /**
   * Checks the pattern and keeps it.
   *
   * @throws NullPointerException if the pattern is null
   * @throws IllegalArgumentException if it is malformed or describes no filter
   */
  public SerialFilterFactory(String pattern) {
    if (pattern == null) {
      throw new NullPointerException("pattern must not be null");
    }
    ObjectInputFilter filter;
    try {
      filter = ObjectInputFilter.Config.createFilter(pattern);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid serial filter pattern: " + e.getMessage(), e);
    }
    if (filter == null) {
      throw new IllegalArgumentException("the serial filter pattern is empty");
    }
    this.pattern = pattern;
  }

  /** The filter pattern. */
  public String getPattern() {
    return pattern;
  }

  @Override
  public ObjectInputFilter create() {
    return ObjectInputFilter.Config.createFilter(pattern);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerialFilterFactory other && pattern.equals(other.pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return "SerialFilterFactory[" + pattern + "]";
  }
}
