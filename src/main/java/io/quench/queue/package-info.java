/**
 * GWIA queue files: walking the queue folders, parsing files, the census of senders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queues")
package io.quench.queue;
