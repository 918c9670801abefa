package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContextFirstClassLoaderTest {

  /** A class the test loads through a loader of its own. */
  public static final class Marker {}

  private static final String RESOURCE = "context-only/resource.txt";

  private Thread thread;
  private ClassLoader originalContext;
  private ClassLoader defaultLoader;

  @BeforeEach
  void setUp() {
    thread = Thread.currentThread();
    originalContext = thread.getContextClassLoader();
    // A loader of its own: the JVM pins what Class.forName resolves through a loader, so tests
    // must not share one.
    defaultLoader = new ContextFirstClassLoader(S3FifoCachingProvider.class.getClassLoader());
  }

  @AfterEach
  void restoreContext() {
    thread.setContextClassLoader(originalContext);
  }

  @Test
  void isTheProvidersDefaultLoader() {
    ClassLoader providers = Caching.getCachingProvider().getDefaultClassLoader();
    assertTrue(providers instanceof ContextFirstClassLoader);
    assertSame(S3FifoCachingProvider.class.getClassLoader(), providers.getParent());
  }

  @Test
  void loadsFromTheContextLoaderFirst() throws Exception {
    ClassLoader context = new RedefiningLoader(getClass().getClassLoader());
    thread.setContextClassLoader(context);

    Class<?> loaded = defaultLoader.loadClass(Marker.class.getName());

    assertSame(context, loaded.getClassLoader());
    assertTrue(loaded != Marker.class, "the context loader's own copy");
    assertSame(loaded, Class.forName(Marker.class.getName(), false, defaultLoader));

    // A later call from a thread with another context loader asks that loader.
    thread.setContextClassLoader(getClass().getClassLoader());
    assertSame(Marker.class, defaultLoader.loadClass(Marker.class.getName()));
  }

  @Test
  void fallsBackToTheProvidersLoader() throws Exception {
    thread.setContextClassLoader(new ClassLoader(null) {}); // sees only the JDK
    assertSame(Marker.class, defaultLoader.loadClass(Marker.class.getName()));

    thread.setContextClassLoader(null);
    assertSame(Marker.class, defaultLoader.loadClass(Marker.class.getName()));
    assertThrows(ClassNotFoundException.class, () -> defaultLoader.loadClass("no.such.Type"));
  }

  @Test
  void aContextLoaderThatDelegatesBackDoesNotRecurse() {
    thread.setContextClassLoader(new ClassLoader(defaultLoader) {});
    assertThrows(ClassNotFoundException.class, () -> defaultLoader.loadClass("no.such.Type"));
    thread.setContextClassLoader(defaultLoader);
    assertThrows(ClassNotFoundException.class, () -> defaultLoader.loadClass("no.such.Type"));
  }

  @Test
  void findsResourcesInTheContextLoaderFirst() throws IOException {
    assertEquals(null, defaultLoader.getResource(RESOURCE));

    ResourceLoader context = new ResourceLoader(getClass().getClassLoader());
    thread.setContextClassLoader(context);

    assertEquals(context.url, defaultLoader.getResource(RESOURCE));
    assertEquals(List.of(context.url), Collections.list(defaultLoader.getResources(RESOURCE)));

    // A resource of the provider's own loader is still found, and only once although both the
    // context loader (through its parent) and the fallback loader see it.
    String shared = "META-INF/services/javax.cache.spi.CachingProvider";
    List<URL> expected = Collections.list(getClass().getClassLoader().getResources(shared));
    assertEquals(1, expected.size());
    assertEquals(expected, Collections.list(defaultLoader.getResources(shared)));
  }

  /** Defines its own copy of {@link Marker} instead of delegating to its parent. */
  private static final class RedefiningLoader extends ClassLoader {
    RedefiningLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(Marker.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        String path = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(path)) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  /** Has one resource of its own. */
  private static final class ResourceLoader extends ClassLoader {
    final URL url;

    ResourceLoader(ClassLoader parent) throws MalformedURLException {
      super(parent);
      url = URI.create("file:/nonexistent/" + RESOURCE).toURL();
    }

    @Override
    protected URL findResource(String name) {
      return RESOURCE.equals(name) ? url : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
      return RESOURCE.equals(name)
          ? Collections.enumeration(List.of(url)) : Collections.emptyEnumeration();
    }
  }
}
