package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client address stands in the rate limits for what one subscriber holds: an IPv4 address, an IPv6 /64. */
class ClientKeyTest {

    @Test
    void every_address_of_one_ipv6_64_counts_as_one_client() {
        assertThat(RateLimits.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimits.clientKey("2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimits.clientKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(RateLimits.clientKey("2001:db8:1:3::1")).as("the next /64 is another client")
                .isNotEqualTo(RateLimits.clientKey("2001:db8:1:2::1"));
    }

    @Test
    void an_ipv4_address_stays_as_it_is_even_written_as_ipv6() {
        assertThat(RateLimits.clientKey("203.113.7.9")).isEqualTo("203.113.7.9");
        assertThat(RateLimits.clientKey("::ffff:203.113.7.9")).isEqualTo("203.113.7.9");
    }

    @Test
    void what_is_no_address_is_kept_and_never_looked_up() {
        assertThat(RateLimits.clientKey(null)).isNull();
        assertThat(RateLimits.clientKey("not:an:address")).isEqualTo("not:an:address");
        assertThat(RateLimits.clientKey("example.invalid")).isEqualTo("example.invalid");
    }
}
