package io.github.s3fifo.jcache.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/** Classes are resolved by the context class loader first, and a remembered answer follows it. */
class SerializerClassLoaderTest {

  /** The class each loader below defines a copy of. */
  public static final class Probe implements Serializable {
    private static final long serialVersionUID = 1L;
    final int value;

    public Probe(int value) {
      this.value = value;
    }
  }

  /** Defines its own copy of {@link Probe}; delegates everything else. */
  private static final class ProbeLoader extends ClassLoader {
    ProbeLoader() {
      super(SerializerClassLoaderTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(Probe.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  private static Object deserializeUnder(ClassLoader context, Serializer serializer, byte[] bytes) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(context);
    try {
      return serializer.deserialize(bytes);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void eachReadResolvesWithTheContextLoaderOfItsThread() {
    Serializer serializer = new Serializer(() -> SerializerClassLoaderTest.class.getClassLoader(),
        null);
    byte[] bytes = serializer.serialize(new Probe(42));
    org.junit.jupiter.api.Assertions.assertTrue(JavaIo.isCompact(bytes));
    ClassLoader first = new ProbeLoader();
    ClassLoader second = new ProbeLoader();

    Object a = deserializeUnder(first, serializer, bytes);
    Object again = deserializeUnder(first, serializer, bytes);
    Object b = deserializeUnder(second, serializer, bytes);
    Object fallback = deserializeUnder(null, serializer, bytes);

    assertSame(first, a.getClass().getClassLoader());
    assertSame(a.getClass(), again.getClass());
    assertSame(second, b.getClass().getClassLoader(), "a remembered class outlived its context");
    assertSame(Probe.class, fallback.getClass(), "no context loader: the manager's loader");
    assertEquals(42, ((Probe) fallback).value);
  }

  @Test
  void classesNestedInAValueAndArrayComponentsFollowTheContextLoader() {
    Serializer serializer = new Serializer(() -> SerializerClassLoaderTest.class.getClassLoader(),
        null);
    Probe shared = new Probe(7);
    byte[] bytes = serializer.serialize(new Object[] {new Probe[] {shared}, shared});
    org.junit.jupiter.api.Assertions.assertTrue(JavaIo.isCompact(bytes));
    ClassLoader loader = new ProbeLoader();

    Object[] read = (Object[]) deserializeUnder(loader, serializer, bytes);
    Object[] probes = (Object[]) read[0];
    assertSame(loader, probes.getClass().getComponentType().getClassLoader());
    assertSame(loader, read[1].getClass().getClassLoader());
    assertSame(probes[0], read[1], "sharing survives the change of loader");
  }
}
