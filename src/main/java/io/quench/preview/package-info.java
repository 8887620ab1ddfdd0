/**
 * Safe preview of queued messages: streams an RFC 5322 message through Mime4j into
 * decoded headers, text, sanitized HTML, defanged links and attachment facts, within
 * {@link io.quench.preview.PreviewLimits}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Preview")
package io.quench.preview;
