/**
 * Operators of the console: their accounts, roles, passwords and login throttling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operators")
package io.quench.user;
