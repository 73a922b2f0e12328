package vn.motcua.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.motcua.identity.Identity.StaffUser;

/**
 * An authentication whose principal is the member of staff themselves (a bearer token's holder), so that
 * handlers taking {@code StaffUser caller} need not read the account again.
 */
final class StaffAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient StaffUser user;

    StaffAuthentication(StaffUser user) {
        super(authorities(user));
        this.user = user;
        setAuthenticated(true);
    }

    static List<GrantedAuthority> authorities(StaffUser user) {
        return user.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    @Override
    public StaffUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
