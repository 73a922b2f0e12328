package vn.motcua.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The identity providers citizens may sign in with (VNeID, a province's single sign-on), each an OpenID Connect
 * registration ({@code spring.security.oauth2.client.registration.<id>}) with motcua's settings
 * ({@code motcua.portal.oidc.<id>}). None configured: none is offered, and the portal signs in with passwords only.
 * A registration motcua could not use stops the application at start-up, with what to change.
 */
@Component
public class CitizenSignInProviders {

    /** Where the citizen's browser is sent to sign in at a provider, and where the provider sends it back. */
    static final String AUTHORIZATION_PATH = "/cong-dan/oauth2/authorization";
    static final String CALLBACK_PATH = "/cong-dan/oauth2/code";

    /**
     * A provider on the sign-in page.
     *
     * @param signInPath the path that starts the sign-in there
     */
    public record Provider(String id, String displayName, String signInPath) {}

    private final Optional<ClientRegistrationRepository> repository;
    private final IdentityProviderSettings settings;
    private final List<Provider> providers;

    CitizenSignInProviders(ObjectProvider<ClientRegistrationRepository> repository, IdentityProviderSettings settings) {
        this.repository = Optional.ofNullable(repository.getIfAvailable());
        this.settings = settings;
        List<ClientRegistration> registrations = this.repository
                .filter(Iterable.class::isInstance)
                .map(r -> StreamSupport.stream(((Iterable<?>) r).spliterator(), false)
                        .map(ClientRegistration.class::cast).toList())
                .orElse(List.of());
        List<String> problems = problems(registrations, settings);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Citizens' identity providers: " + String.join("; ", problems));
        }
        this.providers = registrations.stream()
                .map(r -> new Provider(r.getRegistrationId(),
                        Optional.ofNullable(settings.of(r.getRegistrationId()).displayName()).orElse(r.getClientName()),
                        AUTHORIZATION_PATH + "/" + r.getRegistrationId()))
                .sorted(Comparator.comparing(Provider::displayName)).toList();
    }

    /** The providers to offer, by name. */
    public List<Provider> all() {
        return providers;
    }

    Optional<ClientRegistrationRepository> repository() {
        return repository.filter(r -> !providers.isEmpty());
    }

    IdentityProviderSettings.Provider settings(String registrationId) {
        return settings.of(registrationId);
    }

    /** What would keep a registration from working, each said with the setting to change. */
    static List<String> problems(List<ClientRegistration> registrations, IdentityProviderSettings settings) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = registrations.stream().map(ClientRegistration::getRegistrationId)
                .collect(java.util.stream.Collectors.toSet());
        settings.oidc().keySet().stream().filter(id -> !ids.contains(id)).sorted().forEach(id -> problems.add(
                "motcua.portal.oidc." + id + " names no spring.security.oauth2.client.registration." + id));
        settings.oidc().forEach((id, provider) -> provider.assuranceLevels().forEach((value, level) -> {
            if (level == null || level < 1 || level > 2) {
                problems.add("motcua.portal.oidc." + id + ".assurance-levels: " + value + " gives level " + level
                        + ", not 1 or 2");
            }
        }));
        for (ClientRegistration registration : registrations) {
            String id = registration.getRegistrationId();
            String prefix = "spring.security.oauth2.client.registration." + id;
            if (id.length() > 50) {
                problems.add(prefix + ": a registration id of at most 50 characters");
            }
            if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
                problems.add(prefix + ".authorization-grant-type: authorization_code");
            }
            if (!registration.getScopes().contains(OidcScopes.OPENID)) {
                problems.add(prefix + ".scope: openid (OpenID Connect), with profile and what else the provider needs");
            }
            String redirect = registration.getRedirectUri();
            if (!redirect.endsWith(CALLBACK_PATH + "/{registrationId}") && !redirect.endsWith(CALLBACK_PATH + "/" + id)) {
                problems.add(prefix + ".redirect-uri: {baseUrl}" + CALLBACK_PATH
                        + "/{registrationId} (or the public address in its place), not " + redirect);
            }
        }
        return problems;
    }
}
