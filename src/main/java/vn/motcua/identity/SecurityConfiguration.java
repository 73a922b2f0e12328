package vn.motcua.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.platform.PublicAddress;
import vn.motcua.platform.RateLimit;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Problems;

/**
 * Who may call what. Machines call {@code /api/v1/**} with HTTP Basic or a bearer token ({@link ApiTokens})
 * (stateless, no session, so no CSRF exposure), and so does a monitoring system {@code /actuator/**} (administrators
 * only, but {@code /actuator/health}); {@code /api/public/**}, the public catalogue pages
 * {@code /procedures/**}, the dossier look-up {@code /tra-cuu} and the check of an electronic result
 * {@code /xac-thuc/**} are open; people sign in with a form and a
 * session (CSRF on every form). Every endpoint states its roles with {@code @PreAuthorize}; this configuration only makes sure
 * that nothing under {@code /api/v1} or the staff pages is reachable without signing in.
 *
 * <p>Citizens ({@link Citizens}) have their own API, {@code /api/citizen/**}, and pages, {@code /cong-dan/**}. The two
 * APIs know both kinds of account, each trying its own first, so that a citizen's credentials on a staff endpoint,
 * or a member of staff's on a citizen endpoint, are recognised and refused (403) rather than taken for wrong ones
 * (401). The two kinds of page session are kept apart: a citizen's sign-in is stored under its own session key, so it
 * never counts on a staff page, and a member of staff's never on a citizen's page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({SecuritySettings.class, IdentityProviderSettings.class})
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

    /** Every staff role: a request under the staff API must hold one, which no citizen does. */
    private static final String[] STAFF_ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    /** Where a citizen's page sign-in is kept in the session, apart from a member of staff's. */
    static final String CITIZEN_CONTEXT_KEY = "MOTCUA_CITIZEN_SECURITY_CONTEXT";

    /**
     * The password checks: staff's and citizens'. Not beans, so that Spring Security's global authentication
     * (staff's, from {@link AccountDetailsService}) stays as it is; each chain names the ones it tries.
     */
    record Passwords(DaoAuthenticationProvider staff, DaoAuthenticationProvider citizens) {

        Passwords(AccountDetailsService accounts, CitizenDetails citizens, PasswordEncoder encoder) {
            this(new DaoAuthenticationProvider(accounts), new DaoAuthenticationProvider(citizens::load));
            staff.setPasswordEncoder(encoder);
            this.citizens.setPasswordEncoder(encoder);
        }
    }

    @Bean
    Passwords passwords(AccountDetailsService accounts, CitizenDetails citizens, PasswordEncoder encoder) {
        return new Passwords(accounts, citizens, encoder);
    }

    /** Tries the providers in order; failures reach {@link LoginAttempts} through the events. */
    private static AuthenticationManager manager(AuthenticationEventPublisher events, AuthenticationProvider... providers) {
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(0)
    SecurityFilterChain citizenApiChain(HttpSecurity http, Problems problems, ApiTokens tokens, CitizenTokens citizenTokens,
            AuthenticationEventPublisher events, Passwords passwords, PublicAddress address, SignInLimit signInLimit)
            throws Exception {
        http.securityMatcher("/api/citizen/**")
                .authenticationManager(signInLimit.guarding(manager(events, passwords.citizens(), passwords.staff())))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Citizens.ROLE));
        return statelessApi(http, problems, tokens, citizenTokens, address).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Problems problems, ApiTokens tokens, CitizenTokens citizenTokens,
            AuthenticationEventPublisher events, Passwords passwords, PublicAddress address, SignInLimit signInLimit)
            throws Exception {
        // The actuator answers machines too (a Prometheus scraper with Basic or an administrator's token). Citizens'
        // passwords are checked here too, so the failures per address count here as on the citizens' API.
        http.securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(signInLimit.guarding(manager(events, passwords.staff(), passwords.citizens())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/public/**", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().hasAnyRole(STAFF_ROLES))
                .addFilterAfter(new PasswordChangeRequired(problems, true),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return statelessApi(http, problems, tokens, citizenTokens, address).build();
    }

    private static HttpSecurity statelessApi(HttpSecurity http, Problems problems, ApiTokens tokens,
            CitizenTokens citizenTokens, PublicAddress address) throws Exception {
        return http.addFilterBefore(new CrossSiteGuard(address, problems),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, citizenTokens, problems),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic
                        .realmName("motcua")
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof SignInLimit.Refused refused) {
                                response.setHeader("Retry-After",
                                        ProblemException.retryAfterSeconds(refused.retryAfter()));
                                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                                        "identity.sign-in.too-many", RateLimit.minutes(refused.retryAfter()));
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\", charset=\"UTF-8\"");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                                    // Locked or not, the same answer: "locked" would tell a stranger the account exists.
                                    // A citizen's unconfirmed sign-up is told so (the sign-up said as much already);
                                    // a deactivated member of staff hears the same as a wrong password.
                                    e instanceof DisabledException && request.getRequestURI().startsWith(
                                            request.getContextPath() + "/api/citizen/") ? "problem.account-not-active"
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
    }

    /**
     * The citizens' pages: sign-up, confirmation, sign-in and password recovery are open, the rest needs a citizen's
     * sign-in, kept in the session under {@link #CITIZEN_CONTEXT_KEY}: with a password, or with an identity provider
     * ({@link ProviderLogin}) when one is configured.
     */
    @Bean
    @Order(2)
    SecurityFilterChain citizenPagesChain(HttpSecurity http, AuthenticationEventPublisher events, Passwords passwords,
            CitizenReader reader, CitizenSignInProviders providers, ProviderSignIn providerSignIn, Clock clock,
            SignInLimit signInLimit) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CITIZEN_CONTEXT_KEY);
        // Identity providers (OpenID Connect), when any is configured: their sign-in lives in this chain too.
        Optional<ProviderLogin> oidc = providers.repository()
                .map(registrations -> new ProviderLogin(registrations, providers, providerSignIn, contexts, clock));
        http.securityMatcher("/cong-dan/**")
                .authenticationManager(signInLimit.guarding(oidc.isEmpty() ? manager(events, passwords.citizens())
                        : manager(events, passwords.citizens(), oidc.get().authenticationProvider())))
                .securityContext(context -> context.securityContextRepository(contexts))
                .addFilterAfter(new CitizenSessionCheck(reader),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/cong-dan/dang-ky", "/cong-dan/kich-hoat", "/cong-dan/dang-nhap",
                                "/cong-dan/quen-mat-khau")
                        .permitAll()
                        // The payment platform's return: believed only with its secureCode, whatever the session.
                        .requestMatchers("/cong-dan/thanh-toan/ket-qua").permitAll()
                        .anyRequest().hasRole(Citizens.ROLE))
                .formLogin(form -> form
                        .loginPage("/cong-dan/dang-nhap")
                        .usernameParameter("login")
                        .defaultSuccessUrl("/cong-dan/ho-so", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/cong-dan/dang-nhap?" + (e instanceof SignInLimit.Refused ? "limited"
                                        : e instanceof DisabledException ? "inactive" : "error"))))
                .logout(logout -> logout.logoutUrl("/cong-dan/dang-xuat").logoutSuccessUrl("/cong-dan/dang-nhap?logout"))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        response.sendRedirect(request.getContextPath() + "/cong-dan/dang-nhap?expired");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }));
        if (oidc.isPresent()) {
            oidc.get().configure(http);
        }
        return pageHeaders(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, Problems problems, PrincipalCache cache, AccountReader reader,
            AuthenticationEventPublisher events, Passwords passwords, SignInLimit signInLimit) throws Exception {
        http.authenticationManager(signInLimit.guarding(manager(events, passwords.staff())))
                .addFilterAfter(new SessionCheck(cache, reader),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .addFilterAfter(new PasswordChangeRequired(problems, false),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
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
                        // Locked or not, the same answer: "locked" would tell a stranger the account exists.
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?" + (e instanceof SignInLimit.Refused ? "limited" : "error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        response.sendRedirect(request.getContextPath() + "/login?expired");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }));
        return pageHeaders(http).build();
    }

    private static HttpSecurity pageHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }
}
