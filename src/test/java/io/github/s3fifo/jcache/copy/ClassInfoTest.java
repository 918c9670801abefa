package io.github.s3fifo.jcache.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Externalizable;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.ObjectStreamField;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which classes the compact format takes, and which it leaves to java.io. */
class ClassInfoTest {

  private static ClassInfo.Kind kind(Class<?> type) {
    return ClassInfo.of(type).kind;
  }

  @Test
  void defaultSerializableClassesAreTaken() {
    assertEquals(ClassInfo.Kind.OBJECT, kind(CompactFormatTest.Point.class));
    assertEquals(ClassInfo.Kind.OBJECT, kind(CompactFormatTest.Child.class));
    assertEquals(ClassInfo.Kind.OBJECT_ARRAY, kind(CompactFormatTest.Point[].class));
    assertEquals(ClassInfo.Kind.OBJECT_ARRAY, kind(int[][].class));
    assertEquals(ClassInfo.Kind.ENUM, kind(CompactFormatTest.Shape.class));
  }

  @Test
  void everyCustomizationOfJavaIoIsLeftToJavaIo() {
    Class<?>[] customized = {
      WritesObject.class, ReadsObject.class, ReadsNoData.class, PersistentFields.class,
      InheritsWriteReplace.class, CompactFormatTest.Singleton.class, External.class,
      CompactFormatTest.Pair.class, CompactFormatTest.NoDefaultChild.class,
      NotSerializable.class, Abstract.class
    };
    for (Class<?> type : customized) {
      assertEquals(ClassInfo.Kind.UNSUPPORTED, kind(type), type.getName());
    }
    Supplier<String> lambda = (Supplier<String> & Serializable) () -> "x";
    assertEquals(ClassInfo.Kind.UNSUPPORTED, kind(lambda.getClass()), "a hidden class");
    Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Runnable.class}, (p, m, a) -> null);
    assertEquals(ClassInfo.Kind.UNSUPPORTED, kind(proxy.getClass()));
  }

  @Test
  void aJdkClassWhosePrivateFieldsWeMayNotOpenGoesThroughJavaIo() {
    assertEquals(ClassInfo.Kind.UNSUPPORTED, kind(AtomicInteger.class));
    byte[] bytes = JavaIo.SERIALIZER.serialize(new AtomicInteger(5));
    assertTrue(JavaIo.isJavaIo(bytes));
    assertEquals(5, ((AtomicInteger) JavaIo.SERIALIZER.deserialize(bytes)).get());
  }

  @Test
  void classesOfTheSameShapeShareAnIdAndOthersDoNot() {
    ClassInfo point = ClassInfo.of(CompactFormatTest.Point.class);
    assertEquals(CompactFormatTest.Point.class.getName(), ClassInfo.nameOf(point.id));
    assertNotEquals(point.id, ClassInfo.of(CompactFormatTest.Node.class).id);
    assertEquals(point.id, ClassInfo.of(CompactFormatTest.Point.class).id);
    assertEquals(null, ClassInfo.nameOf(Integer.MAX_VALUE));
  }

  static final class WritesObject implements Serializable {
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
      out.defaultWriteObject();
    }
  }

  static final class ReadsObject implements Serializable {
    private void readObject(java.io.ObjectInputStream in)
        throws java.io.IOException, ClassNotFoundException {
      in.defaultReadObject();
    }
  }

  static final class ReadsNoData implements Serializable {
    private void readObjectNoData() {}
  }

  static final class PersistentFields implements Serializable {
    private static final ObjectStreamField[] serialPersistentFields = {};
    int ignored;
  }

  /** Not serializable, yet java.io would call its writeReplace for a subclass. */
  static class Replacing {
    protected Object writeReplace() {
      return this;
    }
  }

  static final class InheritsWriteReplace extends Replacing implements Serializable {}

  public static final class External implements Externalizable {
    public External() {}

    @Override
    public void writeExternal(ObjectOutput out) {}

    @Override
    public void readExternal(ObjectInput in) {}
  }

  static final class NotSerializable {}

  abstract static class Abstract implements Serializable {}
}
