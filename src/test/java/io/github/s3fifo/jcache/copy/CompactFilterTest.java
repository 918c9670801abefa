package io.github.s3fifo.jcache.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoConfiguration;
import io.github.s3fifo.jcache.TestCaches;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.Factory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deserialization filter sees in the compact format what it sees in java.io's. */
class CompactFilterTest {

  private Cache<Object, Object> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  /** Records each class and array length it is shown; rejects nothing. */
  static final class Recorder implements ObjectInputFilter {
    final List<String> seen = new ArrayList<>();

    @Override
    public Status checkInput(FilterInfo info) {
      if (info.serialClass() != null) {
        seen.add(info.serialClass().getName() + "/" + info.arrayLength());
      }
      assertTrue(info.depth() >= 1);
      assertTrue(info.references() >= 1);
      return Status.UNDECIDED;
    }
  }

  private static List<String> javaIoChecks(Object value) {
    Recorder recorder = new Recorder();
    JavaIo.deserialize(JavaIo.serialize(value), recorder);
    return recorder.seen;
  }

  private static List<String> compactChecks(Object value) {
    Recorder recorder = new Recorder();
    Serializer serializer = new Serializer(() -> CompactFilterTest.class.getClassLoader(),
        recorder);
    byte[] bytes = serializer.serialize(value);
    assertTrue(JavaIo.isCompact(bytes), () -> value + " not compact");
    serializer.deserialize(bytes);
    return recorder.seen;
  }

  @Test
  void theFilterIsShownTheSameClassesAndArrayLengthsAsByJavaIo() {
    CompactFormatTest.Everything everything = new CompactFormatTest.Everything();
    everything.fill();
    CompactFormatTest.Node node = new CompactFormatTest.Node("n");
    node.next = new CompactFormatTest.Node("m");
    node.self = node;
    Object[] values = {
      "text", 42, 7L, true, 'c', 1.5d, new UUID(1, 2), TimeUnit.SECONDS,
      CompactFormatTest.Shape.CIRCLE, new BigInteger("-98765432109876543210"),
      new BigDecimal("12.345"), LocalDate.of(2020, 5, 17), Instant.ofEpochSecond(9),
      new byte[7], new int[][] {{1}, {2, 3}}, new CompactFormatTest.Child(), node, everything,
      new Serializable[] {1L, "s", 2, LocalDate.of(2001, 1, 1), null, 3L, 4,
          new BigDecimal("1.0")},
      HibernateShapedValueTest.entry(12L), new ArrayList<>(Arrays.asList(1L, "x", new int[0])),
      new ArrayList<>(), new Object[] {new ArrayList<>(List.of(2)), new ArrayList<>(List.of(3))}
    };
    for (Object value : values) {
      assertEquals(javaIoChecks(value), compactChecks(value), () -> "checks for " + value);
    }
  }

  @Test
  void aFilterRejectingANestedClassFailsTheGetAsWithJavaIo() {
    cache = TestCaches.create(new S3FifoConfiguration<>()
        .setSerialFilterFactory(new RejectPoints()));
    CompactFormatTest.Holder compact = new CompactFormatTest.Holder();
    compact.first = new CompactFormatTest.Point(1, 2);
    CompactFormatTest.Holder javaIo = new CompactFormatTest.Holder();
    javaIo.first = new CompactFormatTest.Point(1, 2);
    javaIo.second = new java.util.LinkedList<>(); // has hooks: the value goes through java.io
    cache.put("compact", compact);
    cache.put("java.io", javaIo);
    cache.put("allowed", new CompactFormatTest.Holder());

    CacheException fromCompact = assertThrows(CacheException.class, () -> cache.get("compact"));
    CacheException fromJavaIo = assertThrows(CacheException.class, () -> cache.get("java.io"));
    assertSame(fromJavaIo.getClass(), fromCompact.getClass());
    assertInstanceOf(InvalidClassException.class, fromCompact.getCause());
    assertInstanceOf(InvalidClassException.class, fromJavaIo.getCause());
    assertEquals(fromJavaIo.getCause().getMessage(), fromCompact.getCause().getMessage());
    assertEquals(CompactFormatTest.Holder.class, cache.get("allowed").getClass());
    assertTrue(cache.containsKey("compact"), "a rejected read leaves the entry in place");
  }

  /** Rejects {@link CompactFormatTest.Point}. */
  static final class RejectPoints implements Factory<ObjectInputFilter>, Serializable {
    @Override
    public ObjectInputFilter create() {
      return info -> info.serialClass() == CompactFormatTest.Point.class
          ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
    }
  }

  @Test
  void arrayLengthLimitsAndThrowingFiltersRejectAsInJavaIo() {
    ObjectInputFilter maxArray = ObjectInputFilter.Config.createFilter("maxarray=3");
    Serializer serializer = new Serializer(() -> getClass().getClassLoader(), maxArray);
    byte[] small = serializer.serialize(new long[] {1, 2, 3});
    byte[] large = serializer.serialize(new Object[] {1, 2, 3, 4});
    assertEquals(3, ((long[]) serializer.deserialize(small)).length);
    CacheException rejected = assertThrows(CacheException.class,
        () -> serializer.deserialize(large));
    assertEquals("filter status: REJECTED", rejected.getCause().getMessage());

    RuntimeException bug = new IllegalStateException("filter bug");
    Serializer throwing = new Serializer(() -> getClass().getClassLoader(), info -> {
      throw bug;
    });
    CacheException failed = assertThrows(CacheException.class,
        () -> throwing.deserialize(throwing.serialize(5)));
    assertSame(bug, failed.getCause().getCause());
  }
}
