package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.motcua.shared.DatabaseUnavailable;
import vn.motcua.support.IntegrationTest;

/**
 * A password that could not be checked, because the database could not be reached, is not a wrong password: it is no
 * failure of the client address, and it leaves the sign-in as a database outage (503), not as bad credentials (401).
 * Addresses of its own (198.51.100.0/24).
 */
@IntegrationTest
class SignInDuringOutageTest {

    @Autowired
    SignInLimit signInLimit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_password_that_could_not_be_checked_is_a_database_outage_and_no_failure_of_the_address() {
        String address = "198.51.100.17";
        var unreachable = signInLimit.guarding(authentication -> {
            throw new InternalAuthenticationServiceException("Failed to obtain JDBC Connection",
                    new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        });

        assertThatThrownBy(() -> unreachable.authenticate(attempt(address))).isInstanceOf(DatabaseUnavailable.class);
        assertThat(failuresOf(address)).isZero();

        var wrongPassword = signInLimit.guarding(authentication -> {
            throw new BadCredentialsException("Bad credentials");
        });
        assertThatThrownBy(() -> wrongPassword.authenticate(attempt(address)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(failuresOf(address)).as("a wrong password does count").isEqualTo(1);
    }

    private static UsernamePasswordAuthenticationToken attempt(String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated("admin", "Sai-mat-khau#1");
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    private int failuresOf(String address) {
        return jdbc.sql("select coalesce(sum(hits), 0) from rate_limit_counter where name = 'sign-in-failures' "
                + "and key = ?").param(address).query(Integer.class).single();
    }
}
