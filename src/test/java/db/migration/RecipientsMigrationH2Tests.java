package db.migration;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

class RecipientsMigrationH2Tests extends RecipientsMigrationContract {

	@Override
	DataSource freshDatabase() {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		db.setUser("sa");
		return db;
	}

}
