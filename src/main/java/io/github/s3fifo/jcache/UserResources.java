package io.github.s3fifo.jcache;

import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Closes the objects a cache made from its configuration's factories (loader, writer, expiry
 * policy) when the cache closes: each {@link AutoCloseable} once, even if it plays two roles, and a
 * failure is logged rather than allowed to stop the others from closing.
 */
final class UserResources {

  private static final System.Logger LOGGER = System.getLogger(UserResources.class.getName());

  private UserResources() {}

  static void close(String cacheName, Object... resources) {
    Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object resource : resources) {
      if (resource instanceof AutoCloseable closeable && closed.add(resource)) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOGGER.log(Level.WARNING,
              "Closing " + resource + " of cache '" + cacheName + "' failed", e);
        }
      }
    }
  }
}
