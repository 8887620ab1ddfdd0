/**
 * Login and mail events read from POA and GWIA log files: configurable line patterns,
 * typed {@link io.quench.login.LogEvent}s, incremental reading from a
 * {@link io.quench.login.LogCursor}, shape counts of the lines no pattern recognised, and
 * the pages that browse them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Logins")
package io.quench.login;
