package vn.motcua.dossier;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;

/**
 * Who acted on a dossier and where, as the applicant is told (Decree 224/2026/NĐ-CP Art. 15(1)(g): the agency, the
 * officer, the time): the agency of a unit, an agency's name, a member of staff's full name. The history keeps codes
 * and user names; names of agencies and officers change rarely, so each is read at most once a minute per node,
 * not at every change.
 */
@Component
class ActorNames {

    private static final Duration KEPT = Duration.ofMinutes(1);

    private final Organization organization;
    private final Identity identity;
    private final Map<String, Name> names = new ConcurrentHashMap<>();

    ActorNames(Organization organization, Identity identity) {
        this.organization = organization;
        this.identity = identity;
    }

    /** A name as read at {@code nanos} ({@link System#nanoTime()}; {@code value} {@code null} when there is none). */
    private record Name(String value, long nanos) {}

    /** The agency of the unit where a change happened; {@code fallback} (the receiving agency) if unknown. */
    String agencyOf(String unitCode, String fallback) {
        if (unitCode == null) {
            return fallback;
        }
        String agency = remembered("unit:" + unitCode,
                code -> organization.unit(unitCode).map(UnitView::agencyCode).orElse(null));
        return agency == null ? fallback : agency;
    }

    String agencyName(String agencyCode) {
        return remembered("agency:" + agencyCode, code -> organization.agencyName(agencyCode).orElse(null));
    }

    /** The full name of the member of staff who acted; {@code null} for the applicant or the system. */
    String officerName(String actor) {
        if (!isStaff(actor)) {
            return null;
        }
        return remembered("user:" + actor, key -> identity.user(actor).map(StaffUser::fullName).orElse(actor));
    }

    /**
     * Whether an actor of the history is a member of staff: the applicant's online account and the system are
     * named with a prefix ({@code citizen:42}, {@code system:deadline-watch}); staff user names have none.
     */
    static boolean isStaff(String actor) {
        return actor != null && actor.indexOf(':') < 0;
    }

    private String remembered(String key, Function<String, String> read) {
        long now = System.nanoTime();
        Name known = names.get(key);
        if (known != null && now - known.nanos() < KEPT.toNanos()) {
            return known.value();
        }
        if (names.size() > 10_000) {
            names.clear();
        }
        String value = read.apply(key);
        names.put(key, new Name(value, now));
        return value;
    }
}
