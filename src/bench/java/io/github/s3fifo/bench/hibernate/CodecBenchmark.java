package io.github.s3fifo.bench.hibernate;

import io.github.s3fifo.jcache.copy.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.hibernate.cache.spi.entry.StandardCacheEntryImpl;
import org.hibernate.cache.spi.support.AbstractReadWriteAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Our store-by-value serializer against plain java.io on one of Hibernate's own second-level
 * cache values: a READ_WRITE {@code Item} holding a {@code StandardCacheEntryImpl} whose
 * disassembled state is a {@code Serializable[]} of a String, a Long, an Integer, a LocalDate and
 * a null (the shape of the benchmark's {@code Post}). {@code serialize} is a put's cost,
 * {@code deserialize} a get's.
 *
 * <p>Run: {@code java -cp <bench class path> org.openjdk.jmh.Main CodecBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

  /** {@code ours}: the cache's {@link Serializer}; {@code java.io}: Object streams. */
  @Param({"ours", "java.io"})
  public String codec;

  private final Serializer serializer = new Serializer(
      () -> CodecBenchmark.class.getClassLoader(), null);
  private Object value;
  private byte[] bytes;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    Constructor<StandardCacheEntryImpl> entry = StandardCacheEntryImpl.class
        .getDeclaredConstructor(Serializable[].class, String.class, Object.class);
    entry.setAccessible(true);
    Constructor<AbstractReadWriteAccess.Item> item = AbstractReadWriteAccess.Item.class
        .getDeclaredConstructor(Object.class, Object.class, long.class);
    item.setAccessible(true);
    Serializable[] state = {
      "Body of post 42. Body of post 42. Body of post 42.", null, LocalDate.of(2024, 5, 1), 7,
      "Post 42", 42L
    };
    value = item.newInstance(
        entry.newInstance(state, Post.class.getName(), null), null, 1_700_000_000_000L);
    bytes = serialize();
  }

  @Benchmark
  public byte[] serialize() {
    return codec.equals("ours") ? serializer.serialize(value) : javaIoSerialize(value);
  }

  @Benchmark
  public Object deserialize() {
    return codec.equals("ours") ? serializer.deserialize(bytes) : javaIoDeserialize(bytes);
  }

  private static byte[] javaIoSerialize(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
      stream.writeObject(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static Object javaIoDeserialize(byte[] bytes) {
    try (ObjectInputStream stream = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return stream.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
