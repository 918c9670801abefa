/**
 * Read-through and write-through: adapters that call the application's CacheLoader and
 * CacheWriter and report their failures as the spec's exceptions.
 */
package io.github.s3fifo.jcache.integration;
