/**
 * Actions on queued mail (quarantine, restore, delete) and their four-eyes approval.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Actions")
package io.quench.action;
