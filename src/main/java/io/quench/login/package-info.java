/**
 * Login events read from POA and GWIA logs: parsing, storage and browsing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Logins")
package io.quench.login;
