package io.github.s3fifo.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3FifoCachingProviderTest {

  private static final URI OTHER_URI = URI.create("test:S3FifoCachingProviderTest");

  private CachingProvider provider;

  @BeforeEach
  void setUp() {
    provider = Caching.getCachingProvider();
    provider.close();
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  @Test
  void isTheProviderFoundThroughTheServiceLoader() {
    assertInstanceOf(S3FifoCachingProvider.class, provider);
    assertSame(provider, Caching.getCachingProvider(S3FifoCachingProvider.class.getName()));
  }

  @Test
  void hasDefaults() {
    assertEquals(URI.create("urn:s3fifo-jcache:default"), provider.getDefaultURI());
    assertTrue(provider.getDefaultProperties().isEmpty());
    assertNotSame(provider.getDefaultProperties(), provider.getDefaultProperties(),
        "a caller changing the default properties must not change them for everyone");
    assertSame(provider.getDefaultClassLoader(), provider.getDefaultClassLoader());
  }

  @Test
  void supportsStoreByReferenceOnly() {
    assertTrue(provider.isSupported(OptionalFeature.STORE_BY_REFERENCE));
    assertFalse(provider.isSupported(null));
  }

  @Test
  void returnsOneManagerPerUriAndClassLoader() {
    ClassLoader loader = getClass().getClassLoader();
    CacheManager manager = provider.getCacheManager(OTHER_URI, loader);
    assertSame(manager, provider.getCacheManager(OTHER_URI, loader));
    assertSame(manager, provider.getCacheManager(OTHER_URI, loader, new Properties()));
    assertEquals(OTHER_URI, manager.getURI());
    assertSame(loader, manager.getClassLoader());
    assertSame(provider, manager.getCachingProvider());

    assertNotSame(manager, provider.getCacheManager(provider.getDefaultURI(), loader));
    ClassLoader child = new ClassLoader(loader) {};
    CacheManager childManager = provider.getCacheManager(OTHER_URI, child);
    assertNotSame(manager, childManager);
    assertSame(child, childManager.getClassLoader());
  }

  @Test
  void treatsNullsAsTheDefaults() {
    CacheManager manager = provider.getCacheManager();
    assertSame(manager, provider.getCacheManager(null, null));
    assertSame(manager, provider.getCacheManager(null, null, null));
    assertSame(manager,
        provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader()));
    assertEquals(provider.getDefaultURI(), manager.getURI());
    assertSame(provider.getDefaultClassLoader(), manager.getClassLoader());
    assertInstanceOf(S3FifoCacheManager.class, manager);
  }

  @Test
  void keepsThePropertiesTheManagerWasCreatedWith() {
    Properties properties = new Properties();
    properties.setProperty("answer", "42");
    CacheManager manager = provider.getCacheManager(OTHER_URI, null, properties);
    properties.setProperty("answer", "changed later");

    assertEquals("42", manager.getProperties().getProperty("answer"));
    assertSame(manager, provider.getCacheManager(OTHER_URI, null));
    assertEquals("42", provider.getCacheManager(OTHER_URI, null).getProperties()
        .getProperty("answer"));
  }

  @Test
  void replacesAClosedManagerWithAFreshOne() {
    CacheManager manager = provider.getCacheManager();
    manager.close();
    assertTrue(manager.isClosed());

    CacheManager fresh = provider.getCacheManager();
    assertNotSame(manager, fresh);
    assertFalse(fresh.isClosed());
    assertSame(fresh, provider.getCacheManager());
  }

  @Test
  void closesAllManagers() {
    ClassLoader child = new ClassLoader(getClass().getClassLoader()) {};
    List<CacheManager> managers = new ArrayList<>(List.of(
        provider.getCacheManager(),
        provider.getCacheManager(OTHER_URI, null),
        provider.getCacheManager(OTHER_URI, child)));

    provider.close();

    for (CacheManager manager : managers) {
      assertTrue(manager.isClosed(), manager.toString());
    }
    assertNotSame(managers.get(2), provider.getCacheManager(OTHER_URI, child));
  }

  @Test
  void closesTheManagersOfOneClassLoader() {
    ClassLoader child = new ClassLoader(getClass().getClassLoader()) {};
    CacheManager first = provider.getCacheManager(OTHER_URI, child);
    CacheManager second = provider.getCacheManager(provider.getDefaultURI(), child);
    CacheManager unrelated = provider.getCacheManager(OTHER_URI, null);

    provider.close(child);

    assertTrue(first.isClosed());
    assertTrue(second.isClosed());
    assertFalse(unrelated.isClosed());
    assertSame(unrelated, provider.getCacheManager(OTHER_URI, null));
  }

  @Test
  void closesOneManagerByUriAndClassLoader() {
    CacheManager target = provider.getCacheManager(OTHER_URI, null);
    CacheManager unrelated = provider.getCacheManager();

    provider.close(OTHER_URI, null);
    provider.close(OTHER_URI, null); // nothing left to close: no error
    provider.close(URI.create("test:never-created"), new ClassLoader() {});

    assertTrue(target.isClosed());
    assertFalse(unrelated.isClosed());
    assertNotSame(target, provider.getCacheManager(OTHER_URI, null));
  }

  @Test
  void aStaleManagerClosingLateDoesNotDetachItsReplacement() {
    CacheManager stale = provider.getCacheManager(OTHER_URI, null);
    provider.close(OTHER_URI, null);
    CacheManager current = provider.getCacheManager(OTHER_URI, null);

    stale.close();

    assertSame(current, provider.getCacheManager(OTHER_URI, null));
    assertFalse(current.isClosed());
  }

  @Test
  void doesNotKeepAClassLoaderAlive() throws InterruptedException {
    ClassLoader throwaway = new ClassLoader(getClass().getClassLoader()) {};
    WeakReference<ClassLoader> reference = new WeakReference<>(throwaway);
    CacheManager manager = provider.getCacheManager(OTHER_URI, throwaway);
    assertSame(throwaway, manager.getClassLoader());
    throwaway = null;

    // Neither the provider's map nor the manager, which the test still holds, pins the loader.
    GarbageCollection.awaitCleared(reference);

    assertNull(reference.get());
    assertNotNull(manager.getClassLoader(), "falls back to the default loader");
    assertSame(provider.getDefaultClassLoader(), manager.getClassLoader());
    manager.close(); // detaching a manager whose loader is gone must work
    assertTrue(manager.isClosed());
  }
}
