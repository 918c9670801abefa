package io.github.s3fifo.jcache.processor;

import io.github.s3fifo.jcache.copy.StoreCodec;
import java.util.function.Function;
import javax.cache.processor.MutableEntry;

/**
 * The {@link MutableEntry} an EntryProcessor works on. It records what the processor did and
 * reduces it to one net {@link Action} (set-then-remove of a new entry is nothing, remove-then-set
 * of an existing one an update), which the cache then applies once: write-through, expiry,
 * statistics and events reflect that final effect only.
 */
public final class ProcessorEntry<K, V> implements MutableEntry<K, V> {

  /** The net effect of an EntryProcessor on its entry. */
  public enum Action {
    /** Nothing observable: no read of an existing value, no change. */
    NONE,
    /** The existing value was read and not changed: an access. */
    READ,
    /** The value was read through the cache loader: a creation, not written through. */
    LOADED,
    /** A value was set where none existed. */
    CREATED,
    /** The existing value was replaced. */
    UPDATED,
    /** The existing entry was removed. */
    REMOVED,
    /** A remove of an absent entry: nothing to remove, but still a delete for the writer. */
    DELETED_ABSENT
  }

  private final K key;
  private final boolean originallyPresent;
  private final Object originalStoredValue;
  private final StoreCodec<K, V> codec;
  private final Function<K, V> readThrough;
  private final Class<?> valueType;
  private V value;
  private boolean valueKnown;
  private boolean present;
  /** Set by the first setValue, remove or load: read-through applies only before any of them. */
  private boolean touched;
  private Action action = Action.NONE;

  /**
   * @param originalStoredValue the stored form of the current value, or {@code null} if absent
   * @param readThrough loads a missing value, or {@code null} when the cache is not read-through
   * @param valueType the configured value type, checked by {@link #setValue}
   */
  public ProcessorEntry(K key, Object originalStoredValue, StoreCodec<K, V> codec,
      Function<K, V> readThrough, Class<?> valueType) {
    this.key = key;
    this.originallyPresent = originalStoredValue != null;
    this.present = originallyPresent;
    this.originalStoredValue = originalStoredValue;
    this.codec = codec;
    this.readThrough = readThrough;
    this.valueType = valueType;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public boolean exists() {
    return present;
  }

  @Override
  public V getValue() {
    if (present) {
      if (!valueKnown) {
        value = codec.value(originalStoredValue);
        valueKnown = true;
      }
      if (action == Action.NONE) {
        action = Action.READ;
      }
      return value;
    }
    if (readThrough != null && !touched) {
      touched = true;
      V loaded = readThrough.apply(key);
      if (loaded != null) {
        checkType(loaded);
        value = loaded;
        valueKnown = true;
        present = true;
        action = Action.LOADED;
      }
      return loaded;
    }
    return null;
  }

  @Override
  public void setValue(V newValue) {
    if (newValue == null) {
      throw new NullPointerException("An EntryProcessor set a null value");
    }
    checkType(newValue);
    value = newValue;
    valueKnown = true;
    present = true;
    touched = true;
    action = originallyPresent ? Action.UPDATED : Action.CREATED;
  }

  @Override
  public void remove() {
    value = null;
    valueKnown = true;
    present = false;
    touched = true;
    if (originallyPresent) {
      action = Action.REMOVED;
    } else if (action == Action.CREATED || action == Action.LOADED) {
      action = Action.NONE;
    } else {
      action = Action.DELETED_ABSENT;
    }
  }

  private void checkType(V newValue) {
    if (!valueType.isInstance(newValue)) {
      throw new ClassCastException("The value " + newValue + " is a "
          + newValue.getClass().getName() + ", not a " + valueType.getName()
          + " as the cache is configured");
    }
  }

  /** The net effect of the processor. */
  public Action action() {
    return action;
  }

  /** Whether the entry existed before the processor ran. */
  public boolean wasPresent() {
    return originallyPresent;
  }

  /** The value set or loaded (for CREATED, UPDATED, LOADED). */
  public V value() {
    return value;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("A mutable entry cannot be unwrapped to " + clazz.getName());
  }
}
