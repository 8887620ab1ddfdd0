/**
 * Caches of expensive aggregations (the ranking's evidence, the top senders) that are
 * computed in the background, once per key at a time, and served older rather than waited
 * for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background caches",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.quench.cache;
