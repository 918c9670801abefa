package io.github.s3fifo.jcache.copy;

import java.util.Arrays;

/**
 * Store-by-value. A mutable value is kept as its serialized bytes, so a put costs one
 * serialization and a get one deserialization, and the bytes are the entry's weight: the
 * {@linkplain Serializer compact form} for values java.io would serialize in the default way,
 * java.io's own bytes for the others; a key or value kept as it is weighs the length java.io
 * would write for it. A mutable
 * key is kept as a private copy compared by {@code equals}, so a lookup needs no serialization.
 * Instances of {@link ImmutableTypes immutable types} are kept as they are, and a {@code byte[]}
 * value as a private copy of the array (a copy is all its serialization would achieve, at a
 * fraction of the cost; its weight is still its serialized length).
 */
public final class SerializingCodec<K, V> implements StoreCodec<K, V> {

  private final Serializer serializer;

  public SerializingCodec(Serializer serializer) {
    this.serializer = serializer;
  }

  @Override
  public boolean isStoreByValue() {
    return true;
  }

  @Override
  public Object storeKey(K key) {
    if (ImmutableTypes.isImmutable(key.getClass())) {
      return key;
    }
    byte[] bytes = serializer.serialize(key);
    return new CopiedKey(serializer.deserialize(bytes), bytes.length);
  }

  @Override
  public Object lookupKey(K key) {
    return ImmutableTypes.isImmutable(key.getClass()) ? key : new CopiedKey(key, -1);
  }

  @Override
  @SuppressWarnings("unchecked")
  public K key(Object storeKey) {
    if (storeKey instanceof CopiedKey copied) {
      return (K) serializer.deserialize(serializer.serialize(copied.key));
    }
    return (K) storeKey;
  }

  @Override
  public Object storeValue(V value) {
    if (ImmutableTypes.isImmutable(value.getClass())) {
      return value;
    }
    if (value instanceof byte[] bytes) {
      return new CopiedBytes(bytes.clone());
    }
    return new SerializedValue(serializer.serialize(value));
  }

  @Override
  @SuppressWarnings("unchecked")
  public V value(Object storedValue) {
    if (storedValue instanceof SerializedValue serialized) {
      return (V) serializer.deserialize(serialized.bytes);
    }
    if (storedValue instanceof CopiedBytes copied) {
      return (V) copied.bytes.clone();
    }
    return (V) storedValue;
  }

  @Override
  public boolean valueEquals(Object storedValue, V value) {
    if (storedValue instanceof SerializedValue serialized) {
      return value.equals(serializer.deserialize(serialized.bytes));
    }
    if (storedValue instanceof CopiedBytes) {
      return false; // an array equals only itself, and the cache's copy is never the caller's
    }
    return value.equals(storedValue);
  }

  @Override
  public long defaultWeight(Object storeKey, Object storedValue) {
    long keySize = storeKey instanceof CopiedKey copied
        ? copied.serializedSize
        : SerializedSize.of(storeKey, serializer);
    long valueSize;
    if (storedValue instanceof SerializedValue serialized) {
      valueSize = serialized.bytes.length;
    } else if (storedValue instanceof CopiedBytes copied) {
      valueSize = SerializedSize.ofByteArray(copied.bytes.length);
    } else {
      valueSize = SerializedSize.of(storedValue, serializer);
    }
    return keySize + valueSize;
  }

  /**
   * A private copy of a mutable key, compared by the key's own {@code equals}; also the lookup
   * form of a caller's key (then with no size), which is never inserted.
   */
  static final class CopiedKey {
    final Object key;
    final int hash;
    final long serializedSize;

    CopiedKey(Object key, long serializedSize) {
      this.key = key;
      this.hash = key.hashCode();
      this.serializedSize = serializedSize;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof CopiedKey other && key.equals(other.key));
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return String.valueOf(key);
    }
  }

  /** A value's serialized form; not serializable itself, so no caller can pass one in. */
  static final class SerializedValue {
    final byte[] bytes;

    SerializedValue(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public String toString() {
      return "SerializedValue[" + bytes.length + " bytes, " + Arrays.hashCode(bytes) + "]";
    }
  }

  /** A private copy of a {@code byte[]} value; not serializable, so no caller can pass one in. */
  static final class CopiedBytes {
    final byte[] bytes;

    CopiedBytes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public String toString() {
      return "CopiedBytes[" + bytes.length + " bytes]";
    }
  }
}
