package io.github.s3fifo.bench.sim;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a trace file, plain or gzip (recognized by its magic bytes). Each non-blank line is one
 * request: {@code key} (an unweighted trace) or {@code key size} (a weighted one, size a
 * non-negative integer). Keys are decimal {@code long}s; if any key is not, every key is read
 * as a string and numbered in order of first appearance. Lines starting with {@code #} are
 * comments.
 */
public final class TraceReader {

  private TraceReader() {}

  public static Trace read(Path file, String name) throws IOException {
    try {
      return read(file, name, false);
    } catch (NumberFormatException notNumeric) {
      return read(file, name, true);
    }
  }

  private static Trace read(Path file, String name, boolean stringKeys) throws IOException {
    LongList keys = new LongList();
    IntList sizes = null;
    Map<String, Long> ids = stringKeys ? new HashMap<>() : null;
    int lineNumber = 0;
    try (BufferedReader reader = open(file)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = firstSpace(line);
        String keyText = space < 0 ? line : line.substring(0, space);
        long key = stringKeys
            ? ids.computeIfAbsent(keyText, k -> (long) ids.size())
            : Long.parseLong(keyText);
        if (space >= 0) {
          if (sizes == null) {
            if (keys.size() > 0) {
              throw new IOException(file + ":" + lineNumber + ": a size after unweighted lines");
            }
            sizes = new IntList();
          }
          sizes.add(parseSize(line.substring(space).strip(), file, lineNumber));
        } else if (sizes != null) {
          throw new IOException(file + ":" + lineNumber + ": no size in a weighted trace");
        }
        keys.add(key);
      }
    }
    return new Trace(name, file.getFileName().toString(), keys.toArray(), sizes == null ? null : sizes.toArray());
  }

  private static int parseSize(String text, Path file, int lineNumber) throws IOException {
    try {
      int size = Integer.parseInt(text.split("\\s+")[0]);
      if (size < 0) {
        throw new IOException(file + ":" + lineNumber + ": negative size " + size);
      }
      return size;
    } catch (NumberFormatException e) {
      throw new IOException(file + ":" + lineNumber + ": size is not an integer: " + text, e);
    }
  }

  private static int firstSpace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** A growable array of longs. */
  static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** A growable array of ints. */
  static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
