package io.github.s3fifo.bench.hibernate;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.hibernate.stat.Statistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hibernate ORM with and without a second-level cache, over an in-memory H2 database of
 * {@value #POSTS} posts with {@value #COMMENTS_PER_POST} comments each (both entities and the
 * {@code Post.comments} collection cached, READ_WRITE). One operation opens a new session, finds
 * a post chosen uniformly at random, and touches its title and every comment of its collection;
 * with the {@code read90} mix one operation in ten then changes the title and commits. Reads run
 * outside a transaction, so with a warm cache they need no database connection at all.
 *
 * <p>Every cache starts warm (each post and its comments read once in set-up). The second-level
 * hit ratio of the measurement iterations comes from Hibernate's statistics through
 * {@link L2StatisticsProfiler}; bytes per operation from JMH's {@code -prof gc}. Run it through
 * {@code BenchMain --suite hibernate}, which adds both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HibernateBenchmark {

  static final int POSTS = 5_000;
  static final int COMMENTS_PER_POST = 4;

  /** Keeps Hibernate's start-up log quiet (a logger held weakly would lose its level). */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  /** Hibernate's statistics of the running trial, read by {@link L2StatisticsProfiler}. */
  static volatile Statistics statistics;

  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Param({"none", "s3fifo", "caffeine", "ehcache", "s3fifo-recipe"})
  public String target;

  /** {@code read}: read-only; {@code read90}: 90% reads, 10% updates. */
  @Param({"read", "read90"})
  public String mix;

  SessionFactory sessionFactory;
  boolean updates;
  final AtomicLong titleVersion = new AtomicLong();

  @Setup
  public void setUp() {
    HIBERNATE_LOG.setLevel(Level.WARNING);
    updates = switch (mix) {
      case "read" -> false;
      case "read90" -> true;
      default -> throw new IllegalArgumentException("no mix named '" + mix + "'");
    };
    sessionFactory = sessionFactory(HibernateTarget.of(target));
    populate();
    for (long id = 1; id <= POSTS; id++) {
      read(id);
    }
    statistics = sessionFactory.getStatistics();
  }

  @TearDown
  public void tearDown() {
    sessionFactory.close();
  }

  /** A session factory over a new in-memory database, with the target's cache settings. */
  static SessionFactory sessionFactory(HibernateTarget target) {
    Configuration configuration = new Configuration()
        .addAnnotatedClass(Post.class)
        .addAnnotatedClass(Comment.class)
        .setProperty("hibernate.connection.url",
            "jdbc:h2:mem:bench" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
        .setProperty("hibernate.connection.username", "sa")
        .setProperty("hibernate.connection.password", "")
        .setProperty("hibernate.connection.pool_size", "4")
        .setProperty("hibernate.hbm2ddl.auto", "create-drop")
        .setProperty("hibernate.generate_statistics", "true")
        .setProperty("hibernate.show_sql", "false");
    target.settings().forEach(configuration::setProperty);
    return configuration.buildSessionFactory();
  }

  private void populate() {
    long commentId = 1;
    for (long first = 1; first <= POSTS; first += 500) {
      try (Session session = sessionFactory.openSession()) {
        Transaction transaction = session.beginTransaction();
        for (long id = first; id < first + 500 && id <= POSTS; id++) {
          Post post = new Post(id, "Post " + id, "Body of post " + id + ". ".repeat(20));
          session.persist(post);
          for (int c = 0; c < COMMENTS_PER_POST; c++) {
            session.persist(new Comment(commentId++, "author" + (commentId % 97),
                "Comment " + c + " on post " + id, post));
          }
        }
        transaction.commit();
      }
    }
  }

  /** Per thread: its own random sequence. */
  @State(Scope.Thread)
  public static class Choice {
    private static final AtomicInteger THREADS = new AtomicInteger();
    final SplittableRandom random = new SplittableRandom(42 + THREADS.getAndIncrement());
  }

  @Benchmark
  public int findAndTouch(Choice choice) {
    long id = 1 + choice.random.nextInt(POSTS);
    if (updates && choice.random.nextInt(10) == 0) {
      return update(id);
    }
    return read(id);
  }

  /** Finds the post in a new session and touches its title and each comment. */
  int read(long id) {
    try (Session session = sessionFactory.openSession()) {
      return touch(session.find(Post.class, id));
    }
  }

  /** Finds and touches the post in a new session, then changes its title and commits. */
  int update(long id) {
    try (Session session = sessionFactory.openSession()) {
      Transaction transaction = session.beginTransaction();
      Post post = session.find(Post.class, id);
      int touched = touch(post);
      post.setTitle("Post " + id + " v" + titleVersion.incrementAndGet());
      transaction.commit();
      return touched;
    }
  }

  private static int touch(Post post) {
    int sum = post.getTitle().length();
    for (Comment comment : post.getComments()) {
      sum += comment.getText().length();
    }
    if (post.getComments().size() != COMMENTS_PER_POST) {
      throw new IllegalStateException("post " + post.getId() + " has "
          + post.getComments().size() + " comments");
    }
    return sum;
  }
}
