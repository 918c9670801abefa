package io.github.s3fifo.jcache.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.copy.ReferenceCodec;
import io.github.s3fifo.jcache.copy.Serializer;
import io.github.s3fifo.jcache.processor.ProcessorEntry.Action;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.Test;

/** The net effect a processor's calls reduce to. */
class ProcessorEntryTest {

  private static ProcessorEntry<String, String> existing() {
    return new ProcessorEntry<>("k", "old", new ReferenceCodec<>(new Serializer(() -> null, null)), null, String.class);
  }

  private static ProcessorEntry<String, String> absent() {
    return new ProcessorEntry<>("k", null, new ReferenceCodec<>(new Serializer(() -> null, null)), null, String.class);
  }

  @Test
  void readsAndWritesOfAnExistingEntry() {
    ProcessorEntry<String, String> entry = existing();
    assertEquals(Action.NONE, entry.action());
    assertEquals("old", entry.getValue());
    assertEquals(Action.READ, entry.action());
    entry.setValue("new");
    assertEquals(Action.UPDATED, entry.action());
    assertEquals("new", entry.getValue());
    assertEquals(Action.UPDATED, entry.action(), "reading a set value is no access");
    entry.remove();
    assertEquals(Action.REMOVED, entry.action());
    assertFalse(entry.exists());
    entry.setValue("again");
    assertEquals(Action.UPDATED, entry.action(), "remove then set of an existing entry");
  }

  @Test
  void writesOfAnAbsentEntry() {
    ProcessorEntry<String, String> entry = absent();
    assertNull(entry.getValue());
    assertEquals(Action.NONE, entry.action());
    entry.setValue("v");
    assertEquals(Action.CREATED, entry.action());
    entry.remove();
    assertEquals(Action.NONE, entry.action(), "create then remove is nothing");
    ProcessorEntry<String, String> removed = absent();
    removed.remove();
    assertEquals(Action.DELETED_ABSENT, removed.action());
  }

  @Test
  void readThroughLoadsOnceAndOnlyForAnUntouchedAbsentEntry() {
    AtomicInteger loads = new AtomicInteger();
    ProcessorEntry<String, String> entry = new ProcessorEntry<>("k", null,
        new ReferenceCodec<>(new Serializer(() -> null, null)), key -> "loaded-" + key + loads.incrementAndGet(), String.class);
    assertEquals("loaded-k1", entry.getValue());
    assertEquals(Action.LOADED, entry.action());
    assertTrue(entry.exists());
    assertEquals("loaded-k1", entry.getValue());
    assertEquals(1, loads.get());
    entry.setValue("set");
    assertEquals(Action.CREATED, entry.action());
    entry.remove();
    assertNull(entry.getValue());
    assertEquals(1, loads.get(), "no load after the processor removed the entry");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void setValueChecksNullsAndTypes() {
    ProcessorEntry<String, String> entry = existing();
    assertThrows(NullPointerException.class, () -> entry.setValue(null));
    assertThrows(ClassCastException.class, () -> ((MutableEntry) entry).setValue(1));
    assertEquals(Action.NONE, entry.action());
  }

  @Test
  void unwrapsToItself() {
    ProcessorEntry<String, String> entry = existing();
    assertSame(entry, entry.unwrap(ProcessorEntry.class));
    assertSame(entry, entry.unwrap(MutableEntry.class));
    assertThrows(IllegalArgumentException.class, () -> entry.unwrap(String.class));
  }
}
