package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import vn.motcua.identity.IdentityProviderSettings.Provider;

/** The identity providers offered, and the settings that stop the application at start-up rather than fail later. */
class CitizenSignInProvidersTest {

    @Test
    void each_registration_is_offered_under_its_display_name_or_its_client_name() {
        CitizenSignInProviders providers = providers(Map.of("vneid", settings("VNeID", Map.of("2", 2))),
                registration("vneid", "{baseUrl}/cong-dan/oauth2/code/{registrationId}", "openid", "profile"),
                registration("sso", "https://dichvucong.example.vn/cong-dan/oauth2/code/sso", "openid"));
        assertThat(providers.all()).containsExactly(
                new CitizenSignInProviders.Provider("sso", "SSO của tỉnh", "/cong-dan/oauth2/authorization/sso"),
                new CitizenSignInProviders.Provider("vneid", "VNeID", "/cong-dan/oauth2/authorization/vneid"));
        assertThat(providers.repository()).isPresent();
    }

    @Test
    void without_a_registration_none_is_offered() {
        DefaultListableBeanFactory none = new DefaultListableBeanFactory();
        CitizenSignInProviders providers = new CitizenSignInProviders(none.getBeanProvider(
                ClientRegistrationRepository.class), new IdentityProviderSettings(null));
        assertThat(providers.all()).isEmpty();
        assertThat(providers.repository()).isEmpty();
    }

    @Test
    void a_registration_motcua_could_not_use_stops_the_start_naming_the_setting_to_change() {
        assertThatThrownBy(() -> providers(Map.of("vneid", settings("VNeID", Map.of("LOA3", 3)),
                "vneld", settings("typo", Map.of())),
                registration("vneid", "{baseUrl}/login/oauth2/code/{registrationId}", "profile")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("motcua.portal.oidc.vneld names no spring.security.oauth2.client.registration.vneld")
                .hasMessageContaining("motcua.portal.oidc.vneid.assurance-levels: LOA3 gives level 3, not 1 or 2")
                .hasMessageContaining("spring.security.oauth2.client.registration.vneid.scope: openid")
                .hasMessageContaining("spring.security.oauth2.client.registration.vneid.redirect-uri: "
                        + "{baseUrl}/cong-dan/oauth2/code/{registrationId}");
    }

    private static CitizenSignInProviders providers(Map<String, Provider> settings, ClientRegistration... registrations) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("registrations", new InMemoryClientRegistrationRepository(List.of(registrations)));
        return new CitizenSignInProviders(beans.getBeanProvider(ClientRegistrationRepository.class),
                new IdentityProviderSettings(settings));
    }

    private static Provider settings(String displayName, Map<String, Integer> levels) {
        return new Provider(displayName, "loa", levels, "so_dinh_danh", null, null, null, null);
    }

    private static ClientRegistration registration(String id, String redirectUri, String... scopes) {
        return ClientRegistration.withRegistrationId(id).clientId("motcua").clientSecret("bi-mat")
                .clientName(id.equals("sso") ? "SSO của tỉnh" : id)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .scope(scopes).authorizationUri("https://id.example.vn/authorize").tokenUri("https://id.example.vn/token")
                .jwkSetUri("https://id.example.vn/jwks").userNameAttributeName("sub").build();
    }
}
