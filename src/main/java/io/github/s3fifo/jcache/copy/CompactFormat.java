package io.github.s3fifo.jcache.copy;

/**
 * The compact serialized form a store-by-value cache keeps when java.io's default serialization
 * can be reproduced exactly. Bytes in this form start with {@link #MAGIC}; java.io's start with
 * {@code 0xAC}, so every stored value says which format it is in.
 *
 * <p>After the magic byte comes one value: a tag, then its content. An object, array, string or
 * boxed value gets the next handle number when it is first written, and a later occurrence of the
 * same instance is written as {@link #REF} and that number, so sharing and cycles come back as
 * java.io brings them back. Classes are written as ids of {@link ClassInfo}'s JVM-wide table
 * (the bytes never leave the JVM); JDK value types have tags of their own. Integers are
 * zig-zag variable-length, other primitives fixed-length little-endian.
 */
final class CompactFormat {

  static final byte MAGIC = 0x5C;

  static final int NULL = 0;
  static final int REF = 1;
  static final int STRING_LATIN1 = 2;
  static final int STRING_UTF16 = 3;
  static final int BOOLEAN = 4;
  static final int BYTE = 5;
  static final int SHORT = 6;
  static final int CHAR = 7;
  static final int INT = 8;
  static final int LONG = 9;
  static final int FLOAT = 10;
  static final int DOUBLE = 11;
  static final int BOOLEAN_ARRAY = 12;
  static final int BYTE_ARRAY = 13;
  static final int SHORT_ARRAY = 14;
  static final int CHAR_ARRAY = 15;
  static final int INT_ARRAY = 16;
  static final int LONG_ARRAY = 17;
  static final int FLOAT_ARRAY = 18;
  static final int DOUBLE_ARRAY = 19;
  static final int UUID = 20;
  static final int BIG_INTEGER = 21;
  static final int BIG_DECIMAL = 22;
  static final int LOCAL_DATE = 23;
  static final int LOCAL_TIME = 24;
  static final int LOCAL_DATE_TIME = 25;
  static final int INSTANT = 26;
  static final int DURATION = 27;
  static final int OBJECT = 28;
  static final int OBJECT_ARRAY = 29;
  static final int ENUM = 30;
  static final int OFFSET_DATE_TIME = 31;
  /** Exactly {@code java.util.ArrayList}: its size, then its elements, as its writeObject. */
  static final int ARRAY_LIST = 32;

  private CompactFormat() {}
}
