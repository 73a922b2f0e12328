package vn.motcua.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /** Until an SMS provider is connected, SMS texts go to the log. */
    @Bean
    LoggingSmsGateway smsGateway() {
        return new LoggingSmsGateway();
    }
}
