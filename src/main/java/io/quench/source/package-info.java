/**
 * Sources (GWIA queue roots, POA and GWIA log folders, directory exports) and the scans
 * that read them: claiming, progress, per-item errors, cancellation, history. The reading
 * itself belongs to the features that own the data, through
 * {@link io.quench.source.SourceIngester}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sources")
package io.quench.source;
