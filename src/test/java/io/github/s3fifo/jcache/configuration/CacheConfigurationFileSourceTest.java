package io.github.s3fifo.jcache.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form of URI a cache manager may be given, and how the document behind it is read. */
class CacheConfigurationFileSourceTest {

  private static final ClassLoader LOADER = ConfigFiles.LOADER;

  @TempDir Path dir;

  @Test
  void fileUriIsRead() {
    URI uri = ConfigFiles.write(dir, "cache.books.shards = 2");

    assertEquals(Set.of("books"), CacheConfigurationFile.load(uri, LOADER, null)
        .declaredCacheNames());
  }

  @Test
  void fileUriMustNameAnExistingFile() {
    URI missing = dir.resolve("missing.properties").toUri();
    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(missing, LOADER, null));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());

    CacheException directory = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(dir.toUri(), LOADER, null));
    assertTrue(directory.getMessage().contains("not a regular file"), directory.getMessage());
  }

  @Test
  void jarUriIsReadWithoutKeepingTheArchiveOpen() throws IOException {
    Path jar = dir.resolve("app.jar");
    writeJar(jar, "conf/s3fifo.properties", "cache.first.shards = 2");
    URI uri = URI.create("jar:" + jar.toUri() + "!/conf/s3fifo.properties");

    assertEquals(Set.of("first"), CacheConfigurationFile.load(uri, LOADER, null)
        .declaredCacheNames());
    assertEquals(List.of(), openFilesUnder(dir));

    // A cached JarFile would still show the replaced archive's content.
    Path next = dir.resolve("next.jar");
    writeJar(next, "conf/s3fifo.properties", "cache.second.shards = 2");
    Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Set.of("second"), CacheConfigurationFile.load(uri, LOADER, null)
        .declaredCacheNames());
  }

  @Test
  void jarUriMustNameAnExistingEntry() throws IOException {
    Path jar = dir.resolve("app.jar");
    writeJar(jar, "conf/s3fifo.properties", "cache.first.shards = 2");

    URI missingEntry = URI.create("jar:" + jar.toUri() + "!/conf/other.properties");
    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(missingEntry, LOADER, null));
    assertTrue(e.getMessage().contains(missingEntry.toString()), e.getMessage());

    URI missingJar = URI.create("jar:" + dir.resolve("none.jar").toUri() + "!/s3fifo.properties");
    assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(missingJar, LOADER, null));
  }

  @Test
  void classpathUriIsReadAndMustExist() {
    assertEquals(Set.of("plain"), CacheConfigurationFile.load(
        URI.create("classpath:config-test/names.properties"), LOADER, null).declaredCacheNames());
    assertEquals(Set.of("plain"), CacheConfigurationFile.load(
        URI.create("classpath:/config-test/names.properties"), LOADER, null).declaredCacheNames());

    URI missing = URI.create("classpath:config-test/missing.properties");
    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(missing, LOADER, null));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    // A class loader also finds directories; they are not documents.
    assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(URI.create("classpath:config-test"), LOADER, null));
  }

  @Test
  void schemeLessUriIsAClassPathResourceWhenOneExistsAndOtherwiseAName() {
    assertEquals(Set.of("plain"), CacheConfigurationFile.load(
        URI.create("config-test/names.properties"), LOADER, null).declaredCacheNames());

    for (String name : List.of("orders-manager", "config-test", "config-test/", "")) {
      assertTrue(CacheConfigurationFile.load(URI.create(name), LOADER, null)
          .declaredCacheNames().isEmpty(), name);
    }
  }

  @Test
  void otherSchemesAreOnlyNames() {
    for (String name : List.of("urn:s3fifo-jcache:default", "urn:x:config-test/names.properties",
        "https://example.invalid/s3fifo.properties", "mailto:cache@example.invalid")) {
      assertTrue(CacheConfigurationFile.load(URI.create(name), LOADER, null)
          .declaredCacheNames().isEmpty(), name);
    }
  }

  @Test
  void nullUriReadsTheDefaultResourceWhenPresent() throws IOException {
    Files.writeString(dir.resolve(CacheConfigurationFile.DEFAULT_RESOURCE),
        "cache.from-default.shards = 2");
    try (URLClassLoader withDefault = new URLClassLoader(new URL[] {dir.toUri().toURL()}, LOADER)) {
      assertEquals(Set.of("from-default"), CacheConfigurationFile.load(null, withDefault, null)
          .declaredCacheNames());

      // A null class loader means the thread's context class loader.
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(withDefault);
      try {
        assertEquals(Set.of("from-default"), CacheConfigurationFile.load(null, null, null)
            .declaredCacheNames());
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
    // The test class path has no default resource (it would configure every other test).
    assertTrue(CacheConfigurationFile.load(null, LOADER, null).declaredCacheNames().isEmpty());
  }

  @Test
  void nullUriReportsErrorsInTheDefaultResource() throws IOException {
    Files.writeString(dir.resolve(CacheConfigurationFile.DEFAULT_RESOURCE),
        "cache.orders.shards = many");
    try (URLClassLoader withDefault = new URLClassLoader(new URL[] {dir.toUri().toURL()}, LOADER)) {
      CacheException e = assertThrows(CacheException.class,
          () -> CacheConfigurationFile.load(null, withDefault, null));
      assertTrue(e.getMessage().contains(CacheConfigurationFile.DEFAULT_RESOURCE), e.getMessage());
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
  }

  @Test
  void readsUtf8AndKeepsTheOrderOfTheDocument() {
    CacheConfigurationFile file = ConfigFiles.load(dir,
        "cache.zeta.shards = 1", "cache.café.shards = 1", "cache.alpha.shards = 1",
        "cache.zeta.statistics = true", "cache.\\u00e9t\\u00e9.shards = 1");

    assertEquals(List.of("zeta", "café", "alpha", "été"),
        List.copyOf(file.declaredCacheNames()));
    assertThrows(UnsupportedOperationException.class,
        () -> file.declaredCacheNames().add("other"));
  }

  @Test
  void refusesTextThatIsNotUtf8() {
    URI latin1 = ConfigFiles.write(dir.resolve("latin1.properties"),
        "cache.café.shards = 1".getBytes(StandardCharsets.ISO_8859_1));

    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(latin1, LOADER, null));
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    assertTrue(e.getMessage().contains(latin1.toString()), e.getMessage());
  }

  @Test
  void refusesAKeySetTwice() {
    URI uri = ConfigFiles.write(dir,
        "cache.orders.maximum-entries = 10", "cache.orders.maximum-entries = 20");

    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(uri, LOADER, null));
    assertTrue(e.getMessage().contains("'cache.orders.maximum-entries' is set twice ('10' and"
        + " '20')"), e.getMessage());
    assertTrue(e.getMessage().contains(uri.toString()), e.getMessage());
  }

  @Test
  void refusesMalformedEscapes() {
    URI uri = ConfigFiles.write(dir, "cache.orders.shards = \\u00zz");

    CacheException e = assertThrows(CacheException.class,
        () -> CacheConfigurationFile.load(uri, LOADER, null));
    assertTrue(e.getMessage().contains(uri.toString()), e.getMessage());
  }

  private static void writeJar(Path jar, String entry, String content) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
         JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  /** The files under a directory this process holds open (Linux only). */
  private static List<Path> openFilesUnder(Path directory) throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(descriptors), "needs /proc/self/fd");
    Path real = directory.toRealPath();
    try (Stream<Path> fds = Files.list(descriptors)) {
      return fds.map(fd -> {
        try {
          return Files.readSymbolicLink(fd);
        } catch (IOException gone) {
          return null;
        }
      }).filter(target -> target != null && target.startsWith(real)).toList();
    }
  }
}
