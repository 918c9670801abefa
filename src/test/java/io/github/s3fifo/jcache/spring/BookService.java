package io.github.s3fifo.jcache.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;

/**
 * A service whose methods Spring's cache annotations wrap. It counts the calls that reach it, so a
 * test sees which calls the cache answered. Keys are written {@code #p0}: the build does not
 * compile with {@code -parameters}, so SpEL cannot use parameter names.
 */
public class BookService {

  /** Declared in the configuration file, by reference. */
  public static final String BOOKS = "com.acme.books";
  /** Declared in the configuration file, by value. */
  public static final String SLOW = "com.acme.slow";
  /** Declared in the configuration file; its method returns null. */
  public static final String MISSING = "com.acme.missing";

  /** Not Serializable: only a by-reference cache can hold it. */
  public record Book(long id, String title) {}

  private final Map<Long, String> titles = new ConcurrentHashMap<>();
  private final AtomicInteger finds = new AtomicInteger();
  private final AtomicInteger missingLookups = new AtomicInteger();
  private final Map<String, AtomicInteger> slowCalls = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> slowGates = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> slowEntered = new ConcurrentHashMap<>();

  @Cacheable(BOOKS)
  public Book find(long id) {
    finds.incrementAndGet();
    return new Book(id, titles.getOrDefault(id, "Title " + id));
  }

  @CachePut(cacheNames = BOOKS, key = "#p0")
  public Book rename(long id, String title) {
    titles.put(id, title);
    return new Book(id, title);
  }

  @CacheEvict(BOOKS)
  public void forget(long id) {}

  @CacheEvict(cacheNames = BOOKS, allEntries = true)
  public void forgetAll() {}

  @Cacheable(MISSING)
  public Book findMissing(long id) {
    missingLookups.incrementAndGet();
    return null;
  }

  /**
   * A slow computation: it waits, up to 30 s, for the gate {@link #closeGate} made for the key
   * (keys without a gate pass at once).
   */
  @Cacheable(cacheNames = SLOW, sync = true)
  public String slow(String key) throws InterruptedException {
    slowCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    slowEntered.computeIfAbsent(key, k -> new CountDownLatch(1)).countDown();
    CountDownLatch gate = slowGates.get(key);
    if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The gate of " + key + " was never opened");
    }
    return "value of " + key;
  }

  /** A slow computation that fails: nothing is cached, and the caller sees its exception. */
  @Cacheable(cacheNames = SLOW, sync = true)
  public String failing(String key) {
    slowCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    throw new IllegalStateException("no value for " + key);
  }

  /** Makes {@link #slow} wait for the key until the returned latch is counted down. */
  public CountDownLatch closeGate(String key) {
    CountDownLatch gate = new CountDownLatch(1);
    slowGates.put(key, gate);
    return gate;
  }

  /** Counted down when {@link #slow} starts running for the key. */
  public CountDownLatch slowEntered(String key) {
    return slowEntered.computeIfAbsent(key, k -> new CountDownLatch(1));
  }

  public int finds() {
    return finds.get();
  }

  public int missingLookups() {
    return missingLookups.get();
  }

  public int slowCalls(String key) {
    AtomicInteger calls = slowCalls.get(key);
    return calls == null ? 0 : calls.get();
  }
}
