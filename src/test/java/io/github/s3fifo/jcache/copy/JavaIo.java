package io.github.s3fifo.jcache.copy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Plain java.io serialization, what the compact format must agree with. */
final class JavaIo {

  static final Serializer SERIALIZER =
      new Serializer(() -> JavaIo.class.getClassLoader(), null);

  private JavaIo() {}

  static byte[] serialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Object copy(Object value) {
    return deserialize(serialize(value), null);
  }

  static Object deserialize(byte[] bytes, ObjectInputFilter filter) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      if (filter != null) {
        in.setObjectInputFilter(filter);
      }
      return in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True if the serializer wrote the value in the compact format. */
  static boolean isCompact(byte[] bytes) {
    return bytes[0] == CompactFormat.MAGIC;
  }

  /** True if the serializer wrote the value with java.io. */
  static boolean isJavaIo(byte[] bytes) {
    return (bytes[0] & 0xFF) == 0xAC && (bytes[1] & 0xFF) == 0xED;
  }
}
