/**
 * Database support shared by the features: bulk loads (COPY on PostgreSQL, JDBC batches
 * on H2) and id blocks from sequences.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database support",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.quench.db;
