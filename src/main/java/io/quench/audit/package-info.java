/**
 * The audit trail: who did what, when. Listens to the events other features publish.
 * Today it writes them to the {@code quench.audit} log; the hash-chained audit table
 * comes with the approval workflow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.quench.audit;
