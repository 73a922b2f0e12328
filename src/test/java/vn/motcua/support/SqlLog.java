package vn.motcua.support;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What SQL one HTTP request ran, observed at the JDBC connection: every statement executed and every commit,
 * attributed to the request that carries the header {@value #PROBE} (its value names the observation). Requests
 * without the header, and work outside requests (schedulers, listeners on other threads), are not recorded, so
 * that a test sees exactly the database work of the request it sent. The driver opens each transaction with a
 * {@code BEGIN} of its own, sent with the first statement: there is one per recorded {@code COMMIT} or
 * {@code ROLLBACK}.
 */
public final class SqlLog {

    /** The request header whose value names an observation. */
    public static final String PROBE = "X-Sql-Probe";

    private final Map<String, List<String>> byProbe = new ConcurrentHashMap<>();

    /** The statements ({@code COMMIT} and {@code ROLLBACK} included, as such) run by requests with this probe. */
    public List<String> statements(String probe) {
        return List.copyOf(byProbe.getOrDefault(probe, List.of()));
    }

    /** How many commits requests with this probe made. */
    public long commits(String probe) {
        return statements(probe).stream().filter("COMMIT"::equals).count();
    }

    private void record(String sql) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String probe = request.getHeader(PROBE);
            if (probe != null) {
                byProbe.computeIfAbsent(probe, p -> new CopyOnWriteArrayList<>()).add(sql);
            }
        }
    }

    DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return connection(super.getConnection(username, password));
            }
        };
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            switch (method.getName()) {
                case "commit" -> record("COMMIT");
                case "rollback" -> record("ROLLBACK");
                default -> {
                }
            }
            Object result = invoke(target, method, args);
            if (method.getName().startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String sql
                    && result instanceof Statement statement) {
                return statement(statement, sql);
            }
            if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                return statement(statement, null);
            }
            return result;
        });
    }

    private Object statement(Statement target, String prepared) {
        Class<?> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return proxy(type, target, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
            return invoke(target, method, args);
        });
    }

    private interface Call {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.handle(method, args);
        return (T) Proxy.newProxyInstance(SqlLog.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Wraps the application's data source; imported by {@link IntegrationTest}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        private static final SqlLog LOG = new SqlLog();

        @Bean
        SqlLog sqlLog() {
            return LOG;
        }

        @Bean
        static BeanPostProcessor sqlLogDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                            ? LOG.wrap(dataSource) : bean;
                }
            };
        }
    }
}
