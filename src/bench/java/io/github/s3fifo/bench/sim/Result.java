package io.github.s3fifo.bench.sim;

/**
 * One replay of a trace through one policy at one size.
 *
 * @param trace the trace's name
 * @param weighted whether the trace is weighted (capacity in size units)
 * @param policy the policy's name
 * @param sizeIndex the position of the capacity among the trace's sizes, from 1 (smallest)
 * @param capacity entries, or size units for a weighted trace
 * @param requests requests replayed
 * @param hits requests that hit
 * @param requestedSize summed size of all requests (equals requests when unweighted)
 * @param hitSize summed size of the hits
 * @param detail the policy's configuration note (e.g. shards)
 * @param seconds wall time of the replay
 */
public record Result(String trace, boolean weighted, String policy, int sizeIndex, long capacity,
    long requests, long hits, long requestedSize, long hitSize, String detail, double seconds) {

  /** Hits over requests, in percent. */
  public double hitRatio() {
    return requests == 0 ? 0 : 100.0 * hits / requests;
  }

  /** Hit size over requested size, in percent. */
  public double byteHitRatio() {
    return requestedSize == 0 ? 0 : 100.0 * hitSize / requestedSize;
  }
}
