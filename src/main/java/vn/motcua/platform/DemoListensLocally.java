package vn.motcua.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A demo answers only on this machine: its accounts share one published password ({@code Demo@12345}), so the
 * one-command start must not put them on the network. When the run is a demo ({@link MotcuaProperties#demo}: the
 * demo data on, or unset with the embedded database) and {@code server.address} is not set, it is
 * {@code 127.0.0.1}; {@code --server.address=0.0.0.0} opens a demo to the network on purpose. Production (no demo
 * data) listens where it is told, on every interface by default.
 */
class DemoListensLocally implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("server.address")) {
            return;
        }
        String demoData = environment.getProperty("motcua.demo-data");
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        boolean demo = demoData == null || demoData.isBlank() ? embedded : Boolean.parseBoolean(demoData.strip());
        if (demo) {
            environment.getPropertySources().addLast(new MapPropertySource("motcua-demo-loopback",
                    Map.of("server.address", LOOPBACK)));
        }
    }
}
