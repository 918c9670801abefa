package io.github.s3fifo.jcache.copy;

import static io.github.s3fifo.jcache.copy.JavaIo.SERIALIZER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;

/**
 * The compact format reads back what java.io would: every supported kind, sharing and cycles,
 * transient fields, constructors; and every class it cannot reproduce goes through java.io.
 */
class CompactFormatTest {

  private static Object roundTrip(Object value) {
    byte[] bytes = SERIALIZER.serialize(value);
    assertTrue(JavaIo.isCompact(bytes), () -> value + " was not written in the compact format");
    assertEquals(bytes.length, SERIALIZER.serializedSize(value));
    return SERIALIZER.deserialize(bytes);
  }

  private static Object viaJavaIo(Object value) {
    byte[] bytes = SERIALIZER.serialize(value);
    assertTrue(JavaIo.isJavaIo(bytes), () -> value + " was not written by java.io");
    assertEquals(bytes.length, SERIALIZER.serializedSize(value));
    return SERIALIZER.deserialize(bytes);
  }

  @Test
  void jdkValueTypesComeBackEqualAndOfTheSameClass() {
    Object[] values = {
      "", "ascii", "latin-1 é ß ÿ", "\u0000 nul", "utf-16 \u20ac \uD83D\uDE00", "x".repeat(70_000),
      true, false, (byte) -128, (short) -32768, 'q', '\uFFFF', 0, -1, Integer.MIN_VALUE,
      Integer.MAX_VALUE, 0L, Long.MIN_VALUE, Long.MAX_VALUE, 1.5f, -0.0f, Float.NaN,
      Double.MIN_VALUE, Double.NEGATIVE_INFINITY, -0.0d,
      new UUID(-1, 42), UUID.randomUUID(), BigInteger.ZERO, BigInteger.valueOf(-255),
      new BigInteger("-123456789012345678901234567890"), new BigDecimal("0.00"),
      new BigDecimal("-12345678901234567890.123456789"), new BigDecimal("1E+12"),
      LocalDate.of(2024, 2, 29), LocalDate.MIN, LocalDate.MAX, LocalTime.MIDNIGHT,
      LocalTime.of(23, 59, 59, 999_999_999), LocalDateTime.of(1969, 12, 31, 23, 59, 1, 7),
      LocalDateTime.MAX, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(-1, 5),
      Duration.ofSeconds(-3, 7), Duration.ZERO,
      OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHoursMinutes(-5, -30)),
      TimeUnit.HOURS, Thread.State.BLOCKED, Shape.SQUARE, Shape.CIRCLE
    };
    for (Object value : values) {
      Object copy = roundTrip(value);
      assertEquals(value, copy, () -> "value " + value);
      assertSame(value.getClass(), copy.getClass());
      assertEquals(JavaIo.copy(value), copy);
    }
    assertEquals(Float.floatToRawIntBits(Float.NaN),
        Float.floatToRawIntBits((Float) roundTrip(Float.intBitsToFloat(0x7fc00001))),
        "NaN payloads are canonical, as java.io writes them");
  }

  @Test
  void enumConstantsComeBackAsTheConstantItself() {
    assertSame(Shape.CIRCLE, roundTrip(Shape.CIRCLE), "a constant with a body");
    assertSame(TimeUnit.DAYS, roundTrip(TimeUnit.DAYS));
  }

  enum Shape {
    SQUARE,
    CIRCLE {
      @Override
      public String toString() {
        return "round";
      }
    }
  }

  @Test
  void arraysOfPrimitivesAndReferencesOfAnyDepth() {
    Object[] arrays = {
      new boolean[] {true, false}, new byte[] {-1, 0, 1}, new short[] {-2, 300},
      new char[] {'a', '\u20ac'}, new int[] {Integer.MIN_VALUE, 0, 7}, new long[] {-1L, 1L << 40},
      new float[] {1.25f}, new double[] {-2.5}, new int[0],
      new int[][] {{1, 2}, null, {}}, new String[] {"a", null, "b"},
      new Serializable[] {1L, "two", 3, LocalDate.of(2000, 1, 1), null},
      new Object[] {new Object[] {"nested", new long[] {4}}}, new Shape[] {Shape.CIRCLE},
      new Point[] {new Point(1, 2)}
    };
    for (Object array : arrays) {
      Object copy = roundTrip(array);
      assertSame(array.getClass(), copy.getClass());
      assertTrue(Arrays.deepEquals(new Object[] {array}, new Object[] {copy}),
          () -> Arrays.deepToString(new Object[] {array}));
      assertNotSame(array, copy);
    }
  }

  @Test
  void defaultSerializableObjectsWithEveryFieldType() {
    Everything original = new Everything();
    original.fill();
    Everything copy = (Everything) roundTrip(original);
    assertEquals(original, copy);
    assertEquals(JavaIo.copy(original), copy);
    assertNotSame(original.point, copy.point);
  }

  @Test
  void sharedObjectsStaySharedAndCyclesCloseAsWithJavaIo() {
    Point shared = new Point(3, 4);
    String text = new String("same instance");
    Object[] array = {shared, shared, text, text, null};
    array[4] = array;
    Object[] copy = (Object[]) roundTrip(array);
    assertSame(copy[0], copy[1]);
    assertSame(copy[2], copy[3]);
    assertSame(copy, copy[4], "an array containing itself");
    assertEquals(shared, copy[0]);

    Node first = new Node("first");
    Node second = new Node("second");
    first.next = second;
    second.next = first;
    first.self = first;
    Node firstCopy = (Node) roundTrip(first);
    assertSame(firstCopy, firstCopy.next.next);
    assertSame(firstCopy, firstCopy.self);
    assertEquals("second", firstCopy.next.name);
  }

  @Test
  void transientFieldsAndInitializersAreLeftAsJavaIoLeavesThem() {
    WithTransient original = new WithTransient();
    original.kept = 5;
    original.cache = "computed";
    original.counter = 9;
    WithTransient copy = (WithTransient) roundTrip(original);
    WithTransient javaIo = (WithTransient) JavaIo.copy(original);
    assertEquals(5, copy.kept);
    assertNull(copy.cache);
    assertEquals(0, copy.counter, "a transient field's initializer does not run");
    assertEquals(0, copy.initializedInConstructor, "a serializable class's constructor does not run");
    assertEquals(javaIo.counter, copy.counter);
    assertEquals(javaIo.cache, copy.cache);
    assertEquals(javaIo.initializedInConstructor, copy.initializedInConstructor);
  }

  @Test
  void theNonSerializableSuperclassConstructorRunsAsWithJavaIo() {
    Child original = new Child();
    original.base = "changed";
    original.own = 7;
    Child copy = (Child) roundTrip(original);
    Child javaIo = (Child) JavaIo.copy(original);
    assertEquals("from Base()", copy.base, "Base's state comes from its constructor");
    assertEquals(javaIo.base, copy.base);
    assertEquals(7, copy.own);
  }

  @Test
  void aSuperclassWithoutAnAccessibleConstructorFailsAsInJavaIo() {
    NoDefaultChild original = new NoDefaultChild(1);
    CacheException failure = assertThrows(CacheException.class, () -> viaJavaIo(original));
    assertInstanceOf(InvalidClassException.class, failure.getCause());
  }

  @Test
  void customHooksGoThroughJavaIoAndAreHonoured() {
    Hooked hooked = (Hooked) viaJavaIo(new Hooked("x"));
    assertEquals("x read by readObject", hooked.text);
    assertSame(Singleton.INSTANCE, viaJavaIo(Singleton.INSTANCE), "readResolve");
    assertEquals(new Point(9, 9), viaJavaIo(new Replaced()), "writeReplace");
    assertEquals(new Pair("a", 1), viaJavaIo(new Pair("a", 1)), "a record");
    assertEquals(List.of(1, 2), viaJavaIo(new java.util.LinkedList<>(List.of(1, 2))));
  }

  @Test
  void oneUnsupportedClassInsideSendsTheWholeValueThroughJavaIo() {
    Holder holder = new Holder();
    Point shared = new Point(1, 1);
    holder.first = shared;
    holder.second = new java.util.LinkedList<>(List.of(shared));
    Holder copy = (Holder) viaJavaIo(holder);
    assertSame(copy.first, ((List<?>) copy.second).get(0), "sharing across the boundary");
  }

  @Test
  void anArrayListComesBackAsJavaIoBuildsIt() {
    Point shared = new Point(5, 6);
    java.util.ArrayList<Object> list = new java.util.ArrayList<>(List.of("a", shared));
    list.add(shared);
    list.add(null);
    list.add(list);
    @SuppressWarnings("unchecked")
    java.util.ArrayList<Object> copy = (java.util.ArrayList<Object>) roundTrip(list);
    assertEquals(5, copy.size());
    assertEquals("a", copy.get(0));
    assertSame(copy.get(1), copy.get(2));
    assertNull(copy.get(3));
    assertSame(copy, copy.get(4), "a list containing itself");
    assertEquals(new java.util.ArrayList<>(), roundTrip(new java.util.ArrayList<>()));
    assertEquals(SubList.class, viaJavaIo(new SubList()).getClass(), "not exactly ArrayList");
  }

  @Test
  void aValueJavaIoCannotSerializeFailsAsBefore() {
    Holder holder = new Holder();
    holder.first = new Object();
    CacheException failure = assertThrows(CacheException.class,
        () -> SERIALIZER.serialize(holder));
    assertInstanceOf(NotSerializableException.class, failure.getCause());
  }

  @Test
  void aMutableObjectIsACopyEachTime() {
    Point original = new Point(1, 2);
    byte[] bytes = SERIALIZER.serialize(original);
    original.x = 100;
    Point first = (Point) SERIALIZER.deserialize(bytes);
    first.y = 200;
    Point second = (Point) SERIALIZER.deserialize(bytes);
    assertEquals(new Point(1, 2), second);
    assertNotSame(first, second);
  }

  @Test
  void corruptBytesAreACacheException() {
    byte[] bytes = SERIALIZER.serialize(new Point(1, 2));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertThrows(CacheException.class, () -> SERIALIZER.deserialize(truncated));
    byte[] unknownClass = {CompactFormat.MAGIC, CompactFormat.OBJECT, (byte) 0xFF, 0x7F};
    assertThrows(CacheException.class, () -> SERIALIZER.deserialize(unknownClass));
    assertArrayEquals(bytes, SERIALIZER.serialize(new Point(1, 2)), "deterministic");
  }

  // --- classes under test

  static class Point implements Serializable {
    private static final long serialVersionUID = 1L;
    int x;
    int y;

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return 31 * x + y;
    }
  }

  static class Base2D implements Serializable {
    protected long id = 1;
  }

  static final class Everything extends Base2D {
    private boolean z;
    private byte b;
    private char c;
    private short s;
    private int i;
    private long j;
    private float f;
    private double d;
    private final String text;
    private Object any;
    private Point point;
    private int[] ints;
    private Shape shape;
    static String ignoredStatic = "static";

    Everything() {
      text = "final field";
    }

    void fill() {
      id = -77;
      z = true;
      b = -5;
      c = 'é';
      s = -300;
      i = -1_000_000;
      j = Long.MIN_VALUE + 3;
      f = 3.25f;
      d = -1e300;
      any = new BigDecimal("2.50");
      point = new Point(-1, 1);
      ints = new int[] {1, -1};
      shape = Shape.CIRCLE;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Everything e && e.id == id && e.z == z && e.b == b && e.c == c
          && e.s == s && e.i == i && e.j == j && e.f == f && e.d == d && e.text.equals(text)
          && e.any.equals(any) && e.point.equals(point) && Arrays.equals(e.ints, ints)
          && e.shape == shape;
    }

    @Override
    public int hashCode() {
      return i;
    }
  }

  static final class Node implements Serializable {
    final String name;
    Node next;
    Node self;

    Node(String name) {
      this.name = name;
    }
  }

  static final class WithTransient implements Serializable {
    int kept;
    transient String cache;
    transient int counter = 42;
    int initializedInConstructor;

    WithTransient() {
      initializedInConstructor = 0;
    }
  }

  /** Not serializable: java.io runs this constructor on deserialization. */
  static class Base {
    String base;

    Base() {
      base = "from Base()";
    }
  }

  static final class Child extends Base implements Serializable {
    int own;
  }

  static class NoDefaultBase {
    NoDefaultBase(int ignored) {}
  }

  static final class NoDefaultChild extends NoDefaultBase implements Serializable {
    NoDefaultChild(int value) {
      super(value);
    }
  }

  static final class Hooked implements Serializable {
    String text;

    Hooked(String text) {
      this.text = text;
    }

    private void readObject(java.io.ObjectInputStream in)
        throws java.io.IOException, ClassNotFoundException {
      in.defaultReadObject();
      text = text + " read by readObject";
    }
  }

  static final class Singleton implements Serializable {
    static final Singleton INSTANCE = new Singleton();

    private Object readResolve() {
      return INSTANCE;
    }
  }

  static final class Replaced implements Serializable {
    private Object writeReplace() {
      return new Point(9, 9);
    }
  }

  record Pair(String name, int value) implements Serializable {}

  static final class SubList extends java.util.ArrayList<Object> {}

  static final class Holder implements Serializable {
    Object first;
    Object second;
  }
}
