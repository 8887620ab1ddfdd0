/**
 * Small helpers for pages that keep their filters in the URL (paging, sorting, htmx
 * history), shared by the features.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Query URLs",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.quench.query;
