package io.github.s3fifo.jcache.copy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Creates instances the way java.io does: without running the constructors of serializable
 * classes, running only the no-arg constructor of the first non-serializable superclass. The
 * constructor comes from {@code sun.reflect.ReflectionFactory} (module {@code jdk.unsupported}),
 * which applies java.io's own rule on that constructor's accessibility. It is looked up
 * reflectively, so a runtime without it only sends every class through java.io.
 */
final class Instantiation {

  private static final Object FACTORY;
  private static final Method NEW_CONSTRUCTOR;

  static {
    Object factory = null;
    Method newConstructor = null;
    try {
      Class<?> type = Class.forName("sun.reflect.ReflectionFactory");
      factory = type.getMethod("getReflectionFactory").invoke(null);
      newConstructor = type.getMethod("newConstructorForSerialization", Class.class);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
      factory = null;
      newConstructor = null;
    }
    FACTORY = factory;
    NEW_CONSTRUCTOR = newConstructor;
  }

  private Instantiation() {}

  /**
   * A constructor creating instances of {@code type} as java.io would, or {@code null} when
   * java.io would refuse (no accessible no-arg constructor in the first non-serializable
   * superclass) or the runtime offers no way to do it.
   */
  static Constructor<?> serializationConstructor(Class<?> type) {
    if (NEW_CONSTRUCTOR == null) {
      return null;
    }
    try {
      Constructor<?> constructor = (Constructor<?>) NEW_CONSTRUCTOR.invoke(FACTORY, type);
      if (constructor != null) {
        constructor.setAccessible(true);
      }
      return constructor;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
      return null;
    }
  }
}
