package io.quench.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against PostgreSQL (a fresh schema). Combine with {@code @JdbcTest}
 * or {@code @SpringBootTest}. Test classes using it are named {@code *PostgresTests}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(RequiresPostgresCondition.class)
@ContextConfiguration(initializers = PostgresContextInitializer.class)
public @interface PostgresTest {

}
