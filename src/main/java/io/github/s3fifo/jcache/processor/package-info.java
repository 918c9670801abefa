/**
 * EntryProcessors: the MutableEntry a processor works on, which reduces its calls to one net
 * effect, and the per-key results of {@code invokeAll}.
 */
package io.github.s3fifo.jcache.processor;
