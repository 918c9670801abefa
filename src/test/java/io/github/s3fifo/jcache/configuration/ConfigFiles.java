package io.github.s3fifo.jcache.configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Writes configuration files into a test's temporary directory and loads them. */
final class ConfigFiles {

  static final ClassLoader LOADER = ConfigFiles.class.getClassLoader();

  private ConfigFiles() {}

  /** Writes the lines to {@code dir/s3fifo.properties} as UTF-8; returns its {@code file:} URI. */
  static URI write(Path dir, String... lines) {
    return write(dir.resolve("s3fifo.properties"), String.join("\n", lines).getBytes(
        StandardCharsets.UTF_8));
  }

  static URI write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toUri();
  }

  static CacheConfigurationFile load(Path dir, String... lines) {
    return CacheConfigurationFile.load(write(dir, lines), LOADER, null);
  }

  static CacheConfigurationFile load(Path dir, Properties overrides, String... lines) {
    return CacheConfigurationFile.load(write(dir, lines), LOADER, overrides);
  }
}
