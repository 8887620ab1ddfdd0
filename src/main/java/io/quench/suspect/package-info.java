/**
 * Suspect ranking: which accounts look compromised, and why, in numbers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Suspects")
package io.quench.suspect;
