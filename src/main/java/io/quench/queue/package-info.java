/**
 * GWIA queue files: walking the {@code send/} and {@code defer/} folders safely and
 * parsing each file's envelope and message headers into a
 * {@link io.quench.queue.ParsedQueueFile}.
 */
package io.quench.queue;
