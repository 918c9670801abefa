package io.github.s3fifo.jcache.copy;

import static io.github.s3fifo.jcache.copy.CompactFormat.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Writes a value in the {@link CompactFormat compact format}, or reports that it cannot: a class
 * in the value's graph that java.io would not serialize in the default way (custom hooks,
 * {@code Externalizable}, records, classes we may not reflect on, anything not serializable) sends
 * the whole value through java.io, so the result is always what java.io would give.
 *
 * <p>Writers (a buffer and a handle table each) are reused through a small shared pool rather than
 * a {@code ThreadLocal}, which would keep this class, and so an application's class loader, reachable
 * from pooled threads after a redeployment.
 */
final class CompactWriter {

  private static final AtomicReferenceArray<CompactWriter> POOL = new AtomicReferenceArray<>(
      Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) * 2));

  /** Buffers and tables above these sizes are not kept for the next value. */
  private static final int KEPT_BUFFER = 1 << 16;
  private static final int KEPT_HANDLES = 1 << 10;

  /** Thrown inside the writer when java.io must take over; carries no stack trace. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  /** The tag of each class with an encoding of its own; {@link CompactFormat#OBJECT} otherwise. */
  private static final ClassValue<Integer> TAGS = new ClassValue<>() {
    @Override
    protected Integer computeValue(Class<?> type) {
      Integer tag = BUILT_IN.get(type);
      if (tag != null) {
        return tag;
      }
      return Enum.class.isAssignableFrom(type) ? ENUM : OBJECT;
    }
  };

  private static final Map<Class<?>, Integer> BUILT_IN = Map.ofEntries(
      Map.entry(String.class, STRING_LATIN1), Map.entry(Boolean.class, BOOLEAN),
      Map.entry(Byte.class, BYTE), Map.entry(Short.class, SHORT),
      Map.entry(Character.class, CHAR), Map.entry(Integer.class, INT),
      Map.entry(Long.class, LONG), Map.entry(Float.class, FLOAT),
      Map.entry(Double.class, DOUBLE), Map.entry(boolean[].class, BOOLEAN_ARRAY),
      Map.entry(byte[].class, BYTE_ARRAY), Map.entry(short[].class, SHORT_ARRAY),
      Map.entry(char[].class, CHAR_ARRAY), Map.entry(int[].class, INT_ARRAY),
      Map.entry(long[].class, LONG_ARRAY), Map.entry(float[].class, FLOAT_ARRAY),
      Map.entry(double[].class, DOUBLE_ARRAY), Map.entry(java.util.UUID.class, UUID),
      Map.entry(BigInteger.class, BIG_INTEGER), Map.entry(BigDecimal.class, BIG_DECIMAL),
      Map.entry(LocalDate.class, LOCAL_DATE), Map.entry(LocalTime.class, LOCAL_TIME),
      Map.entry(LocalDateTime.class, LOCAL_DATE_TIME), Map.entry(Instant.class, INSTANT),
      Map.entry(Duration.class, DURATION), Map.entry(OffsetDateTime.class, OFFSET_DATE_TIME),
      Map.entry(ArrayList.class, ARRAY_LIST));

  private byte[] buffer = new byte[256];
  private int position;
  private final HandleTable handles = new HandleTable();

  /** The value in the compact format, or {@code null} if it must go through java.io. */
  static byte[] encode(Object value) {
    CompactWriter writer = acquire();
    try {
      return writer.write(value) ? Arrays.copyOf(writer.buffer, writer.position) : null;
    } finally {
      writer.release();
    }
  }

  /** The length {@link #encode} would return, or -1 if the value must go through java.io. */
  static long encodedLength(Object value) {
    CompactWriter writer = acquire();
    try {
      return writer.write(value) ? writer.position : -1;
    } finally {
      writer.release();
    }
  }

  private static CompactWriter acquire() {
    int slot = slotOf(Thread.currentThread());
    CompactWriter writer = POOL.getAndSet(slot, null);
    return writer != null ? writer : new CompactWriter();
  }

  private void release() {
    position = 0;
    handles.clear(KEPT_HANDLES);
    if (buffer.length > KEPT_BUFFER) {
      buffer = new byte[256];
    }
    POOL.lazySet(slotOf(Thread.currentThread()), this);
  }

  private static int slotOf(Thread thread) {
    long id = thread.getId();
    return (int) (id ^ (id >>> 16)) & (POOL.length() - 1);
  }

  private boolean write(Object value) {
    position = 0;
    writeByte(MAGIC);
    try {
      writeValue(value);
      return true;
    } catch (Unsupported javaIoNeeded) {
      return false;
    } catch (IllegalAccessException e) {
      return false; // a field we were allowed to open became unreadable: java.io decides
    }
  }

  private void writeValue(Object value) throws IllegalAccessException {
    if (value == null) {
      writeByte(NULL);
      return;
    }
    int handle = handles.putIfAbsent(value);
    if (handle >= 0) {
      writeByte(REF);
      writeVarInt(handle);
      return;
    }
    Class<?> type = value.getClass();
    int tag = TAGS.get(type);
    switch (tag) {
      case STRING_LATIN1 -> writeString((String) value);
      case BOOLEAN -> {
        writeByte(BOOLEAN);
        writeByte((Boolean) value ? 1 : 0);
      }
      case BYTE -> {
        writeByte(BYTE);
        writeByte((Byte) value);
      }
      case SHORT -> {
        writeByte(SHORT);
        writeFixed((Short) value, 2);
      }
      case CHAR -> {
        writeByte(CHAR);
        writeFixed((Character) value, 2);
      }
      case INT -> {
        writeByte(INT);
        writeVarLong((Integer) value);
      }
      case LONG -> {
        writeByte(LONG);
        writeVarLong((Long) value);
      }
      case FLOAT -> {
        writeByte(FLOAT);
        writeFixed(Float.floatToIntBits((Float) value), 4);
      }
      case DOUBLE -> {
        writeByte(DOUBLE);
        writeFixed(Double.doubleToLongBits((Double) value), 8);
      }
      case ENUM -> writeEnum((Enum<?>) value);
      case ARRAY_LIST -> {
        ArrayList<?> list = (ArrayList<?>) value;
        int size = list.size();
        writeByte(ARRAY_LIST);
        writeVarInt(size);
        for (int i = 0; i < size; i++) {
          writeValue(list.get(i));
        }
        if (list.size() != size) {
          throw UNSUPPORTED; // changed by another thread meanwhile: let java.io report it
        }
      }
      case OBJECT -> writeObject(value, ClassInfo.of(type));
      default -> writeValueType(tag, value);
    }
  }

  /** Arrays of primitives and the JDK value types. */
  private void writeValueType(int tag, Object value) {
    writeByte(tag);
    switch (tag) {
      case BOOLEAN_ARRAY -> {
        boolean[] array = (boolean[]) value;
        writeVarInt(array.length);
        for (boolean b : array) {
          writeByte(b ? 1 : 0);
        }
      }
      case BYTE_ARRAY -> {
        byte[] array = (byte[]) value;
        writeVarInt(array.length);
        ensure(array.length);
        System.arraycopy(array, 0, buffer, position, array.length);
        position += array.length;
      }
      case SHORT_ARRAY -> {
        short[] array = (short[]) value;
        writeVarInt(array.length);
        for (short s : array) {
          writeFixed(s, 2);
        }
      }
      case CHAR_ARRAY -> {
        char[] array = (char[]) value;
        writeVarInt(array.length);
        for (char c : array) {
          writeFixed(c, 2);
        }
      }
      case INT_ARRAY -> {
        int[] array = (int[]) value;
        writeVarInt(array.length);
        for (int i : array) {
          writeVarLong(i);
        }
      }
      case LONG_ARRAY -> {
        long[] array = (long[]) value;
        writeVarInt(array.length);
        for (long l : array) {
          writeVarLong(l);
        }
      }
      case FLOAT_ARRAY -> {
        float[] array = (float[]) value;
        writeVarInt(array.length);
        for (float f : array) {
          writeFixed(Float.floatToIntBits(f), 4);
        }
      }
      case DOUBLE_ARRAY -> {
        double[] array = (double[]) value;
        writeVarInt(array.length);
        for (double d : array) {
          writeFixed(Double.doubleToLongBits(d), 8);
        }
      }
      case UUID -> {
        java.util.UUID uuid = (java.util.UUID) value;
        writeFixed(uuid.getMostSignificantBits(), 8);
        writeFixed(uuid.getLeastSignificantBits(), 8);
      }
      case BIG_INTEGER -> writeBytes(((BigInteger) value).toByteArray());
      case BIG_DECIMAL -> {
        BigDecimal decimal = (BigDecimal) value;
        writeBytes(decimal.unscaledValue().toByteArray());
        writeVarLong(decimal.scale());
      }
      case LOCAL_DATE -> writeDate((LocalDate) value);
      case LOCAL_TIME -> writeVarLong(((LocalTime) value).toNanoOfDay());
      case LOCAL_DATE_TIME -> writeDateTime((LocalDateTime) value);
      case INSTANT -> {
        Instant instant = (Instant) value;
        writeVarLong(instant.getEpochSecond());
        writeVarLong(instant.getNano());
      }
      case DURATION -> {
        Duration duration = (Duration) value;
        writeVarLong(duration.getSeconds());
        writeVarLong(duration.getNano());
      }
      case OFFSET_DATE_TIME -> {
        OffsetDateTime time = (OffsetDateTime) value;
        writeDateTime(time.toLocalDateTime());
        writeVarLong(time.getOffset().getTotalSeconds());
      }
      default -> throw new IllegalStateException("no encoding for tag " + tag);
    }
  }

  private void writeDate(LocalDate date) {
    writeVarLong(date.getYear());
    writeByte(date.getMonthValue());
    writeByte(date.getDayOfMonth());
  }

  private void writeDateTime(LocalDateTime dateTime) {
    writeDate(dateTime.toLocalDate());
    writeVarLong(dateTime.toLocalTime().toNanoOfDay());
  }

  private void writeEnum(Enum<?> constant) {
    ClassInfo info = ClassInfo.of(constant.getDeclaringClass());
    if (info.kind != ClassInfo.Kind.ENUM) {
      throw UNSUPPORTED;
    }
    writeByte(ENUM);
    writeVarInt(info.id);
    writeRawString(constant.name());
  }

  private void writeObject(Object value, ClassInfo info) throws IllegalAccessException {
    switch (info.kind) {
      case OBJECT -> {
        writeByte(OBJECT);
        writeVarInt(info.id);
        for (ClassInfo.Slot slot : info.fields) {
          switch (slot.code) {
            case 'Z' -> writeByte(slot.field.getBoolean(value) ? 1 : 0);
            case 'B' -> writeByte(slot.field.getByte(value));
            case 'C' -> writeFixed(slot.field.getChar(value), 2);
            case 'S' -> writeFixed(slot.field.getShort(value), 2);
            case 'I' -> writeVarLong(slot.field.getInt(value));
            case 'J' -> writeVarLong(slot.field.getLong(value));
            case 'F' -> writeFixed(Float.floatToIntBits(slot.field.getFloat(value)), 4);
            case 'D' -> writeFixed(Double.doubleToLongBits(slot.field.getDouble(value)), 8);
            default -> writeValue(slot.field.get(value));
          }
        }
      }
      case OBJECT_ARRAY -> {
        Object[] array = (Object[]) value;
        writeByte(OBJECT_ARRAY);
        writeVarInt(info.id);
        writeVarInt(array.length);
        for (Object element : array) {
          writeValue(element);
        }
      }
      default -> throw UNSUPPORTED;
    }
  }

  private void writeString(String string) {
    int length = string.length();
    int start = position;
    writeByte(STRING_LATIN1);
    writeVarInt(length);
    ensure(length);
    byte[] out = buffer;
    int at = position;
    for (int i = 0; i < length; i++) {
      char c = string.charAt(i);
      if (c > 0xFF) {
        position = start;
        writeByte(STRING_UTF16);
        writeVarInt(length);
        writeChars(string);
        return;
      }
      out[at++] = (byte) c;
    }
    position = at;
  }

  /** A string that is not an object of the value (an enum constant's name): no tag, no handle. */
  private void writeRawString(String string) {
    writeVarInt(string.length());
    writeChars(string);
  }

  private void writeChars(String string) {
    int length = string.length();
    ensure(2 * length);
    for (int i = 0; i < length; i++) {
      char c = string.charAt(i);
      buffer[position++] = (byte) c;
      buffer[position++] = (byte) (c >>> 8);
    }
  }

  private void writeBytes(byte[] bytes) {
    writeVarInt(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  private void writeByte(int b) {
    ensure(1);
    buffer[position++] = (byte) b;
  }

  private void writeFixed(long value, int bytes) {
    ensure(bytes);
    for (int i = 0; i < bytes; i++) {
      buffer[position++] = (byte) (value >>> (8 * i));
    }
  }

  private void writeVarInt(int value) {
    writeUnsigned(value & 0xFFFFFFFFL);
  }

  /** Zig-zag, so small negative numbers stay short. */
  private void writeVarLong(long value) {
    writeUnsigned((value << 1) ^ (value >> 63));
  }

  private void writeUnsigned(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  private void ensure(int more) {
    if (buffer.length - position < more) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
    }
  }

  /** Objects already written, by identity, with their handle numbers. */
  private static final class HandleTable {
    private Object[] keys = new Object[64];
    private int[] numbers = new int[64];
    private int size;

    /** The object's handle if it was written before; otherwise gives it the next one and -1. */
    int putIfAbsent(Object object) {
      int mask = keys.length - 1;
      int i = System.identityHashCode(object) & mask;
      while (keys[i] != null) {
        if (keys[i] == object) {
          return numbers[i];
        }
        i = (i + 1) & mask;
      }
      keys[i] = object;
      numbers[i] = size++;
      if (2 * size > keys.length) {
        grow();
      }
      return -1;
    }

    private void grow() {
      Object[] oldKeys = keys;
      int[] oldNumbers = numbers;
      keys = new Object[oldKeys.length * 2];
      numbers = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = System.identityHashCode(oldKeys[j]) & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          numbers[i] = oldNumbers[j];
        }
      }
    }

    void clear(int kept) {
      if (keys.length > kept) {
        keys = new Object[64];
        numbers = new int[64];
      } else if (size > 0) {
        Arrays.fill(keys, null);
      }
      size = 0;
    }
  }
}
