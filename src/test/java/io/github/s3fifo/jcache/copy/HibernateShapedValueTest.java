package io.github.s3fifo.jcache.copy;

import static io.github.s3fifo.jcache.copy.JavaIo.SERIALIZER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.jcache.TestCaches;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.hibernate.cache.internal.CacheKeyImplementation;
import org.hibernate.cache.spi.entry.CollectionCacheEntry;
import org.hibernate.cache.spi.entry.StandardCacheEntryImpl;
import org.hibernate.cache.spi.support.AbstractReadWriteAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values shaped like Hibernate's second-level cache entries, and Hibernate's own entry classes,
 * take the compact format and come back whole.
 */
class HibernateShapedValueTest {

  private Cache<Object, Object> cache;

  @AfterEach
  void tearDown() {
    TestCaches.destroy(cache);
  }

  /** Like {@code AbstractReadWriteAccess.Item}: a cached value with its version and time. */
  static final class Item implements Serializable {
    private static final long serialVersionUID = 1L;
    final Object value;
    final Object version;
    final long timestamp;

    Item(Object value, Object version, long timestamp) {
      this.value = value;
      this.version = version;
      this.timestamp = timestamp;
    }
  }

  /** Like {@code StandardCacheEntryImpl}: an entity's disassembled state. */
  static final class Entry implements Serializable {
    final Serializable[] disassembledState;
    final Object version;
    final String subclass;

    Entry(Serializable[] disassembledState, Object version, String subclass) {
      this.disassembledState = disassembledState;
      this.version = version;
      this.subclass = subclass;
    }
  }

  static Item entry(long id) {
    Serializable[] state = {
      "Post " + id, "Body of post " + id, (int) id % 7, LocalDate.of(2024, 1, 1 + (int) id % 28),
      id, null, new BigDecimal("19.90"), Boolean.TRUE
    };
    return new Item(new Entry(state, 3, "io.example.Post"), 3, 1_700_000_000_000L + id);
  }

  @Test
  void anEntityEntryRoundTripsInTheCompactFormat() {
    Item original = entry(42);
    byte[] bytes = SERIALIZER.serialize(original);
    assertTrue(JavaIo.isCompact(bytes));
    assertTrue(bytes.length < JavaIo.serialize(original).length / 3,
        "compact: " + bytes.length + " B, java.io: " + JavaIo.serialize(original).length + " B");
    Item copy = (Item) SERIALIZER.deserialize(bytes);
    Entry entry = (Entry) copy.value;
    Entry originalEntry = (Entry) original.value;
    assertArrayEquals(originalEntry.disassembledState, entry.disassembledState);
    assertSame(Serializable[].class, entry.disassembledState.getClass());
    assertEquals(3, entry.version);
    assertEquals("io.example.Post", entry.subclass);
    assertEquals(original.timestamp, copy.timestamp);
    assertNotSame(originalEntry.disassembledState, entry.disassembledState);
  }

  @Test
  void aCacheHandsOutPrivateCopiesOfHibernateShapedValues() {
    cache = TestCaches.create(new MutableConfiguration<>());
    Item put = entry(1);
    cache.put("Post#1", put);
    ((Entry) put.value).disassembledState[0] = "changed after put";
    Item first = (Item) cache.get("Post#1");
    assertEquals("Post 1", ((Entry) first.value).disassembledState[0]);
    ((Entry) first.value).disassembledState[0] = "changed after get";
    Item second = (Item) cache.get("Post#1");
    assertEquals("Post 1", ((Entry) second.value).disassembledState[0]);
  }

  @Test
  void hibernatesOwnEntriesAndKeysTakeTheCompactFormat() throws Exception {
    Constructor<StandardCacheEntryImpl> entryConstructor = StandardCacheEntryImpl.class
        .getDeclaredConstructor(Serializable[].class, String.class, Object.class);
    entryConstructor.setAccessible(true);
    StandardCacheEntryImpl entry = entryConstructor.newInstance(
        new Serializable[] {"title", 7L, LocalDate.of(2020, 2, 2)}, "Post", 1);
    Constructor<AbstractReadWriteAccess.Item> itemConstructor = AbstractReadWriteAccess.Item
        .class.getDeclaredConstructor(Object.class, Object.class, long.class);
    itemConstructor.setAccessible(true);
    AbstractReadWriteAccess.Item item = itemConstructor.newInstance(entry, 1, 99L);
    Constructor<CollectionCacheEntry> collectionConstructor =
        CollectionCacheEntry.class.getDeclaredConstructor(Serializable.class);
    collectionConstructor.setAccessible(true);
    CollectionCacheEntry collection =
        collectionConstructor.newInstance((Object) new Serializable[] {1L, 2L, 3L});
    CacheKeyImplementation key = new CacheKeyImplementation(5L, "Post", null, 5);
    AbstractReadWriteAccess.SoftLockImpl lock = item.lock(10L, UUID.randomUUID(), 3L);

    for (Object value : new Object[] {item, collection, key, lock}) {
      assertTrue(JavaIo.isCompact(SERIALIZER.serialize(value)), value.getClass().getName());
    }
    AbstractReadWriteAccess.Item itemCopy =
        (AbstractReadWriteAccess.Item) SERIALIZER.deserialize(SERIALIZER.serialize(item));
    StandardCacheEntryImpl entryCopy = (StandardCacheEntryImpl) itemCopy.getValue();
    assertArrayEquals(entry.getDisassembledState(), entryCopy.getDisassembledState());
    assertEquals("Post", entryCopy.getSubclass());
    assertEquals(1, entryCopy.getVersion());
    assertArrayEquals(collection.getState(), ((CollectionCacheEntry)
        SERIALIZER.deserialize(SERIALIZER.serialize(collection))).getState());
    Object keyCopy = SERIALIZER.deserialize(SERIALIZER.serialize(key));
    assertEquals(key, keyCopy);
    assertEquals(key.hashCode(), keyCopy.hashCode());
  }
}
