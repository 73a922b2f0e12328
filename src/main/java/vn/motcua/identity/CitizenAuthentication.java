package vn.motcua.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import vn.motcua.identity.Citizens.CitizenUser;

/** A citizen's bearer token, or a citizen's session after sign-in with an identity provider: the principal is the citizen. */
final class CitizenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final CitizenUser citizen;

    CitizenAuthentication(CitizenUser citizen) {
        super(CitizenDetails.AUTHORITIES);
        this.citizen = citizen;
        setAuthenticated(true);
    }

    @Override
    public CitizenUser getPrincipal() {
        return citizen;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return Citizens.actor(citizen.id());
    }
}
