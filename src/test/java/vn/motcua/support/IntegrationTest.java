package vn.motcua.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a random port, with its own embedded PostgreSQL and the demo
 * data (Hải Phòng, loaded by {@code vn.motcua.demo}). All tests so annotated share one application context, hence
 * one database: each test uses dates, accounts or records of its own so that they do not disturb each other.
 * Any test may sign in as a demo account and work in the demo's units; a test whose assertions rest on more of
 * the demo (its figures, people, procedures or tasks) says so in its name. The clock is a
 * {@link TestClock}: the system clock unless a test sets it (and resets it afterwards). {@link SqlLog} tells what
 * SQL a request ran.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClock.Configuration.class, SqlLog.Configuration.class})
public @interface IntegrationTest {}
