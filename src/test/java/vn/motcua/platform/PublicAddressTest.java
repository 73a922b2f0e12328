package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class PublicAddressTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MotcuaProperties.class)
    @Import({RunMode.class, PublicAddress.class})
    static class OnAnExternalDatabase {}

    @Configuration(proxyBeanMethods = false)
    @Import(OnAnExternalDatabase.class)
    static class OnTheEmbeddedDatabase {
        @Bean
        EmbeddedDatabase embeddedDatabase() {
            return new EmbeddedDatabase();
        }
    }

    private final ApplicationContextRunner external = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(OnAnExternalDatabase.class));
    private final ApplicationContextRunner embedded = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(OnTheEmbeddedDatabase.class));

    @Test
    void production_without_a_public_url_refuses_to_start_saying_what_to_set() {
        external.run(context -> {
            assertThat(context).hasFailed();
            MissingSettingException missing = (MissingSettingException) org.springframework.core.NestedExceptionUtils
                    .getMostSpecificCause(context.getStartupFailure());
            FailureAnalysis analysis = new MissingSettingAnalyzer().analyze(context.getStartupFailure());
            assertThat(missing.getMessage()).contains("motcua.public-url", "MOTCUA_PUBLIC_URL");
            assertThat(analysis.getDescription()).contains("motcua.public-url");
            assertThat(analysis.getAction()).contains("MOTCUA_PUBLIC_URL", "--motcua.demo-data=true");
        });
        embedded.withPropertyValues("motcua.demo-data=false").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void production_prints_the_public_url_without_a_trailing_slash() {
        external.withPropertyValues("motcua.public-url=https://motcua.haiphong.gov.vn/")
                .run(context -> assertThat(context.getBean(PublicAddress.class).url())
                        .isEqualTo("https://motcua.haiphong.gov.vn"));
    }

    @Test
    void a_demo_without_a_public_url_uses_the_address_the_server_listens_on() {
        embedded.withPropertyValues("local.server.port=54321")
                .run(context -> assertThat(context.getBean(PublicAddress.class).url()).isEqualTo("http://localhost:54321"));
        external.withPropertyValues("motcua.demo-data=true", "server.address=192.168.1.20", "server.port=9090",
                "server.servlet.context-path=/motcua/")
                .run(context -> assertThat(context.getBean(PublicAddress.class).url())
                        .isEqualTo("http://192.168.1.20:9090/motcua"));
    }
}
