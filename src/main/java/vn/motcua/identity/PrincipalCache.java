package vn.motcua.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.Identity.StaffUser;

/**
 * What this node knows about bearer tokens and signed-in accounts, so that an API call or a page does not read
 * the account, its roles and its unit again on every request. Three bounded maps: holders of staff tokens and of
 * citizens' tokens, keyed by the SHA-256 of the token (the raw token is never kept), and staff accounts keyed by
 * user name.
 *
 * <p>How a change takes effect:
 * <ul>
 * <li>on the node that makes it (token revoked, password changed, account deactivated, given other roles or
 * moved to another unit; a citizen's profile or assurance level changed), at once: the code that changes
 * it calls {@link #evict(String)} (staff) or {@link #evictCitizen(long)}, which drop every entry of the account now
 * and again when the transaction ends;</li>
 * <li>on the other nodes, within {@code motcua.security.principal-cache-ttl} (default 5 s): an entry is
 * trusted that long, then read again. A cluster-wide change counter polled by every node would bound the delay
 * by its polling interval just the same, but needs a shared row written by every change and a read per node
 * per interval; the time limit needs nothing shared and costs one indexed query per active token or account
 * per interval, which for a system calling many times a second is nothing.</li>
 * <li>a token's expiry, at its instant: each use compares it with the clock, whatever the cache holds.</li>
 * </ul>
 * Failed look-ups (unknown, revoked or expired tokens) are not remembered: they cost one query, as before, and
 * cannot fill the cache. What a read-write transaction reads is not remembered either, since it may see its own
 * uncommitted change, and a read that raced an eviction is dropped rather than stored.
 */
@Component
class PrincipalCache {

    /** The holder of a valid bearer token, which token it is, and when it expires. */
    record TokenHolder(StaffUser user, long tokenId, Instant expiresAt) {}

    /** The holder of a valid citizen's bearer token (with the profile that pre-fills forms), the token, its expiry. */
    record CitizenTokenHolder(CitizenUser citizen, long tokenId, Instant expiresAt) {}

    /** An account as authentication sees it: who, and whether they may still be signed in. */
    record AccountState(StaffUser user, boolean enabled, Instant passwordChangedAt) {}

    private record Entry<V>(V value, Instant readAt) {}

    private final Cache<String, Entry<TokenHolder>> tokens;
    private final Cache<String, Entry<CitizenTokenHolder>> citizenTokens;
    private final Cache<String, Entry<AccountState>> accounts;
    /** Moves on at every eviction, so that a read which started before it is not stored after it. */
    private final AtomicLong evictions = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;

    PrincipalCache(SecuritySettings settings, Clock clock) {
        this.ttl = settings.principalCacheTtl();
        this.clock = clock;
        this.tokens = Caffeine.newBuilder().maximumSize(settings.principalCacheSize())
                .expireAfterWrite(ttl).build();
        this.accounts = Caffeine.newBuilder().maximumSize(settings.principalCacheSize())
                .expireAfterWrite(ttl).build();
        this.citizenTokens = Caffeine.newBuilder().maximumSize(settings.principalCacheSize())
                .expireAfterWrite(ttl).build();
    }

    /** The holder of the token with this hash, read with {@code reader} unless known and fresh. */
    Optional<TokenHolder> token(String tokenHash, Function<String, Optional<TokenHolder>> reader) {
        return expiring(tokens, tokenHash, TokenHolder::expiresAt, reader);
    }

    /** The holder of the citizen's token with this hash, read with {@code reader} unless known and fresh. */
    Optional<CitizenTokenHolder> citizenToken(String tokenHash,
            Function<String, Optional<CitizenTokenHolder>> reader) {
        return expiring(citizenTokens, tokenHash, CitizenTokenHolder::expiresAt, reader);
    }

    /** A token's holder: from memory while fresh and the token unexpired (its expiry compared at each use). */
    private <V> Optional<V> expiring(Cache<String, Entry<V>> cache, String tokenHash, Function<V, Instant> expiresAt,
            Function<String, Optional<V>> reader) {
        Instant now = clock.instant();
        Entry<V> entry = cache.getIfPresent(tokenHash);
        if (entry != null && fresh(entry, now)) {
            if (!now.isBefore(expiresAt.apply(entry.value()))) {
                cache.invalidate(tokenHash);
                return Optional.empty();
            }
            return Optional.of(entry.value());
        }
        return read(cache, tokenHash, reader, now);
    }

    /** The account with this user name, read with {@code reader} unless known and fresh. */
    Optional<AccountState> account(String username, Function<String, Optional<AccountState>> reader) {
        if (username == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry<AccountState> entry = accounts.getIfPresent(username);
        if (entry != null && fresh(entry, now)) {
            return Optional.of(entry.value());
        }
        return read(accounts, username, reader, now);
    }

    /**
     * Forgets everything known about this account and its tokens, now and, inside a transaction, again when it
     * ends (a request that read the old state before the commit must not leave it behind).
     */
    void evict(String username) {
        forgetNowAndAtTheEnd(() -> {
            accounts.invalidate(username);
            tokens.asMap().values().removeIf(entry -> entry.value().user().username().equals(username));
        });
    }

    /** Forgets the tokens of this citizen's account, now and again when the transaction ends, as {@link #evict}. */
    void evictCitizen(long id) {
        forgetNowAndAtTheEnd(() -> citizenTokens.asMap().values()
                .removeIf(entry -> entry.value().citizen().id() == id));
    }

    private void forgetNowAndAtTheEnd(Runnable forget) {
        evictions.incrementAndGet();
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evictions.incrementAndGet();
                    forget.run();
                }
            });
        }
    }

    private boolean fresh(Entry<?> entry, Instant now) {
        // A clock set back (tests do) makes an entry look young for too long: read it again instead.
        return !now.isBefore(entry.readAt()) && now.isBefore(entry.readAt().plus(ttl));
    }

    private <V> Optional<V> read(Cache<String, Entry<V>> cache, String key, Function<String, Optional<V>> reader,
            Instant now) {
        long before = evictions.get();
        Optional<V> value = reader.apply(key);
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (value.isPresent() && !writing && !ttl.isZero()) {
            cache.put(key, new Entry<>(value.get(), now));
            // Stored after an eviction that the read may not have seen: drop it (the eviction increments first,
            // then removes; whichever order the two threads interleave in, the stale entry does not survive).
            if (evictions.get() != before) {
                cache.invalidate(key);
            }
        }
        return value;
    }
}
