package io.github.s3fifo.jcache.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.s3fifo.store.Weigher;
import org.junit.jupiter.api.Test;

class NamedClassFactoryTest {

  private static final ClassLoader LOADER = NamedClassFactoryTest.class.getClassLoader();

  @Test
  void createsANewInstanceEachTime() {
    NamedClassFactory<Weigher<Object, Object>> factory = NamedClassFactory.of(
        TestWeighers.StringLengthWeigher.class.getName(), Weigher.class, LOADER);

    Weigher<Object, Object> first = factory.create();
    assertInstanceOf(TestWeighers.StringLengthWeigher.class, first);
    assertEquals(5, first.weigh("key", "value"));
    assertNotSame(first, factory.create());
  }

  @Test
  void equalByClassNameAndSurvivesSerialization() {
    String name = TestWeighers.StringLengthWeigher.class.getName();
    NamedClassFactory<Weigher<Object, Object>> factory =
        NamedClassFactory.of(name, Weigher.class, LOADER);

    assertEquals(factory, NamedClassFactory.of(name, Weigher.class, LOADER));
    assertEquals(factory.hashCode(), NamedClassFactory.of(name, Weigher.class, LOADER).hashCode());
    assertNotEquals(factory, NamedClassFactory.of(
        TestWeighers.KeyLengthWeigher.class.getName(), Weigher.class, LOADER));

    NamedClassFactory<Weigher<Object, Object>> copy = ConfigurationRoundTrip.roundTrip(factory);
    assertEquals(factory, copy);
    // The loader is not serialized: the copy finds the class through the context loader.
    assertInstanceOf(TestWeighers.StringLengthWeigher.class, copy.create());
  }

  @Test
  void refusesClassesItCannotUse() {
    assertReason("does not implement io.github.s3fifo.store.Weigher", String.class.getName());
    assertReason("no class of that name", "com.acme.NoSuchWeigher");
    assertReason("abstract", TestWeighers.AbstractWeigher.class.getName());
    assertReason("abstract", Weigher.class.getName());
    assertReason("no public no-argument constructor",
        TestWeighers.NoDefaultConstructor.class.getName());
    assertReason("no public no-argument constructor", TestWeighers.HiddenWeigher.class.getName());
    assertReason("no weigher today", TestWeighers.FailingConstructor.class.getName());
  }

  private static void assertReason(String expected, String className) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NamedClassFactory.of(className, Weigher.class, LOADER));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
