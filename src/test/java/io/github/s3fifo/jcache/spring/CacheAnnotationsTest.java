package io.github.s3fifo.jcache.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.spring.BookService.Book;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.support.NullValue;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict} on a service bean, seen through
 * the calls that reach the service and through the JCache caches underneath.
 */
class CacheAnnotationsTest {

  private static ConfigurableApplicationContext context;
  private static BookService service;
  private static CacheManager manager;

  private Cache<Object, Object> books;

  @BeforeAll
  static void start() {
    context = CachingApplication.start(CachingApplication.CONFIG);
    service = context.getBean(BookService.class);
    manager = SpringBootAutoConfigurationTest.jcacheManager(context);
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  @BeforeEach
  void emptyCaches() {
    books = manager.getCache(BookService.BOOKS);
    books.removeAll();
    manager.getCache(BookService.MISSING).removeAll();
  }

  @Test
  void cacheableRunsTheMethodOncePerKey() {
    int before = service.finds();
    Book first = service.find(1);
    assertEquals(new Book(1, "Title 1"), first);
    assertEquals(before + 1, service.finds());
    // A by-reference cache hands back the very object the method returned.
    assertSame(first, service.find(1));
    assertSame(first, service.find(1));
    assertEquals(before + 1, service.finds());
    assertSame(first, books.get(1L), "Spring's key for one argument is the argument");

    assertEquals(new Book(2, "Title 2"), service.find(2));
    assertEquals(before + 2, service.finds());
  }

  @Test
  void cachePutAlwaysRunsAndReplacesTheCachedValue() {
    service.find(10);
    int before = service.finds();
    Book renamed = service.rename(10, "Renamed");
    assertSame(renamed, books.get(10L));
    assertSame(renamed, service.find(10));
    assertEquals(before, service.finds(), "served from the cache");
    // CachePut on an absent key caches too.
    Book fresh = service.rename(11, "Fresh");
    assertSame(fresh, service.find(11));
    assertEquals(before, service.finds());
  }

  @Test
  void cacheEvictRemovesOneKey() {
    service.find(20);
    service.find(21);
    int before = service.finds();
    service.forget(20);
    assertFalse(books.containsKey(20L));
    assertTrue(books.containsKey(21L));
    service.find(20);
    service.find(21);
    assertEquals(before + 1, service.finds(), "only the evicted key runs the method again");
  }

  @Test
  void cacheEvictAllEntriesEmptiesTheCache() {
    service.find(30);
    service.find(31);
    service.find(32);
    int before = service.finds();
    service.forgetAll();
    assertFalse(books.iterator().hasNext(), "no entry left");
    service.find(30);
    service.find(31);
    assertEquals(before + 2, service.finds());
  }

  @Test
  void aNullResultIsCachedAndReadBackAsNull() {
    int before = service.missingLookups();
    assertNull(service.findMissing(40));
    assertNull(service.findMissing(40));
    assertEquals(before + 1, service.missingLookups(), "the null was served from the cache");
    // Spring stored its Serializable marker; this cache is by value, and the copy read back is
    // the marker itself (NullValue resolves to its singleton), which Spring compares by identity.
    assertTrue(manager.getCache(BookService.MISSING).getConfiguration(
        javax.cache.configuration.CompleteConfiguration.class).isStoreByValue());
    assertSame(NullValue.INSTANCE, manager.getCache(BookService.MISSING).get(40L));
    org.springframework.cache.Cache.ValueWrapper wrapper = context.getBean(
        org.springframework.cache.CacheManager.class).getCache(BookService.MISSING).get(40L);
    assertNotNull(wrapper, "a cached null is a hit");
    assertNull(wrapper.get());
  }
}
