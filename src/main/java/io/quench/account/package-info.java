/**
 * GroupWise accounts: the identity map from GroupWise id to network id and SMTP addresses
 * (from the user directory export now, the Admin API later), which joins logins with
 * queued senders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.quench.account;
