/**
 * The incident: one shared view of what is happening, its timeline, checklist and report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident")
package io.quench.incident;
