package vn.motcua.dossier;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.Reception.Applicant;
import vn.motcua.dossier.Reception.Participants;
import vn.motcua.dossier.Reception.PinnedProcedure;
import vn.motcua.dossier.Reception.Representative;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.organization.UnitKind;
import vn.motcua.shared.PhoneNumber;

/**
 * Turns a checked intake request into a received {@link Dossier}: the applicant's data as the desk keeps it
 * (trimmed, phone numbers normalised), the documents with the catalogue's names, the units and agencies of
 * the process, a look-up PIN, and the dossier registered at step 1. The desk and the import of earlier
 * dossiers receive dossiers through it alike.
 */
@Component
class DossierIntake {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REMEMBERED = 10_000;

    private final Organization organization;
    private final ProcessClock processClock;
    private final OnlineIntakeClock onlineClock;
    /**
     * Participants per procedure version, desk and agency: a published version's steps never change and a unit
     * stays in its agency, so intake need not read the units each time (one statement per dossier).
     */
    private final Map<String, Participants> participants = new ConcurrentHashMap<>();

    DossierIntake(Organization organization, ProcessClock processClock, OnlineIntakeClock onlineClock) {
        this.organization = organization;
        this.processClock = processClock;
        this.onlineClock = onlineClock;
    }

    /** Received by {@code by} at the desk {@code deskUnit} of {@code agency}, numbered {@code code}. */
    Dossier receive(IntakeRequest request, ProcedureData procedure, Participants participants, String code,
            String agency, String deskUnit, Instant at, String by) {
        var applicant = request.applicant();
        var representative = request.representative();
        Reception reception = new Reception(code, agency, deskUnit,
                new PinnedProcedure(procedure.code(), procedure.version(), procedure.name(), procedure.field()),
                request.channel(),
                new Applicant(IntakeRules.text(applicant.fullName()), trim(applicant.citizenId()),
                        PhoneNumber.normalize(applicant.phone()), trim(applicant.email()),
                        IntakeRules.text(applicant.address()), IntakeRules.text(applicant.organizationName())),
                representative == null ? null
                        : new Representative(IntakeRules.text(representative.fullName()),
                                trim(representative.citizenId()), PhoneNumber.normalize(representative.phone()),
                                IntakeRules.text(representative.authorizationDocument())),
                participants, at, by, String.format("%06d", RANDOM.nextInt(1_000_000)),
                request.sets() == null ? 1 : request.sets(),
                request.returnMethod() == null ? ReturnMethod.DIRECT : request.returnMethod(),
                Reception.Fees.of(procedure, request.channel()));
        return Dossier.receive(reception, documents(request, procedure), Route.of(procedure), processClock,
                onlineClock);
    }

    /**
     * The desk that receives a procedure's online dossiers: the unit its internal process names for intake (step 1,
     * as the decision publishing the procedure approved it), when that unit is active; else the first active
     * one-stop desk (Bộ phận Một cửa) of the implementing agency, in the agency's order of units. Empty when
     * neither exists: nobody could check the dossier.
     */
    Optional<UnitView> onlineDesk(ProcedureData procedure) {
        String named = Route.of(procedure).step(1).unitCode();
        Optional<UnitView> desk = organization.unit(named).filter(UnitView::active);
        if (desk.isPresent() || procedure.agencyCode() == null) {
            return desk;
        }
        return organization.units(procedure.agencyCode()).stream()
                .filter(unit -> unit.active() && unit.kind() == UnitKind.ONE_STOP_DESK).findFirst();
    }

    /**
     * Who takes part: the receiving desk and agency first, then every unit of the process and its agency
     * (an inter-agency procedure, liên thông, brings in other agencies' units).
     */
    Participants participants(ProcedureData procedure, String agency, String deskUnit) {
        String key = procedure.code() + "@" + procedure.version() + "@" + agency + "@" + deskUnit;
        Participants known = participants.get(key);
        if (known != null) {
            return known;
        }
        if (participants.size() >= MAX_REMEMBERED) {
            participants.clear();
        }
        Participants read = read(procedure, agency, deskUnit);
        participants.put(key, read);
        return read;
    }

    private Participants read(ProcedureData procedure, String agency, String deskUnit) {
        Set<String> units = new LinkedHashSet<>();
        units.add(deskUnit);
        procedure.steps().forEach(step -> units.add(step.unitCode()));
        Set<String> agencies = new LinkedHashSet<>();
        agencies.add(agency);
        var found = organization.units(units);
        found.values().forEach(unit -> agencies.add(unit.agencyCode()));
        var deciding = Route.of(procedure).decidingStep();
        var decidingUnit = deciding == null || deciding.unitCode() == null ? null : found.get(deciding.unitCode());
        return new Participants(List.copyOf(units), List.copyOf(agencies),
                decidingUnit == null ? agency : decidingUnit.agencyCode());
    }

    private static List<Dossier.Document> documents(IntakeRequest request, ProcedureData procedure) {
        List<Dossier.Document> received = new ArrayList<>();
        if (request.documents() != null) {
            for (var document : request.documents()) {
                var known = procedure.documents().stream().filter(d -> d.id().equals(document.documentId()))
                        .findFirst().orElseThrow();
                received.add(new Dossier.Document(known.id(), known.name(),
                        document.copyKind() == null ? known.copyKind().name() : document.copyKind(),
                        document.count() == null ? known.count() : document.count(),
                        Boolean.TRUE.equals(document.digitised()), Boolean.TRUE.equals(document.reused())));
            }
        }
        return received;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
