/**
 * Synthetic incidents: writes a GroupWise system (GWIA queue folders, POA and GWIA logs,
 * user directory) with compromised accounts, decoys and legitimate mail, plus a manifest
 * of the truth.
 */
package io.quench.generator;
