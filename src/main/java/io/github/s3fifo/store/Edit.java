package io.github.s3fifo.store;

import java.util.Objects;

/**
 * What one write decided for its key: built while the key is held, applied by the store once the
 * decision (a computation or a built-in operation) returns. Also carries a built-in operation's
 * arguments so those operations need no capturing lambda.
 */
final class Edit<K, V> implements EditableEntry<K, V> {

  static final int NONE = 0;
  static final int SET = 1;
  static final int REMOVE = 2;
  static final int TOUCH = 3;

  private final Ticker ticker;
  private final K key;
  final V arg;
  final V arg2;
  final long argExpiresAt;

  private final boolean wasPresent;
  private boolean present;
  private V value;
  private long expiresAt;
  private long now;
  private boolean nowRead;
  int kind = NONE;

  Edit(Ticker ticker, Node<K, V> node, V arg, V arg2, long argExpiresAt) {
    this.ticker = ticker;
    this.key = node.key;
    this.arg = arg;
    this.arg2 = arg2;
    this.argExpiresAt = argExpiresAt;
    this.value = node.value;
    this.present = value != null;
    this.wasPresent = present;
    this.expiresAt = present ? node.expiresAt() : ShardedStore.NEVER;
  }

  /** Fixes the time this write runs at, when the caller already read it. */
  void setNow(long now) {
    this.now = now;
    this.nowRead = true;
  }

  @Override
  public K key() {
    return key;
  }

  @Override
  public boolean isPresent() {
    return present;
  }

  @Override
  public V value() {
    return value;
  }

  @Override
  public long expiresAt() {
    return present ? expiresAt : ShardedStore.NEVER;
  }

  @Override
  public long now() {
    if (!nowRead) {
      now = ticker.read();
      nowRead = true;
    }
    return now;
  }

  @Override
  public void setValue(V newValue) {
    setValue(newValue, present ? expiresAt : ShardedStore.NEVER);
  }

  @Override
  public void setValue(V newValue, long newExpiresAt) {
    value = Objects.requireNonNull(newValue, "value");
    expiresAt = newExpiresAt;
    present = true;
    kind = SET;
  }

  @Override
  public void setExpiresAt(long newExpiresAt) {
    if (!present) {
      return;
    }
    expiresAt = newExpiresAt;
    if (kind == NONE) {
      kind = TOUCH;
    }
  }

  @Override
  public void remove() {
    if (!present) {
      return;
    }
    present = false;
    value = null;
    expiresAt = ShardedStore.NEVER;
    kind = wasPresent ? REMOVE : NONE;
  }

  long newExpiresAt() {
    return expiresAt;
  }
}
