package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * A demo's accounts share a published password: the demo answers on this machine only unless told otherwise; production
 * offers no Swagger UI unless told otherwise.
 */
class RunModeDefaultsTest {

    private static String address(MockEnvironment environment) {
        new RunModeDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("server.address");
    }

    @Test
    void the_one_command_demo_on_the_embedded_database_listens_on_the_loopback_interface() {
        assertThat(address(new MockEnvironment())).isEqualTo("127.0.0.1");
    }

    @Test
    void a_demo_on_an_external_database_listens_on_the_loopback_interface_too() {
        assertThat(address(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/motcua")
                .withProperty("motcua.demo-data", "true"))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_demo_opened_to_the_network_on_purpose_keeps_its_address() {
        assertThat(address(new MockEnvironment().withProperty("server.address", "0.0.0.0"))).isEqualTo("0.0.0.0");
    }

    @Test
    void production_listens_where_it_is_told_on_every_interface_by_default() {
        assertThat(address(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/motcua")))
                .isNull();
        assertThat(address(new MockEnvironment().withProperty("motcua.demo-data", "false"))).isNull();
    }

    private static String swaggerUi(MockEnvironment environment) {
        new RunModeDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("springdoc.swagger-ui.enabled");
    }

    @Test
    void production_serves_no_swagger_ui_unless_told_to_and_a_demo_keeps_it() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/m");
        assertThat(swaggerUi(production)).isEqualTo("false");
        assertThat(swaggerUi(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/m")
                .withProperty("springdoc.swagger-ui.enabled", "true"))).isEqualTo("true");
        assertThat(swaggerUi(new MockEnvironment())).isNull();
    }
}
