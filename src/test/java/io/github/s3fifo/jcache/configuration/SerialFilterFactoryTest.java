package io.github.s3fifo.jcache.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ObjectInputFilter;
import java.io.ObjectInputFilter.Status;
import org.junit.jupiter.api.Test;

class SerialFilterFactoryTest {

  @Test
  void createsTheFilterOfThePattern() {
    ObjectInputFilter filter = new SerialFilterFactory("java.lang.*;!*").create();

    assertEquals(Status.ALLOWED, filter.checkInput(info(String.class)));
    assertEquals(Status.REJECTED, filter.checkInput(info(java.util.ArrayList.class)));
  }

  @Test
  void equalByPatternAndSurvivesSerialization() {
    SerialFilterFactory factory = new SerialFilterFactory("java.base/*;!*");

    assertEquals(factory, new SerialFilterFactory("java.base/*;!*"));
    assertEquals(factory.hashCode(), new SerialFilterFactory("java.base/*;!*").hashCode());
    assertNotEquals(factory, new SerialFilterFactory("java.base/*"));
    SerialFilterFactory copy = ConfigurationRoundTrip.roundTrip(factory);
    assertEquals(factory, copy);
    assertEquals(Status.REJECTED, copy.create().checkInput(info(SerialFilterFactoryTest.class)));
  }

  @Test
  void refusesMalformedOrEmptyPatterns() {
    assertThrows(IllegalArgumentException.class, () -> new SerialFilterFactory("maxdepth=x"));
    assertThrows(IllegalArgumentException.class, () -> new SerialFilterFactory(""));
    assertThrows(NullPointerException.class, () -> new SerialFilterFactory(null));
  }

  private static ObjectInputFilter.FilterInfo info(Class<?> type) {
    return new ObjectInputFilter.FilterInfo() {
      @Override
      public Class<?> serialClass() {
        return type;
      }

      @Override
      public long arrayLength() {
        return -1;
      }

      @Override
      public long depth() {
        return 1;
      }

      @Override
      public long references() {
        return 1;
      }

      @Override
      public long streamBytes() {
        return 100;
      }
    };
  }
}
