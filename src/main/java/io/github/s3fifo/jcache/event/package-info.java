/**
 * Cache entry events: registration of listeners and filters, and their delivery, synchronous
 * before the operation returns or asynchronous in each key's order.
 */
package io.github.s3fifo.jcache.event;
