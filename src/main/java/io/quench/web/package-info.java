/**
 * The web shell: layout, security configuration and error handling. No business rules
 * live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package io.quench.web;
