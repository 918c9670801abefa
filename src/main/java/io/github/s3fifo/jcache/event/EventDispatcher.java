package io.github.s3fifo.jcache.event;

import io.github.s3fifo.jcache.DaemonPools;
import io.github.s3fifo.jcache.copy.StoreCodec;
import io.github.s3fifo.store.EntryComputation;
import io.github.s3fifo.store.ShardedStore;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;

/**
 * Delivers a cache's entry events to its registered listeners.
 *
 * <p>Each key's events are delivered in the order the key changed. A cache write runs in a
 * {@link Batch} opened around the store's computation of its key: the events it publishes, and
 * an expiry of the key's old mapping that the store reports once the computation returns, are
 * collected there and released together when the batch closes, the expiry first; the events of
 * a computation that failed are dropped. For asynchronous listeners the batch takes its place in
 * the key's serial executor while the key is still held, so concurrent writers of a key deliver
 * in the order they wrote. Synchronous deliveries are queued on the writing thread and run by
 * {@link #flush()}, which the cache calls once the key is released and before the operation
 * returns: a listener never runs while a lock is held, and may call the cache.
 *
 * <p>A synchronous listener's {@code RuntimeException} reaches the caller as a
 * {@link CacheEntryListenerException} (an {@code Error} as it is), after the remaining
 * synchronous deliveries ran; the cache's state is not affected. An asynchronous listener's
 * failure is logged.
 */
public final class EventDispatcher<K, V> {

  private static final System.Logger LOGGER = System.getLogger(EventDispatcher.class.getName());
  private static final int STRIPES = 16;

  private final Cache<K, V> source;
  private final StoreCodec<K, V> codec;
  private final CopyOnWriteArrayList<ListenerRegistration<K, V>> registrations =
      new CopyOnWriteArrayList<>();
  private final ThreadLocal<ArrayDeque<Runnable>> pending = ThreadLocal.withInitial(ArrayDeque::new);
  /** The innermost open batch of this thread (batches nest when user code calls the cache). */
  private final ThreadLocal<Batch> openBatch = new ThreadLocal<>();
  private final SerialExecutor[] stripes = new SerialExecutor[STRIPES];
  /** Union of the registrations' event masks. */
  private volatile int eventMask;
  private volatile boolean anyAsynchronous;
  /** Set by the first registration, never reset: a cheap "nothing to flush" test before. */
  private volatile boolean everRegistered;

  public EventDispatcher(Cache<K, V> source, StoreCodec<K, V> codec) {
    this.source = source;
    this.codec = codec;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new SerialExecutor(Pool.INSTANCE);
    }
  }

  /**
   * Creates and registers the configuration's listener.
   *
   * @throws IllegalArgumentException if an equal configuration is already registered
   */
  public synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.configuration.equals(configuration)) {
        throw new IllegalArgumentException("This listener configuration is already registered");
      }
    }
    registrations.add(new ListenerRegistration<>(configuration));
    everRegistered = true;
    recomputeMask();
  }

  /** Removes the configuration's listener, closing it if closeable; false if not registered. */
  public synchronized boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.configuration.equals(configuration)) {
        registrations.remove(registration);
        recomputeMask();
        closeQuietly(registration.listener);
        return true;
      }
    }
    return false;
  }

  private void recomputeMask() {
    int mask = 0;
    boolean asynchronous = false;
    for (ListenerRegistration<K, V> registration : registrations) {
      mask |= registration.eventMask;
      asynchronous |= !registration.synchronous;
    }
    eventMask = mask;
    anyAsynchronous = asynchronous;
  }

  /** True if some listener is registered (one that handles some event type). */
  public boolean hasListeners() {
    return eventMask != 0;
  }

  /** True if some listener handles events of this type. */
  public boolean isListening(EventType type) {
    return (eventMask & (1 << type.ordinal())) != 0;
  }

  /** Publishes a creation of the key with the given stored value. */
  public void publishCreated(Object storeKey, Object storedValue) {
    publish(EventType.CREATED, storeKey, storedValue, null);
  }

  /** Publishes an update of the key from {@code storedOldValue} to {@code storedValue}. */
  public void publishUpdated(Object storeKey, Object storedValue, Object storedOldValue) {
    publish(EventType.UPDATED, storeKey, storedValue, storedOldValue);
  }

  /** Publishes a removal of the key, which held {@code storedOldValue}. */
  public void publishRemoved(Object storeKey, Object storedOldValue) {
    publish(EventType.REMOVED, storeKey, null, storedOldValue);
  }

  /** Publishes the expiry of the key, which held {@code storedOldValue}. */
  public void publishExpired(Object storeKey, Object storedOldValue) {
    publish(EventType.EXPIRED, storeKey, null, storedOldValue);
  }

  private void publish(EventType type, Object storeKey, Object storedValue, Object storedOld) {
    if (!isListening(type)) {
      return;
    }
    Batch batch = openBatch.get();
    if (batch != null && !batch.storeKey.equals(storeKey)) {
      batch = null;
    }
    for (ListenerRegistration<K, V> registration : registrations) {
      if (!registration.handles(type)) {
        continue;
      }
      // One event per listener: its lazily converted values are then confined to one thread.
      EntryEvent<K, V> event = new EntryEvent<>(source, type, codec, storeKey, storedValue,
          storedOld, registration.oldValueRequired);
      Runnable delivery = registration.synchronous
          ? () -> registration.deliver(event)
          : () -> deliverAsync(registration, event);
      if (batch != null) {
        batch.add(delivery, registration.synchronous, type == EventType.EXPIRED);
      } else if (registration.synchronous) {
        pending.get().add(delivery);
      } else {
        stripeOf(storeKey).execute(delivery);
      }
    }
  }

  /**
   * The store's computation of a key, with the key's events batched: an expiry of the old
   * mapping that the store reports after the computation is delivered before the write's own
   * events, and a write the store did not apply publishes nothing.
   */
  public <R> R compute(ShardedStore<Object, Object> store, Object storeKey,
      EntryComputation<Object, Object, R> computation) {
    Batch batch = openBatch(storeKey);
    if (batch == null) {
      return store.compute(storeKey, computation);
    }
    boolean applied = false;
    try {
      R result = store.compute(storeKey, entry -> {
        batch.bind();
        return computation.compute(entry);
      });
      applied = true;
      return result;
    } finally {
      batch.close(applied);
    }
  }

  /**
   * Opens a batch for a write of the key, to be bound (inside the store's computation) and
   * closed (after it); returns null when no listener was ever registered.
   */
  private Batch openBatch(Object storeKey) {
    if (!everRegistered) {
      return null;
    }
    Batch batch = new Batch(storeKey, openBatch.get());
    openBatch.set(batch);
    return batch;
  }

  /** The events of one write of one key, released together in the key's order. */
  private final class Batch {
    final Object storeKey;
    private final Batch outer;
    private SerialExecutor.Slot slot;
    private List<Runnable> expiredSync;
    private List<Runnable> expiredAsync;
    private List<Runnable> sync;
    private List<Runnable> async;

    Batch(Object storeKey, Batch outer) {
      this.storeKey = storeKey;
      this.outer = outer;
    }

    /** Called while the key is held: takes the key's place for asynchronous deliveries. */
    public void bind() {
      if (slot == null && anyAsynchronous) {
        slot = stripeOf(storeKey).reserve();
      }
    }

    void add(Runnable delivery, boolean synchronous, boolean expired) {
      if (expired) {
        if (synchronous) {
          expiredSync = append(expiredSync, delivery);
        } else {
          expiredAsync = append(expiredAsync, delivery);
        }
      } else if (synchronous) {
        sync = append(sync, delivery);
      } else {
        async = append(async, delivery);
      }
    }

    /**
     * Releases the batch: the expiry of the old mapping first, then the write's own events if
     * the store applied the write.
     */
    public void close(boolean applied) {
      openBatch.set(outer);
      List<Runnable> asyncDeliveries = join(expiredAsync, applied ? async : null);
      if (slot != null) {
        slot.fill(asyncDeliveries);
      } else {
        asyncDeliveries.forEach(stripeOf(storeKey)::execute);
      }
      pending.get().addAll(join(expiredSync, applied ? sync : null));
    }

    private static List<Runnable> append(List<Runnable> list, Runnable delivery) {
      List<Runnable> result = list == null ? new ArrayList<>(2) : list;
      result.add(delivery);
      return result;
    }

    private static List<Runnable> join(List<Runnable> first, List<Runnable> second) {
      if (first == null) {
        return second == null ? List.of() : second;
      }
      if (second != null) {
        first.addAll(second);
      }
      return first;
    }
  }

  private SerialExecutor stripeOf(Object storeKey) {
    int h = storeKey.hashCode();
    h ^= h >>> 16;
    return stripes[h & (STRIPES - 1)];
  }

  private void deliverAsync(ListenerRegistration<K, V> registration, EntryEvent<K, V> event) {
    if (!registrations.contains(registration)) {
      return; // deregistered meanwhile
    }
    try {
      registration.deliver(event);
    } catch (Throwable t) {
      LOGGER.log(Level.WARNING, "An asynchronous cache entry listener failed on " + event, t);
    }
  }

  /**
   * Runs the synchronous deliveries queued by this thread. Every one runs; then the first
   * failure is thrown.
   *
   * @throws CacheEntryListenerException wrapping a listener's or filter's exception
   */
  public void flush() {
    if (!everRegistered) {
      return;
    }
    ArrayDeque<Runnable> queue = pending.get();
    Throwable failure = null;
    Runnable delivery;
    while ((delivery = queue.poll()) != null) {
      try {
        delivery.run();
      } catch (Throwable t) {
        if (failure == null) {
          failure = t;
        } else if (failure != t) {
          failure.addSuppressed(t);
        }
      }
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof CacheEntryListenerException listenerException) {
      throw listenerException;
    }
    if (failure != null) {
      throw new CacheEntryListenerException("A cache entry listener failed: " + failure, failure);
    }
  }

  /**
   * Like {@link #flush()}, while another exception is already propagating: a listener failure is
   * added to it as suppressed.
   */
  public void flushAfter(Throwable propagating) {
    try {
      flush();
    } catch (Throwable t) {
      propagating.addSuppressed(t);
    }
  }

  /** The registered listener configurations, in registration order. */
  public List<CacheEntryListenerConfiguration<K, V>> configurations() {
    return registrations.stream().map(r -> r.configuration).toList();
  }

  /** Deregisters every listener, closing the closeable ones. */
  public synchronized void close() {
    for (ListenerRegistration<K, V> registration : registrations) {
      closeQuietly(registration.listener);
    }
    registrations.clear();
    recomputeMask();
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOGGER.log(Level.WARNING, "Closing a cache entry listener failed", e);
      }
    }
  }

  /** The shared daemon pool running asynchronous deliveries. */
  private static final class Pool {
    static final ExecutorService INSTANCE = DaemonPools.create("s3fifo-jcache-events");
  }
}
