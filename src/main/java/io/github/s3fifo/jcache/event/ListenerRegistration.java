package io.github.s3fifo.jcache.event;

import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/** A registered listener with its filter and the settings of its configuration. */
final class ListenerRegistration<K, V> {

  final CacheEntryListenerConfiguration<K, V> configuration;
  final CacheEntryListener<? super K, ? super V> listener;
  final CacheEntryEventFilter<? super K, ? super V> filter;
  final boolean synchronous;
  final boolean oldValueRequired;
  /** Bit {@code 1 << type.ordinal()} set for each event type the listener handles. */
  final int eventMask;

  ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration) {
    this.configuration = configuration;
    Factory<CacheEntryListener<? super K, ? super V>> listenerFactory =
        configuration.getCacheEntryListenerFactory();
    if (listenerFactory == null) {
      throw new IllegalArgumentException("The listener configuration has no listener factory");
    }
    this.listener = listenerFactory.create();
    if (listener == null) {
      throw new IllegalArgumentException("The listener factory created null");
    }
    Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
        configuration.getCacheEntryEventFilterFactory();
    this.filter = filterFactory == null ? null : filterFactory.create();
    this.synchronous = configuration.isSynchronous();
    this.oldValueRequired = configuration.isOldValueRequired();
    int mask = 0;
    if (listener instanceof CacheEntryCreatedListener) {
      mask |= 1 << EventType.CREATED.ordinal();
    }
    if (listener instanceof CacheEntryUpdatedListener) {
      mask |= 1 << EventType.UPDATED.ordinal();
    }
    if (listener instanceof CacheEntryRemovedListener) {
      mask |= 1 << EventType.REMOVED.ordinal();
    }
    if (listener instanceof CacheEntryExpiredListener) {
      mask |= 1 << EventType.EXPIRED.ordinal();
    }
    this.eventMask = mask;
  }

  boolean handles(EventType type) {
    return (eventMask & (1 << type.ordinal())) != 0;
  }

  /** Runs the filter and, if it accepts, the listener method for the event's type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void deliver(CacheEntryEvent<K, V> event) {
    if (filter != null && !((CacheEntryEventFilter) filter).evaluate(event)) {
      return;
    }
    Iterable events = java.util.List.of(event);
    switch (event.getEventType()) {
      case CREATED -> ((CacheEntryCreatedListener) listener).onCreated(events);
      case UPDATED -> ((CacheEntryUpdatedListener) listener).onUpdated(events);
      case REMOVED -> ((CacheEntryRemovedListener) listener).onRemoved(events);
      case EXPIRED -> ((CacheEntryExpiredListener) listener).onExpired(events);
      default -> throw new AssertionError(event.getEventType());
    }
  }
}
