package io.github.s3fifo.jcache.hibernate;

import static io.github.s3fifo.jcache.hibernate.HibernateSetup.AUTHORS_REGION;
import static io.github.s3fifo.jcache.hibernate.HibernateSetup.BOOK_REGION;
import static io.github.s3fifo.jcache.hibernate.HibernateSetup.NATURAL_ID_REGION;
import static io.github.s3fifo.jcache.hibernate.HibernateSetup.PUBLISHER_REGION;
import static io.github.s3fifo.jcache.hibernate.HibernateSetup.TIMESTAMPS_REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.S3FifoCacheManager;
import io.github.s3fifo.store.ShardedStore;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.stat.CacheRegionStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Hibernate ORM's second-level cache must do on this provider, whatever the regions'
 * configuration: each test gets its own session factory and in-memory database.
 */
abstract class SecondLevelCacheContract {

  SessionFactory sessionFactory;
  Statistics statistics;

  /** Settings on top of {@link HibernateSetup#commonCacheSettings()}. */
  abstract Map<String, String> cacheSettings();

  /** Whether the entity, collection, natural-id and query regions have a (small) bound. */
  abstract boolean entityRegionsBounded();

  @BeforeEach
  void openSessionFactory() {
    sessionFactory = HibernateSetup.build(cacheSettings());
    statistics = sessionFactory.getStatistics();
  }

  @AfterEach
  void closeSessionFactory() {
    if (sessionFactory != null) {
      sessionFactory.close();
    }
  }

  // ---- Hits in a new session -------------------------------------------------------------

  @Test
  void aNewSessionReadsTheEntityItsCollectionAndItsNaturalIdFromTheCache() {
    sessionFactory.inTransaction(session -> {
      session.persist(new Book(1, "isbn-1", "Dune", Set.of("Herbert")));
      session.persist(new Publisher(1, "Chilton"));
    });
    statistics.clear();

    // READ_WRITE caches the entity at insert; the collection is cached by its first load.
    assertEquals("Dune", read(session -> session.find(Book.class, 1L).getTitle()));
    assertEquals(1, hits(BOOK_REGION));
    assertEquals(Set.of("Herbert"), read(session -> authors(session.find(Book.class, 1L))));
    assertEquals(2, hits(BOOK_REGION));
    assertEquals(1, misses(AUTHORS_REGION));

    long statements = statistics.getPrepareStatementCount();
    assertEquals(Set.of("Herbert"), read(session -> authors(session.find(Book.class, 1L))));
    assertEquals(3, hits(BOOK_REGION));
    assertEquals(1, hits(AUTHORS_REGION));
    assertEquals(statements, statistics.getPrepareStatementCount(), "no SQL for a cached read");

    assertEquals("Dune",
        read(session -> session.bySimpleNaturalId(Book.class).load("isbn-1").getTitle()));
    assertEquals(1, statistics.getNaturalIdCacheHitCount());
    assertEquals(statements, statistics.getPrepareStatementCount(), "no SQL for a cached read");

    // NONSTRICT_READ_WRITE caches an entity when it is first loaded.
    assertEquals("Chilton", read(session -> session.find(Publisher.class, 1L).getName()));
    assertEquals("Chilton", read(session -> session.find(Publisher.class, 1L).getName()));
    assertEquals(1, misses(PUBLISHER_REGION));
    assertEquals(1, hits(PUBLISHER_REGION));

    // The regions are this provider's caches.
    assertEquals(1, store(BOOK_REGION).size());
    assertEquals(1, store(AUTHORS_REGION).size());
    assertEquals(1, store(NATURAL_ID_REGION).size());
    assertEquals(1, store(PUBLISHER_REGION).size());
  }

  // ---- Committed updates ---------------------------------------------------------------------

  @Test
  void aReaderAfterACommittedUpdateNeverSeesTheOldValue() {
    sessionFactory.inTransaction(session -> {
      session.persist(new Book(2, "isbn-2", "Old title", Set.of("A")));
      session.persist(new Publisher(2, "Old name"));
    });
    // Everything cached.
    read(session -> authors(session.find(Book.class, 2L)));
    read(session -> session.find(Publisher.class, 2L).getName());

    sessionFactory.inTransaction(session -> {
      Book book = session.find(Book.class, 2L);
      book.setTitle("New title");
      book.getAuthors().add("B");
      session.find(Publisher.class, 2L).setName("New name");
    });
    statistics.clear();

    assertEquals("New title", read(session -> session.find(Book.class, 2L).getTitle()));
    assertEquals(1, hits(BOOK_REGION), "READ_WRITE put the new state in the cache at commit");
    assertEquals(Set.of("A", "B"), read(session -> authors(session.find(Book.class, 2L))));
    assertEquals("New name", read(session -> session.find(Publisher.class, 2L).getName()));
    assertEquals(0, hits(PUBLISHER_REGION), "NONSTRICT_READ_WRITE dropped the entry at commit");

    sessionFactory.inTransaction(session -> session.remove(session.find(Book.class, 2L)));
    assertNull(read(session -> session.find(Book.class, 2L)));
    assertNull(read(session -> session.bySimpleNaturalId(Book.class).load("isbn-2")));
  }

  // ---- The query cache ---------------------------------------------------------------------

  @Test
  void theQueryCacheHitsUntilAnUpdateOfItsTable() {
    sessionFactory.inTransaction(session -> {
      for (long id = 10; id <= 12; id++) {
        session.persist(new Book(id, "isbn-" + id, "Query " + id, Set.of()));
      }
      session.persist(new Publisher(10, "Unrelated"));
    });
    statistics.clear();

    List<String> first = queryTitles("Query%");
    assertEquals(List.of("Query 10", "Query 11", "Query 12"), first);
    assertEquals(0, statistics.getQueryCacheHitCount());
    assertEquals(1, statistics.getQueryCachePutCount());
    long statements = statistics.getPrepareStatementCount();
    assertEquals(first, queryTitles("Query%"));
    assertEquals(1, statistics.getQueryCacheHitCount());
    assertEquals(statements, statistics.getPrepareStatementCount(), "no SQL for a cached query");

    sessionFactory.inTransaction(session ->
        session.find(Book.class, 11L).setTitle("Query eleven"));
    assertEquals(List.of("Query 10", "Query eleven", "Query 12"), queryTitles("Query%"));
    assertEquals(1, statistics.getQueryCacheHitCount(), "the update invalidated the result");
    assertEquals(2, statistics.getQueryCacheMissCount());
    assertEquals(List.of("Query 10", "Query eleven", "Query 12"), queryTitles("Query%"));
    assertEquals(2, statistics.getQueryCacheHitCount());

    // An update of another table leaves the result valid.
    sessionFactory.inTransaction(session ->
        session.find(Publisher.class, 10L).setName("Still unrelated"));
    queryTitles("Query%");
    assertEquals(3, statistics.getQueryCacheHitCount());
  }

  // ---- The timestamps region under pressure ------------------------------------------------

  @Test
  void theTimestampsRegionKeepsEveryEntryWhileTheOtherRegionsChurn() {
    int books = 300;
    sessionFactory.inTransaction(session -> {
      for (long id = 1; id <= books; id++) {
        session.persist(new Book(id, "isbn-" + id, "Churn " + id, Set.of("author " + id)));
      }
      session.persist(new Publisher(1, "Publisher"));
    });
    String count = "select count(b) from Book b where b.title like 'Churn%'";
    assertEquals(books, countQuery(count));
    assertEquals(books, countQuery(count));
    assertEquals(1, statistics.getQueryCacheHitCount());

    // One update of each table: the timestamps region now guards three query spaces.
    sessionFactory.inTransaction(session -> {
      session.find(Book.class, 1L).setTitle("Renamed");
      session.find(Book.class, 2L).getAuthors().add("second author");
      session.find(Publisher.class, 1L).setName("Renamed publisher");
    });
    // Churn every other region.
    for (int round = 0; round < 2; round++) {
      for (long id = 1; id <= books; id++) {
        long bookId = id;
        read(session -> authors(session.find(Book.class, bookId)));
        read(session -> session.bySimpleNaturalId(Book.class).load("isbn-" + bookId));
      }
    }

    ShardedStore<Object, Object> timestamps = store(TIMESTAMPS_REGION);
    assertEquals(0, timestamps.stats().evictions());
    for (String table : List.of("books", "book_authors", "publishers")) {
      assertTrue(region(TIMESTAMPS_REGION).containsKey(table), "timestamp of " + table);
    }
    if (entityRegionsBounded()) {
      for (String region : List.of(BOOK_REGION, AUTHORS_REGION, NATURAL_ID_REGION)) {
        assertTrue(store(region).stats().evictions() > 0, region + " was churned");
        assertTrue(store(region).size() <= 64, region + " holds " + store(region).size());
      }
    }
    // The result cached before the update is refused: the update's timestamp is still there.
    long hits = statistics.getQueryCacheHitCount();
    assertEquals(books - 1, countQuery(count));
    assertEquals(hits, statistics.getQueryCacheHitCount());
  }

  // ---- A new session factory ---------------------------------------------------------------

  @Test
  void aSessionFactoryOpenedAfterTheFirstClosedGetsAFreshCacheManager() {
    S3FifoCacheManager first = HibernateSetup.cacheManager(sessionFactory);
    sessionFactory.inTransaction(session ->
        session.persist(new Book(1, "isbn-1", "First", Set.of())));
    assertSame(first, HibernateSetup.cacheManager(sessionFactory));

    sessionFactory.close();
    assertTrue(first.isClosed(), "Hibernate closes the manager it used, even a shared one");

    sessionFactory = HibernateSetup.build(cacheSettings());
    statistics = sessionFactory.getStatistics();
    S3FifoCacheManager second = HibernateSetup.cacheManager(sessionFactory);
    assertNotSame(first, second);
    assertFalse(second.isClosed());
    assertEquals(first.getURI(), second.getURI());
    assertEquals(0, store(BOOK_REGION).size(), "nothing survives from the closed manager");

    sessionFactory.inTransaction(session ->
        session.persist(new Book(1, "isbn-1", "Second", Set.of())));
    assertEquals("Second", read(session -> session.find(Book.class, 1L).getTitle()));
    assertEquals(1, hits(BOOK_REGION));
  }

  // ---- Concurrent readers and writers ----------------------------------------------------

  /**
   * Four threads read (entity and collection, natural id, cacheable query) and update a few
   * READ_WRITE books for two seconds. Updates are serialized by the test, so each book's versions
   * are numbered: a reader that starts after version n was committed must see n or later, through
   * every path. NONSTRICT_READ_WRITE is left out: Hibernate does not promise that for it (a load
   * that started before an update may put the old state back after it).
   *
   * <p>Why one writer at a time: Hibernate's query cache trusts the timestamps region, and its
   * {@code TimestampsCacheEnabledImpl.invalidate} stamps a table with a time it read before its
   * put. Two commits to one table can land their puts in the opposite order of their times, leaving
   * the older stamp, under which a result read before the newer commit passes as fresh. That race
   * is Hibernate's, whatever the cache provider; readers still run beside the writer here.
   */
  @Test
  void concurrentReadersAndWritersLeaveTheCacheEqualToTheDatabase() throws Exception {
    int books = 8;
    sessionFactory.inTransaction(session -> {
      for (int i = 0; i < books; i++) {
        session.persist(new Book(100 + i, "isbn-" + (100 + i), title(i, 0), Set.of("x", "a0")));
      }
    });
    AtomicLongArray committed = new AtomicLongArray(books);
    ReentrantLock writer = new ReentrantLock();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong reads = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    // Runs until enough of both happened (about two seconds on an idle machine); the deadline only
    // stops a machine too loaded to get there, which the assertion below then reports.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        Random random = new Random(t);
        pool.execute(() -> {
          try {
            while (System.nanoTime() < deadline && failures.isEmpty()
                && (reads.get() < MIN_READS || writes.get() < MIN_WRITES)) {
              int i = random.nextInt(books);
              if (random.nextInt(4) == 0 && writer.tryLock()) {
                try {
                  long next = committed.get(i) + 1;
                  sessionFactory.inTransaction(session -> {
                    Book book = session.find(Book.class, 100L + i);
                    book.setTitle(title(i, next));
                    book.getAuthors().remove("a" + (next - 1));
                    book.getAuthors().add("a" + next);
                  });
                  committed.set(i, next);
                  writes.incrementAndGet();
                } finally {
                  writer.unlock();
                }
              } else {
                long before = committed.get(i);
                int path = random.nextInt(3);
                for (long seen : readVersions(path, i)) {
                  if (seen < before) {
                    failures.add(new AssertionError("book " + i + ": read version " + seen
                        + " after version " + before + " was committed, through "
                        + READ_PATHS[path]));
                  }
                }
                reads.incrementAndGet();
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError(failures.size() + " failures; the first one");
      error.initCause(failures.peek());
      throw error;
    }
    assertTrue(reads.get() >= MIN_READS && writes.get() >= MIN_WRITES,
        reads + " reads, " + writes + " writes");

    // Afterwards: the database holds every committed version, and the cache agrees with it.
    statistics.clear();
    for (int i = 0; i < books; i++) {
      long id = 100L + i;
      List<Object> database = read(CacheMode.IGNORE, session -> state(session, id));
      assertEquals(List.of(title(i, committed.get(i)), Set.of("x", "a" + committed.get(i)),
          id), database, "no update was lost");
      assertEquals(database, read(CacheMode.GET, session -> state(session, id)), "book " + i);
    }
    assertTrue(hits(BOOK_REGION) > 0, "the comparison read cached entries");
  }

  private static String title(int book, long version) {
    return "book " + book + " version " + version;
  }

  /** The versions one read path sees: entity title and collection, natural id, query. */
  private static final long MIN_READS = 300;
  private static final long MIN_WRITES = 40;

  private static final String[] READ_PATHS = {
    "find and its collection", "the natural id", "a cacheable query"
  };

  private List<Long> readVersions(int path, int book) {
    long id = 100L + book;
    return switch (path) {
      case 0 -> read(session -> {
        Book found = session.find(Book.class, id);
        long titleVersion = version(found.getTitle());
        long authorVersion = found.getAuthors().stream().filter(a -> !a.equals("x"))
            .mapToLong(a -> Long.parseLong(a.substring(1))).max().orElseThrow();
        return List.of(titleVersion, authorVersion);
      });
      case 1 -> List.of(version(read(session ->
          session.bySimpleNaturalId(Book.class).load("isbn-" + id).getTitle())));
      default -> List.of(version(read(session -> session.createSelectionQuery(
              "select b.title from Book b where b.id = :id", String.class)
          .setParameter("id", id)
          .setCacheable(true)
          .getSingleResult())));
    };
  }

  private static long version(String title) {
    return Long.parseLong(title.substring(title.lastIndexOf(' ') + 1));
  }

  /** A book's title, authors, and the id its natural id resolves to. */
  private static List<Object> state(Session session, long id) {
    Book book = session.find(Book.class, id);
    Book byNaturalId = session.bySimpleNaturalId(Book.class).load(book.getIsbn());
    return List.of(book.getTitle(), authors(book), byNaturalId.getId());
  }

  // ---- Helpers -------------------------------------------------------------------------------

  /** Runs the work in a new session, outside any transaction, with the default cache mode. */
  <R> R read(Function<Session, R> work) {
    return read(CacheMode.NORMAL, work);
  }

  <R> R read(CacheMode cacheMode, Function<Session, R> work) {
    try (Session session = sessionFactory.openSession()) {
      session.setCacheMode(cacheMode);
      return work.apply(session);
    }
  }

  static Set<String> authors(Book book) {
    return Set.copyOf(book.getAuthors());
  }

  List<String> queryTitles(String pattern) {
    return read(session -> session.createSelectionQuery(
            "select b.title from Book b where b.title like :pattern order by b.id", String.class)
        .setParameter("pattern", pattern)
        .setCacheable(true)
        .getResultList());
  }

  long countQuery(String query) {
    return read(session -> session.createSelectionQuery(query, Long.class)
        .setCacheable(true)
        .getSingleResult());
  }

  long hits(String region) {
    return regionStatistics(region).getHitCount();
  }

  long misses(String region) {
    return regionStatistics(region).getMissCount();
  }

  private CacheRegionStatistics regionStatistics(String region) {
    return statistics.getCacheRegionStatistics(region);
  }

  javax.cache.Cache<Object, Object> region(String region) {
    return HibernateSetup.region(sessionFactory, region);
  }

  ShardedStore<Object, Object> store(String region) {
    return HibernateSetup.store(sessionFactory, region);
  }
}
