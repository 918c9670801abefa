package io.github.s3fifo.bench;

import java.io.Serializable;

/**
 * The value of the store-by-value benchmarks: small, serializable and mutable (as an application's
 * DTO is), so no provider may skip the copy as it may for a {@code Long} or a {@code String}.
 * Every provider copies it by plain Java serialization.
 */
public final class BenchValue implements Serializable {

  private static final long serialVersionUID = 1L;

  private long id;
  private int version;

  public BenchValue(long id, int version) {
    this.id = id;
    this.version = version;
  }

  public long getId() {
    return id;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BenchValue other && id == other.id && version == other.version;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + version;
  }

  @Override
  public String toString() {
    return "BenchValue[" + id + ", v" + version + "]";
  }
}
