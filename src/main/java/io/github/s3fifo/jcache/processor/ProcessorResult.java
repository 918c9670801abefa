package io.github.s3fifo.jcache.processor;

import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/** One key's outcome of {@code invokeAll}: the processor's result or its failure. */
public final class ProcessorResult<T> implements EntryProcessorResult<T> {

  private final T result;
  private final EntryProcessorException failure;

  private ProcessorResult(T result, EntryProcessorException failure) {
    this.result = result;
    this.failure = failure;
  }

  public static <T> ProcessorResult<T> of(T result) {
    return new ProcessorResult<>(result, null);
  }

  public static <T> ProcessorResult<T> failed(EntryProcessorException failure) {
    return new ProcessorResult<>(null, failure);
  }

  @Override
  public T get() {
    if (failure != null) {
      throw failure;
    }
    return result;
  }
}
