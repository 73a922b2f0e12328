package vn.motcua.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.shared.web.Problems;

/**
 * Who may call what. Machines call {@code /api/v1/**} with HTTP Basic or a bearer token ({@link ApiTokens})
 * (stateless, no session, so no CSRF exposure), and so does a monitoring system {@code /actuator/**} (administrators
 * only, but {@code /actuator/health}); {@code /api/public/**}, the public catalogue pages
 * {@code /procedures/**}, the dossier look-up {@code /tra-cuu} and the check of an electronic result
 * {@code /xac-thuc/**} are open; people sign in with a form and a
 * session (CSRF on every form). Every endpoint states its roles with {@code @PreAuthorize}; this configuration only makes sure
 * that nothing under {@code /api/v1} or the staff pages is reachable without signing in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /**
     * No observation of each security filter: Spring Security would wrap every filter of every request in an
     * observation that nothing here reads (observation code was about 5 % of the application's CPU samples in a
     * profile of scripts/benchmark-lifecycle.sh). The HTTP server's own metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Problems problems, ApiTokens tokens) throws Exception {
        // The actuator answers machines too (a Prometheus scraper with Basic or an administrator's token).
        http.securityMatcher("/api/**", "/actuator/**")
                .addFilterBefore(new BearerTokenFilter(tokens, problems),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/public/**", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic
                        .realmName("motcua")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\", charset=\"UTF-8\"");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                    e instanceof LockedException ? "problem.account-locked"
                                            : request.getHeader("Authorization") == null ? "problem.unauthenticated"
                                            : "problem.bad-credentials");
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Problems problems, PrincipalCache cache, AccountReader reader)
            throws Exception {
        http.addFilterAfter(new SessionCheck(cache, reader),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/tra-cuu")
                        .permitAll()
                        // The public catalogue of procedures in force (công khai thủ tục hành chính).
                        .requestMatchers("/procedures", "/procedures/**").permitAll()
                        // The public check of an electronic result, which the QR code printed on it opens.
                        .requestMatchers("/xac-thuc", "/xac-thuc/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        response.sendRedirect(request.getContextPath() + "/login?expired");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
