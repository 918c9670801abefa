package io.github.s3fifo.jcache.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.cache.CacheException;

/**
 * Where a cache manager's URI leads: a properties document to read, or nothing when the URI is
 * only a name. See {@link CacheConfigurationFile#load} for the rules.
 */
final class ConfigurationSource {

  /** Schemes of URLs into archives and containers: read through a URL connection. */
  private static final Set<String> ARCHIVE_SCHEMES = Set.of(
      "jar", "wsjar", "zip", "vfs", "vfszip", "vfsfile", "bundleresource", "bundleentry");

  private final String description;
  private final URL location;

  private ConfigurationSource(String description, URL location) {
    this.description = description;
    this.location = location;
  }

  /** How error messages name this source: the URI as given, and what it resolved to. */
  String description() {
    return description;
  }

  /** Whether the URI led to a document. */
  boolean exists() {
    return location != null;
  }

  /**
   * Finds what the URI designates.
   *
   * @throws CacheException if the URI names a file, resource or archive entry that cannot be found
   */
  static ConfigurationSource locate(URI uri, ClassLoader classLoader) {
    if (uri == null) {
      URL resource = classLoader.getResource(CacheConfigurationFile.DEFAULT_RESOURCE);
      String name = "class-path resource " + CacheConfigurationFile.DEFAULT_RESOURCE;
      return new ConfigurationSource(
          resource == null ? name + " (absent)" : name + " (" + resource + ")", resource);
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null) {
      // A plain name is a class-path resource if there is one, and otherwise only a name.
      URL resource = readable(classLoader.getResource(resourceName(uri.getPath())));
      return new ConfigurationSource(
          resource == null ? uri.toString() : uri + " (" + resource + ")", resource);
    }
    if (scheme.equals("classpath")) {
      URL resource = readable(classLoader.getResource(resourceName(uri.getSchemeSpecificPart())));
      if (resource == null) {
        throw new CacheException("Cannot read the cache configuration " + uri
            + ": no such resource on the class path of " + classLoader);
      }
      return new ConfigurationSource(uri + " (" + resource + ")", resource);
    }
    if (scheme.equals("file")) {
      return new ConfigurationSource(uri.toString(), fileUrl(uri));
    }
    if (ARCHIVE_SCHEMES.contains(scheme)) {
      try {
        return new ConfigurationSource(uri.toString(), uri.toURL());
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new CacheException("Cannot read the cache configuration " + uri + ": " + e, e);
      }
    }
    // Any other scheme (urn:, the provider's default URI, ...) only names a manager.
    return new ConfigurationSource(uri.toString(), null);
  }

  private static String resourceName(String path) {
    String name = path == null ? "" : path;
    while (name.startsWith("/")) {
      name = name.substring(1);
    }
    return name;
  }

  /** The resource, or null when it is a directory (which a class loader also finds). */
  private static URL readable(URL resource) {
    if (resource == null || resource.getPath().endsWith("/")) {
      return null;
    }
    if (resource.getProtocol().equals("file")) {
      try {
        return Files.isRegularFile(Path.of(resource.toURI())) ? resource : null;
      } catch (URISyntaxException | IllegalArgumentException notAPath) {
        return resource;
      }
    }
    return resource;
  }

  private static URL fileUrl(URI uri) {
    try {
      Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
      if (!Files.isRegularFile(path)) {
        throw new CacheException("Cannot read the cache configuration " + uri + ": "
            + (Files.exists(path) ? "not a regular file" : "no such file"));
      }
      return path.toUri().toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new CacheException("Cannot read the cache configuration " + uri + ": " + e, e);
    }
  }

  /**
   * Reads the document as UTF-8 {@link Properties} text; nothing when the URI was only a name.
   *
   * @return the trimmed keys and values in the order they were written
   * @throws CacheException if it cannot be read, is not UTF-8, is malformed, or sets a key twice
   */
  Map<String, String> read() {
    if (location == null) {
      return Collections.emptyMap();
    }
    try {
      URLConnection connection = location.openConnection();
      // A cached jar connection would keep the archive open (and locked on Windows) for good.
      connection.setUseCaches(false);
      try (InputStream in = connection.getInputStream();
           Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
               .onMalformedInput(CodingErrorAction.REPORT)
               .onUnmappableCharacter(CodingErrorAction.REPORT))) {
        OrderedProperties properties = new OrderedProperties();
        properties.load(reader);
        return properties.entries;
      }
    } catch (CharacterCodingException e) {
      throw new CacheException(
          "Cannot read the cache configuration " + description + ": it is not UTF-8 text", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new CacheException("Cannot read the cache configuration " + description + ": " + e, e);
    } catch (DuplicateKeyException e) {
      throw new CacheException(e.getMessage() + " in " + description, e);
    }
  }

  /** {@link Properties} that keeps the order of the keys and refuses a key written twice. */
  private static final class OrderedProperties extends Properties {
    private static final long serialVersionUID = 1L;
    final transient Map<String, String> entries = new LinkedHashMap<>();

    @Override
    public synchronized Object put(Object key, Object value) {
      String name = ((String) key).trim();
      String text = ((String) value).trim();
      String previous = entries.putIfAbsent(name, text);
      if (previous != null) {
        throw new DuplicateKeyException("The key '" + name + "' is set twice ('" + previous
            + "' and '" + text + "')");
      }
      return super.put(key, value);
    }
  }

  private static final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(String message) {
      super(message);
    }
  }
}
