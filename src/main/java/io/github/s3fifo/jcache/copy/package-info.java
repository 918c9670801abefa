/**
 * Store-by-value and store-by-reference: how a cache's keys and values are kept in the store
 * ({@link io.github.s3fifo.jcache.copy.StoreCodec}), Java serialization with the right class
 * loader and filter (in a compact form wherever java.io's default serialization can be
 * reproduced exactly), the immutable JDK types that are shared rather than copied, and the exact
 * serialized sizes that weigh a by-value cache in bytes.
 */
package io.github.s3fifo.jcache.copy;
