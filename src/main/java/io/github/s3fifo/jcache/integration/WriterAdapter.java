package io.github.s3fifo.jcache.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * Calls a write-through {@link CacheWriter}, reporting any exception it throws as a
 * CacheWriterException; without write-through every call does nothing.
 */
public final class WriterAdapter<K, V> {

  /** Typed exactly: a writer of supertypes accepts the cache's keys and values. */
  private final CacheWriter<K, V> writer;

  /** @param writer the writer, or {@code null} when the cache is not write-through */
  @SuppressWarnings("unchecked")
  public WriterAdapter(CacheWriter<? super K, ? super V> writer) {
    this.writer = (CacheWriter<K, V>) writer;
  }

  /** The writer, or {@code null} when the cache is not write-through. */
  public CacheWriter<? super K, ? super V> writer() {
    return writer;
  }

  public boolean isWriteThrough() {
    return writer != null;
  }

  public void write(Cache.Entry<? extends K, ? extends V> entry) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(entry);
    } catch (RuntimeException e) {
      throw wrap(e, "write " + entry.getKey());
    }
  }

  public void delete(K key) {
    if (writer == null) {
      return;
    }
    try {
      writer.delete(key);
    } catch (RuntimeException e) {
      throw wrap(e, "delete " + key);
    }
  }

  /** The outcome of a batch write or delete: the keys done, and the failure if any. */
  public record BatchResult<K>(Set<K> done, CacheWriterException failure) {}

  /**
   * Writes the entries. If the writer fails, the entries it left in the collection it was given
   * count as not written; the others as written.
   */
  public BatchResult<K> writeAll(Collection<Cache.Entry<? extends K, ? extends V>> entries) {
    Set<K> written = new LinkedHashSet<>();
    entries.forEach(e -> written.add(e.getKey()));
    if (writer == null || entries.isEmpty()) {
      return new BatchResult<>(written, null);
    }
    List<Cache.Entry<? extends K, ? extends V>> remaining = new ArrayList<>(entries);
    try {
      writer.writeAll(remaining);
      return new BatchResult<>(written, null);
    } catch (RuntimeException e) {
      remaining.forEach(entry -> written.remove(entry.getKey()));
      return new BatchResult<>(written, wrap(e, "write all"));
    }
  }

  /**
   * Deletes the keys. If the writer fails, the keys it left in the collection it was given count
   * as not deleted; the others as deleted.
   */
  public BatchResult<K> deleteAll(Collection<? extends K> keys) {
    Set<K> deleted = new LinkedHashSet<>(keys);
    if (writer == null || keys.isEmpty()) {
      return new BatchResult<>(deleted, null);
    }
    List<K> remaining = new ArrayList<>(keys);
    try {
      writer.deleteAll(remaining);
      return new BatchResult<>(deleted, null);
    } catch (RuntimeException e) {
      remaining.forEach(deleted::remove);
      return new BatchResult<>(deleted, wrap(e, "delete all"));
    }
  }

  private static CacheWriterException wrap(RuntimeException e, String what) {
    if (e instanceof CacheWriterException writerException) {
      return writerException;
    }
    return new CacheWriterException("The cache writer failed to " + what + ": " + e, e);
  }
}
