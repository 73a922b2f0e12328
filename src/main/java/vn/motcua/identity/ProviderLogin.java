package vn.motcua.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.shared.VietnamTime;

/**
 * The citizens' sign-in with an identity provider (OpenID Connect, authorization code flow), inside the citizens' page
 * chain: the browser starts at {@code /cong-dan/oauth2/authorization/<id>} and comes back to
 * {@code /cong-dan/oauth2/code/<id>}, so that the whole exchange sees the citizens' session and never the staff's.
 * Once the provider's ID token is checked, {@link ProviderSignIn} finds or opens the account, and the session keeps a
 * {@link CitizenAuthentication} of that account under the citizens' key, as a password sign-in keeps its citizen:
 * {@link Citizens#current()} reads both. The provider's tokens are not kept: motcua calls nothing of the provider's
 * after the sign-in.
 */
final class ProviderLogin {

    private static final Logger log = LoggerFactory.getLogger(ProviderLogin.class);

    /** Nothing is kept of the provider's access token: held per citizen in memory, it would only grow. */
    private static final OAuth2AuthorizedClientRepository NOTHING_KEPT = new OAuth2AuthorizedClientRepository() {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {}
    };

    private final ClientRegistrationRepository registrations;
    private final CitizenSignInProviders providers;
    private final ProviderSignIn signIn;
    private final SecurityContextRepository contexts;
    private final Clock clock;
    private final OidcUserService oidc = new OidcUserService();
    private final SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();

    ProviderLogin(ClientRegistrationRepository registrations, CitizenSignInProviders providers, ProviderSignIn signIn,
            SecurityContextRepository contexts, Clock clock) {
        this.registrations = registrations;
        this.providers = providers;
        this.signIn = signIn;
        this.contexts = contexts;
        this.clock = clock;
        then.setDefaultTargetUrl("/cong-dan/ho-so");
    }

    /**
     * Checks the provider's answer (code for tokens, the ID token's signature, issuer, audience and nonce) and signs the
     * citizen in. A chain with its own authentication manager needs it among the manager's providers.
     */
    AuthenticationProvider authenticationProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                this::citizen);
    }

    void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login
                .loginPage("/cong-dan/dang-nhap")
                .loginProcessingUrl(CitizenSignInProviders.CALLBACK_PATH + "/*")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(NOTHING_KEPT)
                .authorizationEndpoint(endpoint -> endpoint.baseUri(CitizenSignInProviders.AUTHORIZATION_PATH))
                .redirectionEndpoint(endpoint -> endpoint.baseUri(CitizenSignInProviders.CALLBACK_PATH + "/*"))
                .successHandler(this::signedIn)
                .failureHandler(this::refused));
    }

    /** The provider's user, with the account it signs in to. */
    private OidcUser citizen(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        ProviderSignIn.Identity identity = ProviderClaims.read(provider, providers.settings(provider), user.getSubject(),
                user.getClaims(), LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        try {
            return new SignedInUser(user, signIn.signIn(identity));
        } catch (ProviderSignIn.MissingClaimException | DataIntegrityViolationException e) {
            // A provider that gives no name, or a sign-up that took the same phone number this very moment.
            log.warn("Sign-in with {} refused: {}", provider, e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info"), e.getMessage(), e);
        }
    }

    /** The session keeps the citizen's account, not the provider's user. */
    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        CitizenAuthentication citizen = new CitizenAuthentication(((SignedInUser) authentication.getPrincipal()).citizen);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(citizen);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        then.onAuthenticationSuccess(request, response, citizen);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!(e instanceof DisabledException)) {
            // The provider refused, the citizen cancelled there, or its answer did not check out.
            log.info("Sign-in with an identity provider failed: {}", e.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/cong-dan/dang-nhap?"
                + (e instanceof DisabledException ? "inactive" : "provider-error"));
    }

    /** The provider's user as Spring Security checked it, and the citizen's account. */
    private static final class SignedInUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final CitizenUser citizen;

        SignedInUser(OidcUser user, CitizenUser citizen) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.citizen = citizen;
        }
    }
}
