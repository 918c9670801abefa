package io.github.s3fifo.jcache.copy;

import static io.github.s3fifo.jcache.copy.CompactFormat.*;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.StreamCorruptedException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;

/**
 * Reads one value written by {@link CompactWriter}, as java.io would have read it: instances
 * created without running serializable classes' constructors, fields set, transient ones left at
 * their defaults, shared objects and cycles restored. Classes are resolved by name through the
 * cache's resolver (context class loader first), and the stream's {@link ObjectInputFilter}, if
 * any, is shown the same classes and array lengths java.io would show it, each class once per
 * value, with this value's nesting depth and object count.
 */
final class CompactReader {

  /** Resolves a class name the way the cache's java.io stream would. */
  interface ClassResolver {
    Class<?> resolve(String name) throws ClassNotFoundException;
  }

  private static final Class<?> JAVA_TIME_SER = javaTimeSer();

  private final byte[] in;
  private int position;
  private final ClassResolver resolver;
  private final ObjectInputFilter filter;
  private Object[] handles = new Object[16];
  private int handleCount;
  private int depth;
  private long references;
  /** Classes already shown to the filter in this value, as java.io shows each descriptor once. */
  private Class<?>[] shown;
  private int shownCount;
  /** The last few classes resolved in this value. */
  private final int[] recentIds = {-1, -1, -1, -1};
  private final ClassInfo[] recentInfos = new ClassInfo[4];

  private CompactReader(byte[] in, ClassResolver resolver, ObjectInputFilter filter) {
    this.in = in;
    this.position = 1;
    this.resolver = resolver;
    this.filter = filter;
  }

  /**
   * Reads the value in {@code bytes} (which start with {@link CompactFormat#MAGIC}).
   *
   * @param filter the stream's filter, or {@code null} for none
   */
  static Object decode(byte[] bytes, ClassResolver resolver, ObjectInputFilter filter)
      throws IOException, ClassNotFoundException {
    CompactReader reader = new CompactReader(bytes, resolver, filter);
    Object value = reader.readValue();
    if (reader.position != bytes.length) {
      throw new StreamCorruptedException("trailing bytes after the value");
    }
    return value;
  }

  private Object readValue() throws IOException, ClassNotFoundException {
    int tag = in[position++];
    references++;
    if (tag == NULL) {
      return null;
    }
    if (tag == REF) {
      int handle = readVarInt();
      if (handle >= handleCount) {
        throw new StreamCorruptedException("invalid handle " + handle);
      }
      return handles[handle];
    }
    int handle = reserveHandle();
    depth++;
    Object value = switch (tag) {
      case OBJECT -> readObject(handle);
      case OBJECT_ARRAY -> readArray(handle);
      case ARRAY_LIST -> readArrayList(handle);
      default -> readValueType(tag);
    };
    depth--;
    handles[handle] = value;
    return value;
  }

  private Object readValueType(int tag) throws IOException, ClassNotFoundException {
    switch (tag) {
      case STRING_LATIN1: {
        int length = readVarInt();
        String string = new String(in, position, length, StandardCharsets.ISO_8859_1);
        position += length;
        return string;
      }
      case STRING_UTF16:
        return readChars(readVarInt());
      case BOOLEAN:
        showOnce(Boolean.class);
        return in[position++] != 0;
      case BYTE:
        showNumber(Byte.class);
        return in[position++];
      case SHORT:
        showNumber(Short.class);
        return (short) readFixed(2);
      case CHAR:
        showOnce(Character.class);
        return (char) readFixed(2);
      case INT:
        showNumber(Integer.class);
        return (int) readVarLong();
      case LONG:
        showNumber(Long.class);
        return readVarLong();
      case FLOAT:
        showNumber(Float.class);
        return Float.intBitsToFloat((int) readFixed(4));
      case DOUBLE:
        showNumber(Double.class);
        return Double.longBitsToDouble(readFixed(8));
      case ENUM:
        return readEnum();
      case UUID:
        showOnce(java.util.UUID.class);
        return new java.util.UUID(readFixed(8), readFixed(8));
      case BIG_INTEGER: {
        showNumber(BigInteger.class);
        BigInteger value = new BigInteger(readBytes());
        showMagnitude(value);
        return value;
      }
      case BIG_DECIMAL: {
        showNumber(BigDecimal.class);
        BigInteger unscaled = new BigInteger(readBytes());
        showOnce(BigInteger.class);
        showMagnitude(unscaled);
        return new BigDecimal(unscaled, (int) readVarLong());
      }
      case LOCAL_DATE:
      case LOCAL_TIME:
      case LOCAL_DATE_TIME:
      case INSTANT:
      case DURATION:
      case OFFSET_DATE_TIME: {
        // java.io reads a java.time.Ser and shows the filter what its readResolve returns.
        showOnce(JAVA_TIME_SER);
        Object time = readTime(tag);
        show(time.getClass(), -1);
        return time;
      }
      default:
        return readPrimitiveArray(tag);
    }
  }

  private Object readTime(int tag) {
    return switch (tag) {
      case LOCAL_DATE -> readDate();
      case LOCAL_TIME -> LocalTime.ofNanoOfDay(readVarLong());
      case LOCAL_DATE_TIME -> LocalDateTime.of(readDate(), LocalTime.ofNanoOfDay(readVarLong()));
      case INSTANT -> Instant.ofEpochSecond(readVarLong(), readVarLong());
      case DURATION -> Duration.ofSeconds(readVarLong(), readVarLong());
      default -> OffsetDateTime.of(
          LocalDateTime.of(readDate(), LocalTime.ofNanoOfDay(readVarLong())),
          ZoneOffset.ofTotalSeconds((int) readVarLong()));
    };
  }

  private Object readPrimitiveArray(int tag) throws IOException {
    Class<?> type = switch (tag) {
      case BOOLEAN_ARRAY -> boolean[].class;
      case BYTE_ARRAY -> byte[].class;
      case SHORT_ARRAY -> short[].class;
      case CHAR_ARRAY -> char[].class;
      case INT_ARRAY -> int[].class;
      case LONG_ARRAY -> long[].class;
      case FLOAT_ARRAY -> float[].class;
      case DOUBLE_ARRAY -> double[].class;
      default -> throw new StreamCorruptedException("unknown tag " + tag);
    };
    int length = readVarInt();
    showOnce(type);
    show(type, length);
    Object array = Array.newInstance(type.getComponentType(), length);
    switch (tag) {
      case BOOLEAN_ARRAY -> {
        boolean[] a = (boolean[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = in[position++] != 0;
        }
      }
      case BYTE_ARRAY -> {
        System.arraycopy(in, position, array, 0, length);
        position += length;
      }
      case SHORT_ARRAY -> {
        short[] a = (short[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = (short) readFixed(2);
        }
      }
      case CHAR_ARRAY -> {
        char[] a = (char[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = (char) readFixed(2);
        }
      }
      case INT_ARRAY -> {
        int[] a = (int[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = (int) readVarLong();
        }
      }
      case LONG_ARRAY -> {
        long[] a = (long[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = readVarLong();
        }
      }
      case FLOAT_ARRAY -> {
        float[] a = (float[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = Float.intBitsToFloat((int) readFixed(4));
        }
      }
      default -> {
        double[] a = (double[]) array;
        for (int i = 0; i < length; i++) {
          a[i] = Double.longBitsToDouble(readFixed(8));
        }
      }
    }
    return array;
  }

  private Object readEnum() throws IOException, ClassNotFoundException {
    ClassInfo info = classInfo(readVarInt());
    showDescriptors(info);
    String name = readChars(readVarInt());
    try {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Object constant = Enum.valueOf((Class) info.type, name);
      return constant;
    } catch (IllegalArgumentException e) {
      throw (IOException) new InvalidObjectException("enum constant " + name
          + " does not exist in " + info.type).initCause(e);
    }
  }

  private Object readObject(int handle) throws IOException, ClassNotFoundException {
    ClassInfo info = classInfo(readVarInt());
    showDescriptors(info);
    Object object;
    try {
      object = info.constructor.newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (IOException) new InvalidClassException(info.type.getName(),
          "unable to create instance").initCause(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw (IOException) new InvalidClassException(info.type.getName(),
          "unable to create instance").initCause(e);
    }
    handles[handle] = object; // before the fields: a cycle back to this object finds it
    try {
      for (ClassInfo.Slot slot : info.fields) {
        switch (slot.code) {
          case 'Z' -> slot.field.setBoolean(object, in[position++] != 0);
          case 'B' -> slot.field.setByte(object, in[position++]);
          case 'C' -> slot.field.setChar(object, (char) readFixed(2));
          case 'S' -> slot.field.setShort(object, (short) readFixed(2));
          case 'I' -> slot.field.setInt(object, (int) readVarLong());
          case 'J' -> slot.field.setLong(object, readVarLong());
          case 'F' -> slot.field.setFloat(object, Float.intBitsToFloat((int) readFixed(4)));
          case 'D' -> slot.field.setDouble(object, Double.longBitsToDouble(readFixed(8)));
          default -> {
            Object value = readValue();
            if (value != null && !slot.field.getType().isInstance(value)) {
              throw new ClassCastException("cannot assign instance of "
                  + value.getClass().getName() + " to field " + slot.field.getDeclaringClass()
                  .getName() + "." + slot.field.getName() + " of type "
                  + slot.field.getType().getName() + " in instance of " + info.type.getName());
            }
            slot.field.set(object, value);
          }
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("field of " + info.type.getName() + " not writable", e);
    }
    return object;
  }

  private Object readArray(int handle) throws IOException, ClassNotFoundException {
    ClassInfo info = classInfo(readVarInt());
    int length = readVarInt();
    showOnce(info.type);
    show(info.type, length);
    Object[] array = (Object[]) Array.newInstance(info.type.getComponentType(), length);
    handles[handle] = array;
    for (int i = 0; i < length; i++) {
      array[i] = readValue();
    }
    return array;
  }

  /** As ArrayList's readObject: the filter sees its element array's length, not its class. */
  private Object readArrayList(int handle) throws IOException, ClassNotFoundException {
    showOnce(ArrayList.class);
    int size = readVarInt();
    if (size > 0) {
      show(Object[].class, size);
    }
    ArrayList<Object> list = new ArrayList<>(size);
    handles[handle] = list;
    for (int i = 0; i < size; i++) {
      list.add(readValue());
    }
    return list;
  }

  /**
   * The local class for an id: resolved by name, and accepted only if it has the shape the value
   * was written with (another version of the class under the current loader is refused rather
   * than read into the wrong fields).
   */
  private ClassInfo classInfo(int id) throws IOException, ClassNotFoundException {
    for (int i = 0; i < recentIds.length; i++) {
      if (recentIds[i] == id) {
        return recentInfos[i];
      }
    }
    String name = ClassInfo.nameOf(id);
    if (name == null) {
      throw new StreamCorruptedException("unknown class id " + id);
    }
    ClassInfo info = ClassInfo.of(resolver.resolve(name));
    if (info.id != id) {
      throw new InvalidClassException(name, "the class resolved now is not the one the value "
          + "was stored with (another version or not serializable the same way)");
    }
    int slot = (id & 0x7FFFFFFF) % recentIds.length;
    recentIds[slot] = id;
    recentInfos[slot] = info;
    return info;
  }

  private int reserveHandle() {
    if (handleCount == handles.length) {
      handles = java.util.Arrays.copyOf(handles, handleCount * 2);
    }
    return handleCount++;
  }

  // --- the filter, shown what java.io would show it

  private void showDescriptors(ClassInfo info) throws InvalidClassException {
    for (Class<?> type : info.descriptors) {
      showOnce(type);
    }
  }

  private void showNumber(Class<?> type) throws InvalidClassException {
    showOnce(type);
    showOnce(Number.class);
  }

  /** BigInteger writes its magnitude as a {@code byte[]} of this length. */
  private void showMagnitude(BigInteger value) throws InvalidClassException {
    if (filter != null) {
      showOnce(byte[].class);
      show(byte[].class, (value.abs().bitLength() + 7) >>> 3);
    }
  }

  private void showOnce(Class<?> type) throws InvalidClassException {
    if (filter == null) {
      return;
    }
    for (int i = 0; i < shownCount; i++) {
      if (shown[i] == type) {
        return;
      }
    }
    if (shown == null) {
      shown = new Class<?>[8];
    } else if (shownCount == shown.length) {
      shown = java.util.Arrays.copyOf(shown, shownCount * 2);
    }
    shown[shownCount++] = type;
    show(type, -1);
  }

  private void show(Class<?> type, long arrayLength) throws InvalidClassException {
    if (filter == null) {
      return;
    }
    ObjectInputFilter.Status status;
    RuntimeException failure = null;
    try {
      status = filter.checkInput(new FilterInfo(type, arrayLength, depth, references, position));
    } catch (RuntimeException e) {
      status = ObjectInputFilter.Status.REJECTED;
      failure = e;
    }
    if (status == null || status == ObjectInputFilter.Status.REJECTED) {
      InvalidClassException rejected = new InvalidClassException("filter status: " + status);
      rejected.initCause(failure);
      throw rejected;
    }
  }

  private record FilterInfo(Class<?> serialClass, long arrayLength, long depth,
      long references, long streamBytes) implements ObjectInputFilter.FilterInfo {}

  // --- primitives

  private LocalDate readDate() {
    int year = (int) readVarLong();
    int month = in[position++];
    int day = in[position++];
    return LocalDate.of(year, month, day);
  }

  private byte[] readBytes() {
    int length = readVarInt();
    byte[] bytes = java.util.Arrays.copyOfRange(in, position, position + length);
    position += length;
    return bytes;
  }

  private String readChars(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ((in[position] & 0xFF) | (in[position + 1] & 0xFF) << 8);
      position += 2;
    }
    return new String(chars);
  }

  private long readFixed(int bytes) {
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value |= (in[position++] & 0xFFL) << (8 * i);
    }
    return value;
  }

  private int readVarInt() {
    return (int) readUnsigned();
  }

  private long readVarLong() {
    long zigZag = readUnsigned();
    return (zigZag >>> 1) ^ -(zigZag & 1);
  }

  private long readUnsigned() {
    long value = 0;
    int shift = 0;
    byte b;
    do {
      b = in[position++];
      value |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return value;
  }

  private static Class<?> javaTimeSer() {
    try {
      return Class.forName("java.time.Ser", false, null);
    } catch (ClassNotFoundException e) {
      return LocalDate.class; // not on this runtime: the closest class the filter can be shown
    }
  }
}
