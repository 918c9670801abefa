package io.github.s3fifo.jcache.copy;

import java.io.Externalizable;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the compact format knows about one class, decided once per class: whether java.io would
 * serialize its instances in the default way (and so the compact format can reproduce it
 * exactly), the fields java.io would write, how java.io would instantiate it, and the classes
 * java.io would show a deserialization filter for it.
 *
 * <p>A class gets an id from a JVM-wide table keyed by its name and shape (kind and fields), so
 * identical copies of a class under different class loaders share an id, and a class that
 * changed shape (a redeployed version) gets another. The table holds names, never classes.
 */
final class ClassInfo {

  enum Kind {
    /** Default serialization: the fields of {@link #fields}, set on an instance of {@link #constructor}. */
    OBJECT,
    /** An array of references; its elements are written one by one. */
    OBJECT_ARRAY,
    /** An enum constant, written by name as java.io does. */
    ENUM,
    /** Anything else: the value goes through java.io. */
    UNSUPPORTED
  }

  /** One serializable field, with the type code java.io uses for it. */
  static final class Slot {
    final Field field;
    final char code;

    Slot(Field field, char code) {
      this.field = field;
      this.code = code;
    }
  }

  private static final ClassValue<ClassInfo> INFO = new ClassValue<>() {
    @Override
    protected ClassInfo computeValue(Class<?> type) {
      try {
        return analyse(type);
      } catch (LinkageError | RuntimeException unanalysable) {
        return unsupported(type); // e.g. a method signature naming a missing class
      }
    }
  };

  private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
  private static volatile String[] names = new String[64];
  private static int nextId;

  final Class<?> type;
  final Kind kind;
  final int id;
  final Slot[] fields;
  final Constructor<?> constructor;
  /** The class descriptors java.io would write for an instance, in stream order. */
  final Class<?>[] descriptors;

  private ClassInfo(Class<?> type, Kind kind, Slot[] fields, Constructor<?> constructor,
      Class<?>[] descriptors) {
    this.type = type;
    this.kind = kind;
    this.fields = fields;
    this.constructor = constructor;
    this.descriptors = descriptors;
    this.id = kind == Kind.UNSUPPORTED ? -1 : idOf(type.getName(), kind, fields);
  }

  static ClassInfo of(Class<?> type) {
    return INFO.get(type);
  }

  /** The class name an id stands for, or {@code null} if no class has that id. */
  static String nameOf(int id) {
    String[] known = names;
    return id >= 0 && id < known.length ? known[id] : null;
  }

  private static int idOf(String name, Kind kind, Slot[] fields) {
    StringBuilder shape = new StringBuilder(name).append('/').append(kind);
    for (Slot slot : fields) {
      shape.append('/').append(slot.field.getDeclaringClass().getName()).append('.')
          .append(slot.field.getName()).append(':').append(slot.field.getType().getName());
    }
    return IDS.computeIfAbsent(shape.toString(), key -> register(name));
  }

  private static synchronized int register(String name) {
    int id = nextId++;
    String[] known = names;
    if (id >= known.length) {
      known = java.util.Arrays.copyOf(known, known.length * 2);
    }
    known[id] = name;
    names = known;
    return id;
  }

  private static ClassInfo unsupported(Class<?> type) {
    return new ClassInfo(type, Kind.UNSUPPORTED, new Slot[0], null, new Class<?>[0]);
  }

  private static ClassInfo analyse(Class<?> type) {
    if (type.isArray()) {
      return type.getComponentType().isPrimitive() ? unsupported(type)
          : new ClassInfo(type, Kind.OBJECT_ARRAY, new Slot[0], null, new Class<?>[] {type});
    }
    if (type.isEnum()) {
      return new ClassInfo(type, Kind.ENUM, new Slot[0], null,
          new Class<?>[] {type, Enum.class});
    }
    if (!Serializable.class.isAssignableFrom(type) || Externalizable.class.isAssignableFrom(type)
        || type.isRecord() || type.isHidden() || Proxy.isProxyClass(type) || type.isInterface()
        || Modifier.isAbstract(type.getModifiers()) || Enum.class.isAssignableFrom(type)) {
      return unsupported(type);
    }
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && Serializable.class.isAssignableFrom(c);
        c = c.getSuperclass()) {
      if (hasSerializationHooks(c)) {
        return unsupported(type);
      }
      chain.add(c);
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (declaresNoArgMethod(c, "writeReplace") || declaresNoArgMethod(c, "readResolve")) {
        return unsupported(type);
      }
    }
    Constructor<?> constructor = Instantiation.serializationConstructor(type);
    if (constructor == null) {
      return unsupported(type);
    }
    List<Slot> slots = new ArrayList<>();
    Class<?>[] descriptors = new Class<?>[chain.size()];
    for (int i = 0; i < chain.size(); i++) {
      descriptors[i] = chain.get(i);
    }
    // java.io reads the topmost serializable class's fields first.
    for (int i = chain.size() - 1; i >= 0; i--) {
      Class<?> c = chain.get(i);
      ObjectStreamClass descriptor = ObjectStreamClass.lookup(c);
      if (descriptor == null) {
        return unsupported(type);
      }
      for (ObjectStreamField streamField : descriptor.getFields()) {
        Field field;
        try {
          field = c.getDeclaredField(streamField.getName());
        } catch (NoSuchFieldException e) {
          return unsupported(type);
        }
        if (field.getType() != streamField.getType() || !field.trySetAccessible()) {
          return unsupported(type); // not visible to us (a named module): java.io can do it
        }
        slots.add(new Slot(field, streamField.getTypeCode()));
      }
    }
    return new ClassInfo(type, Kind.OBJECT, slots.toArray(new Slot[0]), constructor,
        descriptors);
  }

  /**
   * True if the class customizes its own serialization; checked by name and parameter count, a
   * little wider than java.io's exact signatures, so a doubtful class goes through java.io.
   */
  private static boolean hasSerializationHooks(Class<?> c) {
    for (Method method : c.getDeclaredMethods()) {
      String name = method.getName();
      int parameters = method.getParameterCount();
      if ((parameters == 1 && (name.equals("writeObject") || name.equals("readObject")))
          || (parameters == 0 && name.equals("readObjectNoData"))) {
        return true;
      }
    }
    for (Field field : c.getDeclaredFields()) {
      if (field.getName().equals("serialPersistentFields")) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresNoArgMethod(Class<?> c, String name) {
    for (Method method : c.getDeclaredMethods()) {
      if (method.getParameterCount() == 0 && method.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
