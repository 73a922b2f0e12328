package vn.motcua.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MotcuaProperties.class)
@EnableScheduling
class PlatformConfiguration {

    /** Every "now" in the application comes from here, so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
