/**
 * Sources: configured queue roots and log folders, and the ingest runs that read them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sources")
package io.quench.source;
