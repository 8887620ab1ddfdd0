/**
 * Top senders: queued messages per envelope sender, with filters, paging and a CSV
 * export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Senders")
package io.quench.sender;
