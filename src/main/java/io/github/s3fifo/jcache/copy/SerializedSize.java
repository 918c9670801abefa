package io.github.s3fifo.jcache.copy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The exact length of a value's serialized form (one {@code ObjectOutputStream}
 * holding just that object), found without serializing it whenever the format makes that cheap:
 * boxed primitives and {@code UUID} have one length per class, an enum constant one length per
 * constant, and a {@code String} a length given by its modified UTF-8 encoding.
 *
 * <p>This is what lets a store-by-value cache weigh entries in bytes while keeping immutable keys
 * and values as they are instead of serializing them. Types without a shortcut weigh what the
 * {@link Serializer} writes for them: its compact form when it applies, else java.io's.
 */
final class SerializedSize {

  /** {@code STREAM_MAGIC} and {@code STREAM_VERSION}. */
  private static final int STREAM_HEADER = 4;
  /** {@code TC_STRING} and a two-byte length. */
  private static final int SHORT_STRING_OVERHEAD = 1 + 2;
  /** {@code TC_LONGSTRING} and an eight-byte length. */
  private static final int LONG_STRING_OVERHEAD = 1 + 8;

  private static final Map<Class<?>, Long> FIXED_SIZES = fixedSizes();

  /** A {@code byte[]}'s serialized form: this much framing, then its bytes. */
  private static final long BYTE_ARRAY_OVERHEAD = measure(new byte[0]);

  private static final ClassValue<long[]> ENUM_SIZES = new ClassValue<>() {
    @Override
    protected long[] computeValue(Class<?> enumType) {
      Object[] constants = enumType.getEnumConstants();
      long[] sizes = new long[constants.length];
      for (int i = 0; i < constants.length; i++) {
        sizes[i] = measure(constants[i]);
      }
      return sizes;
    }
  };

  private SerializedSize() {}

  /**
   * The serialized length of a value: java.io's, computed, for the types with a shortcut; the
   * serializer's, counted without keeping the bytes, for the others.
   */
  static long of(Object value, Serializer serializer) {
    if (value instanceof String string) {
      return ofString(string);
    }
    if (value instanceof byte[] bytes) {
      return ofByteArray(bytes.length);
    }
    Long fixed = FIXED_SIZES.get(value.getClass());
    if (fixed != null) {
      return fixed;
    }
    if (value instanceof Enum<?> constant) {
      return ENUM_SIZES.get(constant.getDeclaringClass())[constant.ordinal()];
    }
    return serializer.serializedSize(value);
  }

  /** The serialized length of a {@code byte[]} of the given length. */
  static long ofByteArray(int length) {
    return BYTE_ARRAY_OVERHEAD + length;
  }

  static long ofString(String string) {
    long utfLength = 0;
    for (int i = 0, n = string.length(); i < n; i++) {
      char c = string.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        utfLength += 1;
      } else if (c <= 0x07FF) {
        utfLength += 2; // includes U+0000, which modified UTF-8 writes as two bytes
      } else {
        utfLength += 3;
      }
    }
    int overhead = utfLength <= 0xFFFF ? SHORT_STRING_OVERHEAD : LONG_STRING_OVERHEAD;
    return STREAM_HEADER + overhead + utfLength;
  }

  private static Map<Class<?>, Long> fixedSizes() {
    Object[] samples = {
      Boolean.TRUE, (byte) 0, (short) 0, 'a', 0, 0L, 0f, 0d, new UUID(0, 0)
    };
    Map<Class<?>, Long> sizes = new HashMap<>();
    for (Object sample : samples) {
      sizes.put(sample.getClass(), measure(sample));
    }
    return Map.copyOf(sizes);
  }

  private static long measure(Object value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      return bytes.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
