/**
 * Login and mail events read from POA and GWIA log files: configurable line patterns,
 * typed {@link io.quench.login.LogEvent}s, incremental reading from a
 * {@link io.quench.login.LogCursor}, and shape counts of the lines no pattern recognised.
 * Plain Java, no Spring.
 */
package io.quench.login;
