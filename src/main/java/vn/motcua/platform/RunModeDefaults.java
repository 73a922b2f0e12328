package vn.motcua.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What differs by default between a demo and production, each overridable by setting it:
 * <ul>
 * <li>A demo answers only on this machine: its accounts share one published password ({@code Demo@12345}), so the
 * one-command start must not put them on the network. When the run is a demo ({@link MotcuaProperties#demo}: the
 * demo data on, or unset with the embedded database) and {@code server.address} is not set, it is
 * {@code 127.0.0.1}; {@code --server.address=0.0.0.0} opens a demo to the network on purpose. Production (no demo
 * data) listens where it is told, on every interface by default.</li>
 * <li>Production serves no Swagger UI ({@code springdoc.swagger-ui.enabled=false}): a console to try every endpoint
 * is for developers, not for the province's public address. The OpenAPI description itself, {@code /v3/api-docs},
 * stays: integrators generate their clients from it.</li>
 * <li>A demo collects fees into a fictitious account (VietinBank's BIN 970415, account 0123456789) and accepts bank
 * notifications signed with the published secret {@code demo-notification-secret}, so that a bank transfer can be
 * tried end to end; production has neither until the province sets its own ({@code motcua.payment.*}).</li>
 * </ul>
 */
class RunModeDefaults implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";
    static final String SWAGGER_UI = "springdoc.swagger-ui.enabled";
    static final Map<String, Object> DEMO_PAYMENT = Map.of(
            "motcua.payment.notification-secret", "demo-notification-secret",
            "motcua.payment.vietqr.bank-bin", "970415",
            "motcua.payment.vietqr.bank-name", "VietinBank",
            "motcua.payment.vietqr.account-number", "0123456789",
            "motcua.payment.vietqr.account-name", "VAN PHONG UBND THANH PHO HAI PHONG");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String demoData = environment.getProperty("motcua.demo-data");
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        boolean demo = demoData == null || demoData.isBlank() ? embedded : Boolean.parseBoolean(demoData.strip());
        if (demo && !environment.containsProperty("server.address")) {
            environment.getPropertySources().addLast(new MapPropertySource("motcua-demo-loopback",
                    Map.of("server.address", LOOPBACK)));
        }
        if (demo) {
            Map<String, Object> payment = new LinkedHashMap<>();
            DEMO_PAYMENT.forEach((key, value) -> {
                if (!environment.containsProperty(key)) {
                    payment.put(key, value);
                }
            });
            environment.getPropertySources().addLast(new MapPropertySource("motcua-demo-payment", payment));
        }
        if (!demo && !environment.containsProperty(SWAGGER_UI)) {
            environment.getPropertySources().addLast(new MapPropertySource("motcua-production-no-swagger-ui",
                    Map.of(SWAGGER_UI, "false")));
        }
    }
}
