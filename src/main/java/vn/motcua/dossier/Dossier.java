package vn.motcua.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.shared.ProblemException;

/**
 * A one-stop dossier (hồ sơ). It pins the procedure version in force when it was received and keeps
 * every change of status in its history. Transitions are methods that check the current status:
 * an illegal one is a 409.
 */
class Dossier {

    private Long id;
    private final String code;
    private final String agencyCode;
    private final String deskUnitCode;
    private final String procedureCode;
    private final int procedureVersion;
    private final String procedureName;
    private final Channel channel;
    private DossierStatus status;
    private int statusCode;
    private final String applicantName;
    private final String applicantCitizenId;
    private final String applicantPhone;
    private final String applicantEmail;
    private final String applicantAddress;
    private final String applicantOrganization;
    private final String representativeName;
    private final String representativeCitizenId;
    private final String representativePhone;
    private final String representativeAuthorization;
    private final Instant receivedAt;
    private Instant acceptedAt;
    private Instant dueAt;
    private final String lookupPin;
    private String supplementItems;
    private String refusalReason;
    private final String[] routeUnits;
    private final String[] routeAgencies;
    private final String searchText;
    private final String receivedBy;
    private final String field;
    private Integer currentStep;
    private String stepUnitCode;
    private String stepRole;
    private Instant stepStartedAt;
    private Instant stepDueAt;
    private Instant originalDueAt;
    private String apologyReason;
    private Instant apologizedAt;
    private String processingSupplementItems;
    private Instant waitingSince;
    private long pausedSeconds;
    private Instant resultReadyAt;
    private Timeliness timeliness;
    private Instant closedAt;
    private String closingReason;
    private Instant returnedAt;
    private ReturnMethod returnMethod;
    private Integer lockVersion;
    /** The documents received, written once at registration ({@link DossierStore}); read with the store. */
    private final List<Document> newDocuments = new ArrayList<>();
    /** New history rows, appended by {@link DossierStore} after the save: history is never rewritten. */
    private final List<Event> newEvents = new ArrayList<>();
    private final List<Handover> newHandovers = new ArrayList<>();

    record Document(long documentId, String name, String copyKind, int count) {}

    /** A change of status (the national portal's codes), who made it and where. */
    record Event(Instant at, DossierStatus status, int statusCode, String action, String byUser, String unitCode,
            String note) {}

    /** A line of the process control slip (Form 05): a step handed over, judged against its own due time. */
    record Handover(int step, String stepName, String action, String fromUnit, String toUnit, Instant at,
            String byUser, Instant stepDueAt, Timeliness timeliness, String note) {}


    Dossier(Long id, String code, String agencyCode, String deskUnitCode, String procedureCode, int procedureVersion,
            String procedureName, Channel channel, DossierStatus status, String applicantName,
            String applicantCitizenId, String applicantPhone, String applicantEmail, String applicantAddress,
            String applicantOrganization, String representativeName, String representativeCitizenId,
            String representativePhone, String representativeAuthorization, Instant receivedAt, String lookupPin,
            String[] routeUnits, String[] routeAgencies, String searchText, String receivedBy, String field, Integer lockVersion) {
        this.id = id;
        this.code = code;
        this.agencyCode = agencyCode;
        this.deskUnitCode = deskUnitCode;
        this.procedureCode = procedureCode;
        this.procedureVersion = procedureVersion;
        this.procedureName = procedureName;
        this.channel = channel;
        this.status = status;
        this.statusCode = status.code();
        this.applicantName = applicantName;
        this.applicantCitizenId = applicantCitizenId;
        this.applicantPhone = applicantPhone;
        this.applicantEmail = applicantEmail;
        this.applicantAddress = applicantAddress;
        this.applicantOrganization = applicantOrganization;
        this.representativeName = representativeName;
        this.representativeCitizenId = representativeCitizenId;
        this.representativePhone = representativePhone;
        this.representativeAuthorization = representativeAuthorization;
        this.receivedAt = receivedAt;
        this.lookupPin = lookupPin;
        this.routeUnits = routeUnits;
        this.routeAgencies = routeAgencies;
        this.searchText = searchText;
        this.receivedBy = receivedBy;
        this.field = field;
        this.lockVersion = lockVersion;
    }

    // --- persistence (DossierStore): the row of table dossier ------------------------------------

    /** The columns {@link DossierStore} writes, in a fixed order; {@code id} and {@code lock_version} aside. */
    static final List<String> COLUMNS = List.of("code", "agency_code", "desk_unit_code", "procedure_code",
            "procedure_version", "procedure_name", "channel", "status", "status_code", "applicant_name",
            "applicant_citizen_id", "applicant_phone", "applicant_email", "applicant_address",
            "applicant_organization", "representative_name", "representative_citizen_id", "representative_phone",
            "representative_authorization", "received_at", "accepted_at", "due_at", "lookup_pin", "supplement_items",
            "refusal_reason", "route_units", "route_agencies", "search_text", "received_by", "field", "current_step",
            "step_unit_code", "step_role", "step_started_at", "step_due_at", "original_due_at", "apology_reason",
            "apologized_at", "processing_supplement_items", "waiting_since", "paused_seconds", "result_ready_at",
            "timeliness", "closed_at", "closing_reason", "returned_at", "return_method");

    /** The values of {@link #COLUMNS}, in the same order, as JDBC parameters. */
    Object[] values() {
        return new Object[] {code, agencyCode, deskUnitCode, procedureCode, procedureVersion, procedureName,
                channel.name(), status.name(), statusCode, applicantName, applicantCitizenId, applicantPhone,
                applicantEmail, applicantAddress, applicantOrganization, representativeName, representativeCitizenId,
                representativePhone, representativeAuthorization, ts(receivedAt), ts(acceptedAt), ts(dueAt), lookupPin,
                supplementItems, refusalReason, routeUnits, routeAgencies, searchText, receivedBy, field, currentStep,
                stepUnitCode, stepRole, ts(stepStartedAt), ts(stepDueAt), ts(originalDueAt), apologyReason,
                ts(apologizedAt), processingSupplementItems, ts(waitingSince), pausedSeconds, ts(resultReadyAt),
                name(timeliness), ts(closedAt), closingReason, ts(returnedAt), name(returnMethod)};
    }

    /** A dossier as stored. */
    static Dossier restore(java.sql.ResultSet rs) throws java.sql.SQLException {
        Dossier d = new Dossier(rs.getLong("id"), rs.getString("code"), rs.getString("agency_code"),
                rs.getString("desk_unit_code"), rs.getString("procedure_code"), rs.getInt("procedure_version"),
                rs.getString("procedure_name"), Channel.valueOf(rs.getString("channel")),
                DossierStatus.valueOf(rs.getString("status")), rs.getString("applicant_name"),
                rs.getString("applicant_citizen_id"), rs.getString("applicant_phone"), rs.getString("applicant_email"),
                rs.getString("applicant_address"), rs.getString("applicant_organization"),
                rs.getString("representative_name"), rs.getString("representative_citizen_id"),
                rs.getString("representative_phone"), rs.getString("representative_authorization"),
                instant(rs, "received_at"), rs.getString("lookup_pin"), (String[]) rs.getArray("route_units").getArray(),
                (String[]) rs.getArray("route_agencies").getArray(), rs.getString("search_text"),
                rs.getString("received_by"), rs.getString("field"), rs.getInt("lock_version"));
        d.acceptedAt = instant(rs, "accepted_at");
        d.dueAt = instant(rs, "due_at");
        d.supplementItems = rs.getString("supplement_items");
        d.refusalReason = rs.getString("refusal_reason");
        d.currentStep = (Integer) rs.getObject("current_step");
        d.stepUnitCode = rs.getString("step_unit_code");
        d.stepRole = rs.getString("step_role");
        d.stepStartedAt = instant(rs, "step_started_at");
        d.stepDueAt = instant(rs, "step_due_at");
        d.originalDueAt = instant(rs, "original_due_at");
        d.apologyReason = rs.getString("apology_reason");
        d.apologizedAt = instant(rs, "apologized_at");
        d.processingSupplementItems = rs.getString("processing_supplement_items");
        d.waitingSince = instant(rs, "waiting_since");
        d.pausedSeconds = rs.getLong("paused_seconds");
        d.resultReadyAt = instant(rs, "result_ready_at");
        d.timeliness = rs.getString("timeliness") == null ? null : Timeliness.valueOf(rs.getString("timeliness"));
        d.closedAt = instant(rs, "closed_at");
        d.closingReason = rs.getString("closing_reason");
        d.returnedAt = instant(rs, "returned_at");
        d.returnMethod = rs.getString("return_method") == null ? null : ReturnMethod.valueOf(rs.getString("return_method"));
        return d;
    }

    /** Written: the row's id (on insert) and its new version. */
    void stored(long id, int version) {
        this.id = id;
        this.lockVersion = version;
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Registered: the dossier sits at step 1 (intake) at the desk. Online dossiers wait as NEW for the desk's
     * check; desk dossiers are decided at once.
     */
    void register(List<Document> received, Route route, ProcessClock clock, Instant at, String by, String unit) {
        this.newDocuments.addAll(received);
        enterStep(1, route, clock, at);
        record(status, "REGISTERED", at, by, unit, null);
    }

    /**
     * Form 01: complete and eligible; the time limit runs from now (Decree 118/2025, one-stop-rules §1.2).
     * Acceptance completes step 1 and the dossier moves on to the first processing step (status 4).
     */
    void accept(Route route, ProcessClock clock, Instant at, Instant due, String by, String unit) {
        requireStatus("accept", DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED);
        if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
            throw ProblemException.conflict("dossier.transition.supplement-pending", code);
        }
        this.acceptedAt = at;
        this.dueAt = due;
        moveTo(DossierStatus.ACCEPTED, "ACCEPTED", at, by, unit, null);
        completeStep(route, clock, "HANDOVER", at, by, null);
    }

    /** Form 02 at intake: every missing item at once, with its reason. */
    void requestSupplement(String itemsJson, String summary, Instant at, String by, String unit) {
        requireStatus("request-supplement", DossierStatus.NEW);
        this.supplementItems = itemsJson;
        moveTo(DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENT_REQUESTED", at, by, unit, summary);
    }

    /** The applicant brought what Form 02 asked for at intake: back to the desk's check. */
    void supplied(Instant at, String by, String unit, String note) {
        requireStatus("supplement", DossierStatus.SUPPLEMENT_REQUESTED);
        if (acceptedAt != null) {
            throw ProblemException.conflict("dossier.transition.refused", code, "supplement", status.code());
        }
        moveTo(DossierStatus.NEW, "SUPPLIED", at, by, unit, note);
    }

    /** Form 03: not eligible, with the reason. */
    void refuse(String reason, Instant at, String by, String unit) {
        requireStatus("refuse", DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED);
        if (acceptedAt != null) {
            throw ProblemException.conflict("dossier.transition.refused", code, "refuse", status.code());
        }
        this.refusalReason = reason;
        leaveQueues();
        moveTo(DossierStatus.REFUSED, "REFUSED", at, by, unit, reason);
    }

    /** The current processing step is done: on to the next one, or the result is ready at the desk. */
    void handOver(Route route, ProcessClock clock, Instant at, String by, String note) {
        requireStatus("handover", DossierStatus.IN_PROCESS);
        completeStep(route, clock, "HANDOVER", at, by, note);
    }

    /**
     * Back to the previous processing step with the reason (a result that is ready may go back to the last
     * processing step). Intake is not a step to send back to: the applicant is asked for a supplement instead.
     */
    void sendBack(Route route, ProcessClock clock, Instant at, String by, String reason) {
        requireStatus("send-back", DossierStatus.IN_PROCESS, DossierStatus.RESULT_READY);
        int previous = status == DossierStatus.RESULT_READY ? route.lastProcessingStep() : currentStep - 1;
        if (previous < 2) {
            throw ProblemException.conflict("dossier.send-back.first-step", code);
        }
        StepData from = route.step(currentStep);
        StepData to = route.step(previous);
        newHandovers.add(new Handover(currentStep, from.name(), "SEND_BACK", stepUnitCode, to.unitCode(), at, by,
                stepDueAt, clock.judge(at, stepDueAt), reason));
        if (status == DossierStatus.RESULT_READY) {
            this.resultReadyAt = null;
            this.timeliness = null;
            moveTo(DossierStatus.IN_PROCESS, "SENT_BACK", at, by, stepUnitCode, reason);
        } else {
            record(status, "SENT_BACK", at, by, stepUnitCode, reason);
        }
        enterStep(previous, route, clock, at);
    }

    /**
     * Form 02 during processing: every item at once, and only once (one-stop-rules §1.4). The clock stops
     * until the supplement arrives; the procedure's policy decides how it resumes.
     */
    void requestProcessingSupplement(String itemsJson, String summary, Instant at, String by, String unit) {
        requireStatus("request-supplement", DossierStatus.IN_PROCESS);
        if (processingSupplementItems != null) {
            throw ProblemException.conflict("dossier.supplement.once", code);
        }
        this.processingSupplementItems = itemsJson;
        this.waitingSince = at;
        moveTo(DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENT_REQUESTED", at, by, unit, summary);
    }

    /**
     * The supplement arrived: processing resumes at the same step. RESTART: the full time limit runs again
     * from now (and the step's full duration); PAUSE: both due times move by the working time spent waiting.
     */
    void supplementReceived(Route route, ClockPolicy policy, Instant restartedDue, ProcessClock clock, Instant at,
            String by, String unit, String note) {
        requireStatus("supplement-received", DossierStatus.SUPPLEMENT_REQUESTED);
        if (acceptedAt == null) {
            throw ProblemException.conflict("dossier.transition.refused", code, "supplement-received", status.code());
        }
        java.time.Duration waited = clock.workingBetween(waitingSince, at);
        this.pausedSeconds += waited.getSeconds();
        if (policy == ClockPolicy.RESTART) {
            this.dueAt = restartedDue;
            this.stepStartedAt = at;
            this.stepDueAt = clock.plusWorkingHours(at, hours(route.step(currentStep)));
        } else {
            this.dueAt = clock.plus(dueAt, waited);
            this.stepDueAt = clock.plus(stepDueAt, waited);
        }
        this.waitingSince = null;
        moveTo(DossierStatus.IN_PROCESS, "SUPPLEMENT_RECEIVED", at, by, unit, note);
    }

    /**
     * Form 04: the apology with a new date, sent before the due time, and only once (one-stop-rules §1.5).
     * From then on the new date is the due time in force.
     */
    void apologize(String reason, Instant newDue, Instant at, String by, String unit) {
        requireStatus("apology", DossierStatus.ACCEPTED, DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED,
                DossierStatus.FINANCIAL_OBLIGATION);
        if (apologizedAt != null) {
            throw ProblemException.conflict("dossier.apology.once", code);
        }
        if (!at.isBefore(dueAt)) {
            throw ProblemException.ruleViolated("dossier.apology.too-late", code);
        }
        if (!newDue.isAfter(dueAt)) {
            throw ProblemException.ruleViolated("dossier.apology.not-later", code);
        }
        this.originalDueAt = dueAt;
        this.dueAt = newDue;
        this.apologyReason = reason;
        this.apologizedAt = at;
        record(status, "APOLOGY", at, by, unit, reason);
    }

    /** Stopped (8) or withdrawn at the applicant's request (7): only while no result is ready (§1.6). */
    void close(DossierStatus closing, String reason, Instant at, String by, String unit) {
        requireStatus(closing == DossierStatus.STOPPED ? "stop" : "withdraw", DossierStatus.NEW,
                DossierStatus.ACCEPTED, DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED,
                DossierStatus.FINANCIAL_OBLIGATION);
        this.closedAt = at;
        this.closingReason = reason;
        this.waitingSince = null;
        leaveQueues();
        moveTo(closing, closing.name(), at, by, unit, reason);
    }

    /** The desk hands the result to the applicant (§1.7). */
    void returnResult(ReturnMethod method, ProcessClock clock, String stepName, Instant at, String by, String unit) {
        requireStatus("return-result", DossierStatus.RESULT_READY);
        newHandovers.add(new Handover(currentStep, stepName, "RETURNED", stepUnitCode, null, at, by, stepDueAt,
                clock.judge(at, stepDueAt), method.name()));
        this.returnedAt = at;
        this.returnMethod = method;
        leaveQueues();
        moveTo(DossierStatus.RETURNED, "RETURNED", at, by, unit, method.name());
    }

    private void completeStep(Route route, ProcessClock clock, String action, Instant at, String by, String note) {
        StepData done = route.step(currentStep);
        int next = currentStep + 1;
        boolean resultReady = next > route.lastProcessingStep();
        String toUnit = resultReady ? deskUnitCode : route.step(next).unitCode();
        newHandovers.add(new Handover(currentStep, done.name(), action, stepUnitCode, toUnit, at, by, stepDueAt,
                clock.judge(at, stepDueAt), note));
        String fromUnit = stepUnitCode;
        if (resultReady) {
            this.resultReadyAt = at;
            this.timeliness = clock.judge(at, dueAt);
            enterStep(route.returnStep(), route, clock, at);
            moveTo(DossierStatus.RESULT_READY, "RESULT_READY", at, by, fromUnit, note);
        } else {
            enterStep(next, route, clock, at);
            if (status != DossierStatus.IN_PROCESS) {
                moveTo(DossierStatus.IN_PROCESS, "IN_PROCESS", at, by, fromUnit, note);
            } else {
                record(status, "HANDOVER", at, by, fromUnit, note);
            }
        }
    }

    /** Waits at step {@code order} from {@code at}; its due time is its duration in working hours (§1.4). */
    private void enterStep(int order, Route route, ProcessClock clock, Instant at) {
        StepData step = route.step(order);
        this.currentStep = order;
        // Intake and return happen at the desk that holds the dossier, whichever desk the process names.
        this.stepUnitCode = order == 1 || order == route.returnStep() ? deskUnitCode : step.unitCode();
        this.stepRole = step.role().name();
        this.stepStartedAt = at;
        this.stepDueAt = clock.plusWorkingHours(at, hours(step));
    }

    private void leaveQueues() {
        this.stepUnitCode = null;
        this.stepRole = null;
        this.stepDueAt = null;
    }

    private static int hours(StepData step) {
        return step.durationHours() == null ? 0 : step.durationHours();
    }

    private void requireStatus(String action, DossierStatus... allowed) {
        for (DossierStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw ProblemException.conflict("dossier.transition.refused", code, action, status.code());
    }

    private void moveTo(DossierStatus next, String action, Instant at, String by, String unit, String note) {
        this.status = next;
        this.statusCode = next.code();
        record(next, action, at, by, unit, note);
    }

    private void record(DossierStatus s, String action, Instant at, String by, String unit, String note) {
        newEvents.add(new Event(at, s, s.code(), action, by, unit, note));
    }

    List<Document> drainDocuments() {
        List<Document> drained = List.copyOf(newDocuments);
        newDocuments.clear();
        return drained;
    }

    /** The history rows this change added; {@link DossierStore} appends them once. */
    List<Event> drainEvents() {
        List<Event> drained = List.copyOf(newEvents);
        newEvents.clear();
        return drained;
    }

    List<Handover> drainHandovers() {
        List<Handover> drained = List.copyOf(newHandovers);
        newHandovers.clear();
        return drained;
    }

    Long id() { return id; }
    String code() { return code; }
    String agencyCode() { return agencyCode; }
    String deskUnitCode() { return deskUnitCode; }
    String procedureCode() { return procedureCode; }
    int procedureVersion() { return procedureVersion; }
    String procedureName() { return procedureName; }
    Channel channel() { return channel; }
    DossierStatus status() { return status; }
    String applicantName() { return applicantName; }
    String applicantCitizenId() { return applicantCitizenId; }
    String applicantPhone() { return applicantPhone; }
    String applicantEmail() { return applicantEmail; }
    String applicantAddress() { return applicantAddress; }
    String applicantOrganization() { return applicantOrganization; }
    String representativeName() { return representativeName; }
    String representativeCitizenId() { return representativeCitizenId; }
    String representativePhone() { return representativePhone; }
    String representativeAuthorization() { return representativeAuthorization; }
    Instant receivedAt() { return receivedAt; }
    Instant acceptedAt() { return acceptedAt; }
    Instant dueAt() { return dueAt; }
    String lookupPin() { return lookupPin; }
    String supplementItems() { return supplementItems; }
    String refusalReason() { return refusalReason; }
    String[] routeUnits() { return routeUnits.clone(); }
    String[] routeAgencies() { return routeAgencies.clone(); }
    String receivedBy() { return receivedBy; }
    Integer lockVersion() { return lockVersion; }
    String field() { return field; }
    Integer currentStep() { return currentStep; }
    String stepUnitCode() { return stepUnitCode; }
    String stepRole() { return stepRole; }
    Instant stepStartedAt() { return stepStartedAt; }
    Instant stepDueAt() { return stepDueAt; }
    Instant originalDueAt() { return originalDueAt; }
    String apologyReason() { return apologyReason; }
    Instant apologizedAt() { return apologizedAt; }
    String processingSupplementItems() { return processingSupplementItems; }
    Instant waitingSince() { return waitingSince; }
    long pausedSeconds() { return pausedSeconds; }
    Instant resultReadyAt() { return resultReadyAt; }
    Timeliness timeliness() { return timeliness; }
    Instant closedAt() { return closedAt; }
    String closingReason() { return closingReason; }
    Instant returnedAt() { return returnedAt; }
    ReturnMethod returnMethod() { return returnMethod; }
}
