/**
 * GWIA queue files: walking the {@code send/} and {@code defer/} folders safely, parsing
 * each file's envelope and message headers into a
 * {@link io.quench.queue.ParsedQueueFile}, and the queue pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queues")
package io.quench.queue;
