package vn.motcua.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in a small Spring Boot application of its own,
 * on a random port of this machine, reached as {@code http://localhost:<port>} (its issuer). It signs ID tokens with a
 * key of its own, shows its own sign-in form, and knows one client whose redirect URIs are motcua's callback on
 * {@code 127.0.0.1} at any port (the loopback rule of OAuth 2.1): so the application under test is browsed at
 * {@code 127.0.0.1} and the provider at {@code localhost}, and their session cookies never meet. Each user signs in
 * with {@link #PASSWORD} and receives the claims given here in the ID token, which a test may change between two
 * sign-ins ({@link #claim}).
 */
public final class OidcProvider implements AutoCloseable {

    public static final String PASSWORD = "Provider@12345";

    private final ConfigurableApplicationContext context;
    private final Users users;

    private OidcProvider(ConfigurableApplicationContext context, Users users) {
        this.context = context;
        this.users = users;
    }

    /**
     * Starts a provider with one client, {@code clientId}/{@code clientSecret}, allowed back to motcua's callback for
     * {@code registrationId}, and these users with their ID token claims.
     */
    public static OidcProvider start(String clientId, String clientSecret, String registrationId,
            Map<String, Map<String, Object>> claimsByUser) {
        Users users = new Users(new ConcurrentHashMap<>());
        claimsByUser.forEach((user, claims) -> users.claims().put(user, new ConcurrentHashMap<>(claims)));
        String client = "spring.security.oauth2.authorizationserver.client.motcua.registration.";
        Map<String, Object> properties = new LinkedHashMap<>();
        // Nothing of motcua's own configuration: this is another server.
        properties.put("spring.config.name", "oidc-provider");
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put(client + "client-id", clientId);
        properties.put(client + "client-secret", "{noop}" + clientSecret);
        properties.put(client + "client-authentication-methods", "client_secret_basic");
        properties.put(client + "authorization-grant-types", "authorization_code");
        properties.put(client + "redirect-uris", "http://127.0.0.1/cong-dan/oauth2/code/" + registrationId);
        properties.put(client + "scopes", "openid,profile,email,phone");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .properties(properties)
                .initializers(c -> c.getBeanFactory().registerSingleton("oidcProviderUsers", users))
                .registerShutdownHook(true)
                .run();
        return new OidcProvider(context, users);
    }

    /** Its issuer identifier, which is also where its discovery document lies. */
    public String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Sets (or, with {@code null}, removes) a claim of a user's next ID tokens. */
    public void claim(String user, String claim, Object value) {
        if (value == null) {
            users.claims().get(user).remove(claim);
        } else {
            users.claims().get(user).put(claim, value);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    record Users(Map<String, Map<String, Object>> claims) {}

    /** The provider's application: a web server, Spring Security and the authorization server, nothing more. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Application {

        @Bean
        InMemoryUserDetailsManager providerUsers(Users users) {
            InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
            users.claims().keySet().forEach(name -> manager.createUser(
                    User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()));
            return manager;
        }

        /** The user's claims in each ID token: motcua reads them, the citizen ID and the assurance claim included. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(Users users) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Map<String, Object> claims = users.claims().getOrDefault(context.getPrincipal().getName(), Map.of());
                    context.getClaims().claims(existing -> existing.putAll(claims));
                }
            };
        }
    }
}
