package io.github.s3fifo.jcache.copy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import javax.cache.CacheException;

/**
 * Java serialization for a store-by-value cache: it resolves classes with the thread's context
 * class loader first, then the cache manager's, and applies the cache's {@link ObjectInputFilter}
 * when one is configured (otherwise the JVM-wide filter, as every {@link ObjectInputStream}).
 *
 * <p>A value whose every class java.io would serialize in the default way is written in a
 * {@linkplain CompactFormat compact format} that reads back as java.io would read it (same
 * classes and loaders, constructors not run, transient fields at their defaults, sharing and
 * cycles kept, the same filter checks) at a fraction of the cost; any other value is written by
 * java.io itself. The bytes say which format they are in.
 */
public final class Serializer {

  private final Supplier<ClassLoader> classLoader;
  private final ObjectInputFilter filter;

  /**
   * @param classLoader the cache manager's class loader, asked after the context class loader
   * @param filter the filter for deserialization, or {@code null} for the JVM-wide one
   */
  public Serializer(Supplier<ClassLoader> classLoader, ObjectInputFilter filter) {
    this.classLoader = classLoader;
    this.filter = filter;
  }

  /** Serializes the object; a failure is a {@link CacheException} naming the object's class. */
  public byte[] serialize(Object object) {
    byte[] compact = CompactWriter.encode(object);
    if (compact != null) {
      return compact;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    write(object, bytes);
    return bytes.toByteArray();
  }

  /**
   * The exact length of what {@link #serialize} returns for the object, computed without
   * keeping the bytes.
   */
  public long serializedSize(Object object) {
    long compact = CompactWriter.encodedLength(object);
    if (compact >= 0) {
      return compact;
    }
    CountingStream counter = new CountingStream();
    write(object, counter);
    return counter.count;
  }

  private static void write(Object object, OutputStream target) {
    try (ObjectOutputStream out = new ObjectOutputStream(target)) {
      out.writeObject(object);
    } catch (IOException | RuntimeException e) {
      throw new CacheException("Cannot serialize an instance of " + object.getClass().getName()
          + " for a store-by-value cache: " + e, e);
    }
  }

  /** Reads back an object written by {@link #serialize}. */
  public Object deserialize(byte[] serialized) {
    if (serialized.length > 0 && serialized[0] == CompactFormat.MAGIC) {
      ClassLoader fallback = classLoader.get();
      try {
        return CompactReader.decode(serialized, name -> resolveOrFail(name, fallback),
            streamFilter());
      } catch (IOException | ClassNotFoundException | RuntimeException e) {
        throw new CacheException("Cannot deserialize a value of a store-by-value cache: " + e, e);
      }
    }
    try (ObjectInputStream in = new LoaderAwareInputStream(
        new ByteArrayInputStream(serialized), classLoader.get())) {
      if (filter != null) {
        in.setObjectInputFilter(filter);
      }
      return in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new CacheException("Cannot deserialize a value of a store-by-value cache: " + e, e);
    }
  }

  /**
   * The filter an {@link ObjectInputStream} would apply: the JVM-wide filter factory's choice
   * for a new stream, then for this cache's filter when one is configured.
   */
  private ObjectInputFilter streamFilter() {
    BinaryOperator<ObjectInputFilter> factory = ObjectInputFilter.Config.getSerialFilterFactory();
    ObjectInputFilter streamFilter = factory.apply(null, ObjectInputFilter.Config.getSerialFilter());
    if (filter != null) {
      ObjectInputFilter next = factory.apply(streamFilter, filter);
      if (streamFilter != null && next == null) {
        throw new IllegalStateException("the serial filter factory dropped the stream's filter");
      }
      streamFilter = next;
    }
    return streamFilter;
  }

  /**
   * {@link #resolve}, then what {@link ObjectInputStream#resolveClass} would try last: the
   * loader of the code reading (ours).
   */
  private Class<?> resolveOrFail(String name, ClassLoader fallback)
      throws ClassNotFoundException {
    Class<?> type = resolve(name, fallback);
    return type != null ? type : Class.forName(name, false, Serializer.class.getClassLoader());
  }

  /**
   * Resolves a class by name, the context class loader first and then the manager's, remembering
   * the answer: {@code Class.forName} costs more than the rest of reading a small object. An
   * answer is reused only under the same context loader, and holds neither loader nor class
   * strongly, so a redeployed application's classes can still be unloaded.
   */
  private Class<?> resolve(String name, ClassLoader fallback) throws ClassNotFoundException {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    Resolution known = resolved.get(name);
    if (known != null && known.context.get() == context && known.fallback.get() == fallback) {
      Class<?> type = known.type.get();
      if (type != null) {
        return type;
      }
    }
    Class<?> type = null;
    if (context != null) {
      try {
        type = Class.forName(name, false, context);
      } catch (ClassNotFoundException notVisible) {
        // try the manager's loader
      }
    }
    if (type == null && fallback != null && fallback != context) {
      try {
        type = Class.forName(name, false, fallback);
      } catch (ClassNotFoundException notVisible) {
        // left to the stream's default: the caller's own loader
      }
    }
    if (type != null) {
      resolved.put(name, new Resolution(context, fallback, type));
    }
    return type;
  }

  private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

  private static final class Resolution {
    final WeakReference<ClassLoader> context;
    final WeakReference<ClassLoader> fallback;
    final WeakReference<Class<?>> type;

    Resolution(ClassLoader context, ClassLoader fallback, Class<?> type) {
      this.context = new WeakReference<>(context);
      this.fallback = new WeakReference<>(fallback);
      this.type = new WeakReference<>(type);
    }
  }

  /** An input stream resolving classes through {@link #resolve}. */
  private final class LoaderAwareInputStream extends ObjectInputStream {
    private final ClassLoader fallback;

    LoaderAwareInputStream(InputStream in, ClassLoader fallback) throws IOException {
      super(in);
      this.fallback = fallback;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      Class<?> type = resolve(desc.getName(), fallback);
      return type != null ? type : super.resolveClass(desc);
    }
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
