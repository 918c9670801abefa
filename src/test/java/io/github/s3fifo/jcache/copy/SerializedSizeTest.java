package io.github.s3fifo.jcache.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The computed sizes equal what ObjectOutputStream actually writes for the types kept as they
 * are with a shortcut, and what the serializer writes for the others.
 */
class SerializedSizeTest {

  private final Serializer serializer = new Serializer(() -> null, null);

  private static long actual(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.size();
  }

  @Test
  void stringsOfEveryEncodingWidthAndLength() throws IOException {
    String[] strings = {
      "", "a", "plain ascii", "\u0000nul", "é and ß", "\u20ac euro", "\uD83D\uDE00 emoji",
      "x".repeat(65_535), "é".repeat(40_000), "y".repeat(70_000)
    };
    for (String s : strings) {
      assertEquals(actual(s), SerializedSize.of(s, serializer), "length " + s.length());
    }
  }

  @Test
  void boxedPrimitivesUuidsEnumsAndOthers() throws IOException {
    Object[] values = {
      true, (byte) 7, (short) -3, 'c', 42, -42, Long.MIN_VALUE, 1.5f, Double.NaN,
      UUID.randomUUID(), TimeUnit.MILLISECONDS, TimeUnit.DAYS, Thread.State.NEW,
      ZonedDateTime.now()
    };
    for (Object value : values) {
      assertEquals(actual(value), SerializedSize.of(value, serializer), value.toString());
    }
  }

  @Test
  void typesWithoutAShortcutWeighWhatTheSerializerWrites() {
    Object[] values = {
      new BigInteger("123456789012345678901234567890"), new java.util.ArrayList<>(List.of(1)),
      new int[] {1, 2, 3}
    };
    for (Object value : values) {
      assertEquals(serializer.serialize(value).length, SerializedSize.of(value, serializer),
          value.toString());
    }
  }

  @Test
  void serializerSizeMatchesItsBytes() {
    java.util.List<Integer> list = java.util.List.of(1, 2, 3);
    assertEquals(serializer.serialize(list).length, serializer.serializedSize(list));
  }
}
