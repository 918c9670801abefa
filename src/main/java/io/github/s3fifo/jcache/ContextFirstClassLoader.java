package io.github.s3fifo.jcache;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The provider's default class loader: it asks the calling thread's context class loader first
 * (an application server's or framework's loader, which sees the application's classes), then
 * the loader that loaded the provider. One instance serves every thread, so the default
 * {@code CacheManager} is the same whichever thread asks for it.
 *
 * <p>{@link #loadClass(String)} consults the current context loader on every call. The JVM,
 * however, remembers the class that {@code Class.forName(name, init, thisLoader)} (and so
 * linking) first obtained for a name through this loader and returns it from then on.
 */
final class ContextFirstClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  /**
   * Set while this loader is delegating to a context loader, so a context loader whose own
   * parent chain leads back here does not recurse forever.
   */
  private final ThreadLocal<Boolean> delegating = new ThreadLocal<>();

  ContextFirstClassLoader(ClassLoader fallback) {
    super(fallback);
  }

  private ClassLoader contextLoader() {
    if (delegating.get() != null) {
      return null;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context == this ? null : context;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    ClassLoader context = contextLoader();
    if (context != null) {
      delegating.set(Boolean.TRUE);
      try {
        return Class.forName(name, false, context);
      } catch (ClassNotFoundException notInContext) {
        // fall back to the provider's loader
      } finally {
        delegating.remove();
      }
    }
    // Straight to the provider's loader: super.loadClass would first return a class the JVM
    // recorded for this loader, possibly one an earlier context loader supplied.
    ClassLoader fallback = getParent();
    return fallback == null ? super.loadClass(name, resolve) : fallback.loadClass(name);
  }

  @Override
  public URL getResource(String name) {
    ClassLoader context = contextLoader();
    if (context != null) {
      delegating.set(Boolean.TRUE);
      try {
        URL url = context.getResource(name);
        if (url != null) {
          return url;
        }
      } finally {
        delegating.remove();
      }
    }
    return super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Set<URL> urls = new LinkedHashSet<>();
    ClassLoader context = contextLoader();
    if (context != null) {
      delegating.set(Boolean.TRUE);
      try {
        urls.addAll(Collections.list(context.getResources(name)));
      } finally {
        delegating.remove();
      }
    }
    urls.addAll(Collections.list(super.getResources(name)));
    return Collections.enumeration(urls);
  }

  @Override
  public String toString() {
    return "ContextFirstClassLoader[fallback=" + getParent() + "]";
  }
}
