package db.migration;

import javax.sql.DataSource;

import io.quench.support.PostgresTest;
import io.quench.support.PostgresTestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

@PostgresTest
class RecipientsMigrationPostgresTests extends RecipientsMigrationContract {

	@Override
	DataSource freshDatabase() {
		PostgresTestDatabase.Schema schema = PostgresTestDatabase.newSchema();
		PGSimpleDataSource db = new PGSimpleDataSource();
		db.setUrl(schema.url());
		db.setUser(schema.username());
		db.setPassword(schema.password());
		return db;
	}

}
