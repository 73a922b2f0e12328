package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * The dossier after acceptance: it walks the procedure's internal process step by step: transfers
 * between steps (Decree 118/2025/NĐ-CP Art. 18), stops (Art. 21) and the return of the result (Art. 22). Who may act: a user holding the current step's role in the step's unit hands over or
 * sends back; the desk that holds the dossier asks for and receives supplements, stops, records a
 * withdrawal and returns the result; the desk or a leader of an agency on the route apologises.
 *
 * <p>Refusals: a dossier the user may not see ({@link DossierScope}) is unknown → 404, as an unknown code is; a
 * user who sees it but has no part in its process → 403; a user with a part in it, but not at the step the
 * dossier is at now (someone acted first) → 409; a stale {@code expectedVersion} → 409, once the user may act.
 */
@Service
public class DossierProcessing {

    private final DossierStore store;
    private final DossierDesk desk;
    private final ProcessClock processClock;
    private final Catalog catalog;
    private final JsonMapper json;
    private final Clock clock;
    private final LetterRegister letters;
    private final Organization organization;
    private final ApologySettings apologies;
    private final ResultStore results;
    private final DossierQueries queries;

    DossierProcessing(DossierStore store, DossierDesk desk, ProcessClock processClock, Catalog catalog, JsonMapper json,
            Clock clock, LetterRegister letters, Organization organization, ApologySettings apologies,
            ResultStore results, DossierQueries queries) {
        this.results = results;
        this.queries = queries;
        this.letters = letters;
        this.organization = organization;
        this.apologies = apologies;
        this.store = store;
        this.desk = desk;
        this.processClock = processClock;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    /** What a transition answers: where the dossier stands now. */
    public record State(String code, DossierStatus status, int statusCode, Integer step, String stepName,
            String stepUnitCode, OffsetDateTime stepDueAt, OffsetDateTime dueAt, Timeliness timeliness, int revision) {}

    @Transactional
    public State handOver(String code, String note, Integer expectedVersion, StaffUser by) {
        String text = IntakeRules.note("note", note);
        Dossier d = queries.visibleDossier(code, by);
        Route route = route(d);
        requireCurrentStepActor(d, route, by);
        requireVersion(d, expectedVersion);
        d.handOver(route, processClock, now(), by.username(), text);
        return state(store.save(d), route);
    }

    @Transactional
    public State sendBack(String code, String reason, Integer expectedVersion, StaffUser by) {
        requireText("reason", reason);
        Dossier d = queries.visibleDossier(code, by);
        Route route = route(d);
        requireCurrentStepActor(d, route, by);
        requireVersion(d, expectedVersion);
        d.sendBack(route, processClock, now(), by.username(), IntakeRules.text(reason));
        return state(store.save(d), route);
    }

    /**
     * Form 02. Before acceptance this is the desk's intake decision; during processing the step's actor or
     * the desk asks, once, for everything at once.
     */
    @Transactional
    public State requestSupplement(String code, List<IntakeRequest.SupplementItem> items, Integer expectedVersion,
            StaffUser by) {
        Dossier d = queries.visibleDossier(code, by);
        if (!d.clock().started()) {
            return state(desk.requestSupplement(d, items, expectedVersion, by), route(d));
        }
        List<FieldError> errors = new ArrayList<>();
        IntakeRules.items(errors, "items", items);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        Route route = route(d);
        if (!isDesk(d, by)) {
            requireCurrentStepActor(d, route, by);
        }
        requireVersion(d, expectedVersion);
        d.requestProcessingSupplement(json.writeValueAsString(items), IntakeRules.summary(items),
                now(), by.username(), by.unitCode());
        return state(store.save(d), route);
    }

    /** The supplement arrived: processing resumes at the same step under the procedure's clock policy. */
    @Transactional
    public State supplementReceived(String code, String note, Integer expectedVersion, StaffUser by) {
        String text = IntakeRules.note("note", note);
        Dossier d = queries.visibleDossier(code, by);
        if (!d.clock().started()) {
            return state(desk.supplied(d, note, expectedVersion, by), route(d));
        }
        ProcedureData procedure = procedure(d);
        Route route = Route.of(procedure);
        if (!isDesk(d, by)) {
            requireCurrentStepActor(d, route, by);
        }
        requireVersion(d, expectedVersion);
        Instant now = now();
        d.supplementReceived(route, procedure.clockPolicy(), processClock.due(procedure.timeLimit(), now),
                processClock, now, by.username(), by.unitCode(), text);
        return state(store.save(d), route);
    }

    /**
     * Form 04: an apology with a new date, once, no later than the procedure's whole time limit counted again from the
 * due time (from now when it has passed); after the due time only if {@code motcua.dossier.apology.allow-after-due}.
     * Its letter number is drawn from the handling agency's register (the agency of the deciding step; the
     * receiving agency for a process without one) in this transaction.
     */
    @Transactional
    public State apologize(String code, String reason, OffsetDateTime newDueAt, Integer expectedVersion, StaffUser by) {
        List<FieldError> errors = new ArrayList<>();
        IntakeRules.reason(errors, "reason", reason);
        if (newDueAt == null) {
            errors.add(new FieldError("newDueAt", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        Dossier d = queries.visibleDossier(code, by);
        if (!isDesk(d, by) && !isLeaderOnRoute(d, by)) {
            throw forbidden();
        }
        requireVersion(d, expectedVersion);
        ProcedureData procedure = procedure(d);
        Route route = Route.of(procedure);
        Instant now = now();
        // At most the whole time limit again, from the due time (or from now, past it): a date years ahead is no
        // extension but a way to hide lateness, a late dossier judged early in the statutory figures.
        Instant latest = processClock.due(procedure.timeLimit(),
                d.dueAt() != null && d.dueAt().isAfter(now) ? d.dueAt() : now);
        if (newDueAt.toInstant().isAfter(latest)) {
            throw ProblemException.ruleViolated("dossier.apology.too-far", d.code(),
                    VietnamTime.DATE_TIME.format(latest.atZone(VietnamTime.ZONE)));
        }
        String agency = organization.unit(route.decidingUnit()).map(UnitView::agencyCode)
                .orElse(d.reception().agencyCode());
        d.apologize(IntakeRules.text(reason), newDueAt.toInstant().truncatedTo(ChronoUnit.SECONDS), now, by.username(),
                by.unitCode(), apologies.allowAfterDue(), letters.next(agency, now));
        return state(store.save(d), route);
    }

    /** Stopped (8) by the agency, or withdrawn (7) at the applicant's request: only while no result is ready. */
    @Transactional
    public State close(String code, DossierStatus closing, String reason, Integer expectedVersion, StaffUser by) {
        requireText("reason", reason);
        Dossier d = queries.visibleDossier(code, by);
        if (!isDesk(d, by) && !isLeaderOnRoute(d, by)) {
            throw forbidden();
        }
        requireVersion(d, expectedVersion);
        d.close(closing, IntakeRules.text(reason), now(), by.username(), by.unitCode());
        return state(store.save(d), route(d));
    }

    /**
     * The desk hands the result over: in person, by post or online (statusCode 10). Online means an electronic
     * result ({@link DossierResults}): without one there is nothing to return online (Decree 45/2020/NĐ-CP Art. 14),
     * and the national dashboard would not count the dossier as online (Decision 766/QĐ-TTg).
     */
    @Transactional
    public State returnResult(String code, ReturnMethod method, Integer expectedVersion, StaffUser by) {
        if (method == null) {
            throw ProblemException.invalid("method", "validation.required");
        }
        Dossier d = queries.visibleDossier(code, by);
        if (!isDesk(d, by)) {
            throw forbidden();
        }
        requireVersion(d, expectedVersion);
        if (method == ReturnMethod.ONLINE && d.status() == DossierStatus.RESULT_READY && !results.issued(d.id())) {
            throw ProblemException.conflict("dossier.return.online-without-result", d.code());
        }
        Route route = route(d);
        d.returnResult(method, processClock, route, now(), by.username(), by.unitCode());
        return state(store.save(d), route);
    }

    private void requireCurrentStepActor(Dossier d, Route route, StaffUser by) {
        if (actsOnCurrentStep(d, by)) {
            return;
        }
        if (route.involves(by.unitCode(), role -> by.has(Role.valueOf(role))) || isDesk(d, by)) {
            throw ProblemException.conflict("dossier.step.not-yours", d.code());
        }
        throw forbidden();
    }

    static boolean actsOnCurrentStep(Dossier d, StaffUser by) {
        CurrentStep step = d.step();
        return step != null && step.queued() && step.unitCode().equals(by.unitCode())
                && by.has(Role.valueOf(step.role()));
    }

    private static boolean isDesk(Dossier d, StaffUser by) {
        return by.has(Role.RECEPTION) && d.deskUnitCode().equals(by.unitCode());
    }

    private static boolean isLeaderOnRoute(Dossier d, StaffUser by) {
        return by.has(Role.LEADER) && d.reception().participants().agencies().contains(by.agencyCode());
    }

    static void requireVersion(Dossier d, Integer expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(d.lockVersion())) {
            throw ProblemException.conflict("dossier.version.stale", d.code());
        }
    }

    private static void requireText(String field, String value) {
        List<FieldError> errors = new ArrayList<>();
        IntakeRules.reason(errors, field, value);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "dossier.step.forbidden");
    }

    private ProcedureData procedure(Dossier d) {
        return catalog.version(d.procedure().code(), d.procedure().version()).orElseThrow();
    }

    private Route route(Dossier d) {
        return Route.of(procedure(d));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static State state(Dossier d, Route route) {
        CurrentStep step = d.step();
        return new State(d.code(), d.status(), d.status().code(), step == null ? null : step.order(),
                step == null ? null : route.step(step.order()).name(), step == null ? null : step.unitCode(),
                step == null ? null : time(step.dueAt()), time(d.dueAt()), d.outcome().timeliness(), d.lockVersion());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

}
