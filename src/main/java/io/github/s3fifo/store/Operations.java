package io.github.s3fifo.store;

/**
 * The store's built-in writes as computations. They take their arguments from the {@link Edit}
 * and capture nothing, so each is a single shared instance.
 */
final class Operations {

  private Operations() {}

  /** The store applies this one directly, without an {@link Edit}; it is here for identity. */
  @SuppressWarnings("rawtypes")
  static final EntryComputation PUT =
      entry -> {
        Edit edit = (Edit) entry;
        Object old = edit.value();
        edit.setValue(edit.arg, edit.argExpiresAt);
        return old;
      };

  @SuppressWarnings("rawtypes")
  private static final EntryComputation PUT_IF_ABSENT =
      entry -> {
        Edit edit = (Edit) entry;
        if (edit.isPresent()) {
          return edit.value();
        }
        edit.setValue(edit.arg, edit.argExpiresAt);
        return null;
      };

  @SuppressWarnings("rawtypes")
  private static final EntryComputation REPLACE =
      entry -> {
        Edit edit = (Edit) entry;
        if (!edit.isPresent()) {
          return null;
        }
        Object old = edit.value();
        edit.setValue(edit.arg);
        return old;
      };

  @SuppressWarnings("rawtypes")
  private static final EntryComputation REPLACE_IF_EQUAL =
      entry -> {
        Edit edit = (Edit) entry;
        if (edit.isPresent() && edit.value().equals(edit.arg)) {
          edit.setValue(edit.arg2);
          return Boolean.TRUE;
        }
        return Boolean.FALSE;
      };

  @SuppressWarnings("rawtypes")
  private static final EntryComputation REMOVE =
      entry -> {
        Object old = entry.value();
        entry.remove();
        return old;
      };

  @SuppressWarnings("rawtypes")
  private static final EntryComputation REMOVE_IF_EQUAL =
      entry -> {
        Edit edit = (Edit) entry;
        if (edit.isPresent() && edit.value().equals(edit.arg)) {
          edit.remove();
          return Boolean.TRUE;
        }
        return Boolean.FALSE;
      };

  @SuppressWarnings("unchecked")
  static <K, V> EntryComputation<K, V, V> put() {
    return PUT;
  }

  @SuppressWarnings("unchecked")
  static <K, V> EntryComputation<K, V, V> putIfAbsent() {
    return PUT_IF_ABSENT;
  }

  @SuppressWarnings("unchecked")
  static <K, V> EntryComputation<K, V, V> replace() {
    return REPLACE;
  }

  @SuppressWarnings("unchecked")
  static <K, V> EntryComputation<K, V, Boolean> replaceIfEqual() {
    return REPLACE_IF_EQUAL;
  }

  @SuppressWarnings("unchecked")
  static <K, V> EntryComputation<K, V, V> remove() {
    return REMOVE;
  }

  @SuppressWarnings("unchecked")
  static <K, V> EntryComputation<K, V, Boolean> removeIfEqual() {
    return REMOVE_IF_EQUAL;
  }
}
