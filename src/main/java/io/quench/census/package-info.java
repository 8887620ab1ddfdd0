/**
 * Census of GWIA queue folders: counts {@code <EmailAddress>} values exactly like the
 * support KB's grep pipeline (or messages per sender), fast enough to run on the GWIA
 * server during an incident.
 */
package io.quench.census;
