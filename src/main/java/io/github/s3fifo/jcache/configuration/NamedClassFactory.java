package io.github.s3fifo.jcache.configuration;

import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import javax.cache.CacheException;
import javax.cache.configuration.Factory;

/**
 * A serializable factory making a new instance of a named class through its public no-argument
 * constructor. Two factories are equal when they name the same class.
 *
 * <p>The class is loaded by the class loader the factory was made with (held weakly, so a cache
 * configuration never pins an undeployed application); after deserialization, or once that
 * loader is gone, by the thread's context class loader, then by this class's own loader.
 *
 * @param <T> the type of the instances
 */
public final class NamedClassFactory<T> implements Factory<T>, Serializable {

  private static final long serialVersionUID = 1L;

  private final String className;
  private transient WeakReference<ClassLoader> classLoader;

  private NamedClassFactory(String className, ClassLoader classLoader) {
    this.className = className;
    this.classLoader = new WeakReference<>(classLoader);
  }

  /**
   * Returns a factory of {@code className}, having checked that the class exists, implements
   * {@code type} and can be instantiated (one instance is made and dropped).
   *
   * @throws IllegalArgumentException saying what is wrong with the class
   */
  @SuppressWarnings("unchecked")
  public static <T> NamedClassFactory<T> of(
      String className, Class<? super T> type, ClassLoader classLoader) {
    Class<?> loaded = CacheProperty.loadClass(className, classLoader);
    if (!type.isAssignableFrom(loaded)) {
      throw new IllegalArgumentException("the class does not implement " + type.getName());
    }
    if (loaded.isInterface() || Modifier.isAbstract(loaded.getModifiers())) {
      throw new IllegalArgumentException("the class is abstract");
    }
    NamedClassFactory<T> factory = new NamedClassFactory<>(className, classLoader);
    try {
      instantiate(loaded);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw new IllegalArgumentException("the class cannot be instantiated: " + describe(e), e);
    }
    return factory;
  }

  /** The name of the class this factory instantiates. */
  public String getClassName() {
    return className;
  }

  /**
   * Returns a new instance.
   *
   * @throws CacheException if the class cannot be loaded or instantiated
   */
  @Override
  @SuppressWarnings("unchecked")
  public T create() {
    try {
      return (T) instantiate(load());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw new CacheException("Cannot instantiate " + className + ": " + describe(e), e);
    }
  }

  private Class<?> load() throws ClassNotFoundException {
    ClassLoader loader = classLoader == null ? null : classLoader.get();
    if (loader != null) {
      return Class.forName(className, false, loader);
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      try {
        return Class.forName(className, false, context);
      } catch (ClassNotFoundException notInContext) {
        // Fall back to the loader that loaded this provider.
      }
    }
    return Class.forName(className, false, NamedClassFactory.class.getClassLoader());
  }

  private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
    try {
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof NoSuchMethodException) {
      return "it has no public no-argument constructor";
    }
    if (e instanceof IllegalAccessException) {
      return "it or its constructor is not accessible (not public?)";
    }
    return "its constructor failed with " + e;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamedClassFactory<?> other && className.equals(other.className);
  }

  @Override
  public int hashCode() {
    return className.hashCode();
  }

  @Override
  public String toString() {
    return "NamedClassFactory[" + className + "]";
  }
}
