package io.github.s3fifo.bench;

/**
 * How a {@link Target} is reached: the library's own API, or the JCache API with one of the two
 * copy semantics. Ratios are taken within a family, against ours in that family.
 */
public enum Family {

  NATIVE("native API"),
  BY_REFERENCE("JCache, store-by-reference"),
  BY_VALUE("JCache, store-by-value");

  private final String description;

  Family(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Ours in this family: the target every other one of the family is compared with. */
  public Target ours() {
    return switch (this) {
      case NATIVE -> Target.S3FIFO;
      case BY_REFERENCE -> Target.REF_S3FIFO;
      case BY_VALUE -> Target.VAL_S3FIFO;
    };
  }
}
