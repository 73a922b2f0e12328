package vn.motcua.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server inside the data directory when no external database is configured
 * ({@code spring.datasource.url} / {@code SPRING_DATASOURCE_URL} unset), so that a new user needs no
 * setup. The same SQL dialect runs everywhere: production simply points the datasource at a server.
 * The server is locked to its owner ({@link EmbeddedServer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Stopped after the connection pool: Spring destroys beans in the reverse order of their dependencies. */
    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(MotcuaProperties properties,
            @Value("${motcua.embedded-database.durable:true}") boolean durable) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        try {
            EmbeddedServer server = EmbeddedServer.start(dataDir, durable);
            log.info("Embedded PostgreSQL listening on localhost:{} with data in {}", server.port(),
                    dataDir.resolve("postgres"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedServer.SUPERUSER);
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("motcua-embedded");
        return dataSource;
    }

    @Bean
    EmbeddedDatabase embeddedDatabase() {
        return new EmbeddedDatabase();
    }
}
