package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Formats;

/**
 * A one-stop dossier (hồ sơ): what the desk received ({@link Reception}), where it stands, the step of the
 * internal process it waits at, its statutory clock, and how it ended. Every change is a method that checks
 * the current status (an illegal one is a 409) and appends to the history, which is never rewritten: the
 * status events sent to the National Public Service Portal and the lines of the control slip (Form 06).
 *
 * <p>Plain Java: it reads time only through the instants and the {@link ProcessClock} it is given, so its
 * rules are tested without Spring ({@code DossierTest}).
 */
final class Dossier {

    private Long id;
    private Integer lockVersion;
    private final Reception reception;
    private DossierStatus status;
    private CurrentStep step;
    private DueClock clock;
    private Supplements supplements;
    private Apology apology;
    private Outcome outcome;
    private OnlineIntake online;
    /** When the fees due ({@link Reception#fees()}) were paid in full; {@code null} while unpaid. */
    private Instant feesPaidAt;
    /** The status as last stored ({@code null} before the first save): what the next change starts from. */
    private DossierStatus savedStatus;

    /** New rows of the history, appended once by {@link DossierStore} after the dossier row is written. */
    private final List<Document> newDocuments = new ArrayList<>();
    private final List<Event> newEvents = new ArrayList<>();
    private final List<Handover> newHandovers = new ArrayList<>();

    /**
     * A document received at intake, with the catalogue's name at that time, and the national dashboard's flags
     * (the definitions of Decision 766/QĐ-TTg's service index): {@code digitised} (được số hóa: an electronic copy
     * is kept), {@code reused} (được tái sử dụng: taken from data already digitised, not asked again).
     */
    record Document(long documentId, String name, String copyKind, int count, boolean digitised, boolean reused) {}

    /** A change of status (the national portal's codes), who made it and where. */
    record Event(Instant at, DossierStatus status, String action, String byUser, String unitCode, String note) {}

    /** A line of the process control slip (Form 06): a step handed over, judged against its own due time. */
    record Handover(int step, String stepName, String action, String fromUnit, String toUnit, Instant at,
            String byUser, Instant stepDueAt, Timeliness timeliness, String note) {}

    /** The supplement requests (Form 02), as JSON lists of items: one at intake, and at most one during processing. */
    record Supplements(String atIntake, String duringProcessing) {
        static final Supplements NONE = new Supplements(null, null);
    }

    /**
     * The apology (Form 04) with its reason and its letter number; the due time it replaced is kept for the
     * statistics; {@code late} when it was sent after that due time.
     */
    record Apology(String reason, Instant at, Instant originalDueAt, String number, boolean late) {}

    private Dossier(Long id, Integer lockVersion, Reception reception, DossierStatus status, CurrentStep step,
            DueClock clock, Supplements supplements, Apology apology, Outcome outcome, OnlineIntake online,
            Instant feesPaidAt) {
        this.id = id;
        this.lockVersion = lockVersion;
        this.reception = reception;
        this.status = status;
        this.step = step;
        this.clock = clock;
        this.supplements = supplements;
        this.apology = apology;
        this.outcome = outcome;
        this.online = online;
        this.feesPaidAt = feesPaidAt;
        this.savedStatus = id == null ? null : status;
    }

    /**
     * A dossier received at the desk (or filed online) with its documents: registered at step 1, intake at the
     * desk. Online dossiers wait as NEW for the desk's check, due by the online intake's clock (the intake step's
     * due time); desk dossiers are decided at once. A procedure that asks for its fees before acceptance puts the
     * dossier at once in status 6, "financial obligation requested", until they are paid ({@link #feesPaid}). The one
     * way a dossier comes into being, live or replayed.
     */
    static Dossier receive(Reception reception, List<Document> documents, Route route, ProcessClock processClock,
            OnlineIntakeClock onlineClock) {
        Dossier dossier = new Dossier(null, null, reception, DossierStatus.NEW, null, DueClock.NOT_STARTED,
                Supplements.NONE, null, Outcome.NONE, OnlineIntake.NONE, null);
        dossier.newDocuments.addAll(documents);
        dossier.enterStep(1, route, processClock, reception.receivedAt());
        if (reception.channel() == Channel.ONLINE) {
            dossier.online = onlineClock.arrived(reception.receivedAt());
            dossier.step = dossier.step.due(dossier.online.checkDueAt());
        }
        dossier.record(DossierStatus.NEW, "REGISTERED", reception.receivedAt(), reception.receivedBy(),
                reception.deskUnitCode(), null);
        if (reception.fees().awaitedAt(PaymentTiming.BEFORE_ACCEPTANCE)) {
            dossier.moveTo(DossierStatus.FINANCIAL_OBLIGATION, "FEES_REQUESTED", reception.receivedAt(),
                    reception.receivedBy(), reception.deskUnitCode(), null);
        }
        return dossier;
    }

    /** A dossier as stored ({@link DossierRows}). */
    static Dossier restore(long id, int lockVersion, Reception reception, DossierStatus status, CurrentStep step,
            DueClock clock, Supplements supplements, Apology apology, Outcome outcome, OnlineIntake online,
            Instant feesPaidAt) {
        return new Dossier(id, lockVersion, reception, status, step, clock, supplements, apology, outcome, online,
                feesPaidAt);
    }

    /**
     * Form 01 (Circular 03/2025/TT-VPCP): complete and eligible; the time limit runs from now (Decree
     * 118/2025/NĐ-CP Art. 17). Acceptance completes step 1 and the dossier moves on to the first processing step.
     */
    void accept(Route route, ProcessClock processClock, Instant at, Instant due, String by, String unit) {
        requireFeesPaid(PaymentTiming.BEFORE_ACCEPTANCE, "dossier.payment.before-acceptance");
        requireStatus("accept", DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED);
        if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
            throw ProblemException.conflict("dossier.transition.supplement-pending", code());
        }
        this.clock = clock.start(at, due);
        moveTo(DossierStatus.ACCEPTED, "ACCEPTED", at, by, unit, null);
        completeStep(route, processClock, at, by, null);
    }

    /**
     * Form 02 at intake: every missing item at once, with its reason. An online applicant has the online intake's
     * time to answer ({@link OnlineIntakeClock#supplementDue}).
     */
    void requestSupplement(String itemsJson, String summary, Instant at, String by, String unit,
            OnlineIntakeClock onlineClock) {
        requireStatus("request-supplement", DossierStatus.NEW);
        this.supplements = new Supplements(itemsJson, supplements.duringProcessing());
        if (reception.channel() == Channel.ONLINE) {
            this.online = online.awaitingSupplement(onlineClock.supplementDue(at));
        }
        moveTo(DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENT_REQUESTED", at, by, unit, summary);
    }

    /**
     * The applicant brought (or sent online) what Form 02 asked for at intake: back to the desk's check. An online
     * dossier's check counts again from the supplement's arrival, with a new due time.
     */
    void supplied(Instant at, String by, String unit, String note, OnlineIntakeClock onlineClock) {
        requireStatus("supplement", DossierStatus.SUPPLEMENT_REQUESTED);
        requireNotAccepted("supplement");
        if (reception.channel() == Channel.ONLINE) {
            this.online = onlineClock.arrived(at);
            this.step = new CurrentStep(step.order(), step.unitCode(), step.role(), at, online.checkDueAt());
        }
        moveTo(DossierStatus.NEW, "SUPPLIED", at, by, unit, note);
    }

    /**
     * The applicant sent online what Form 02 asked for during processing: recorded for the step that asked, whose
     * actor (or the desk) checks it and confirms with {@link #supplementReceived}; the clock stays stopped until then.
     */
    void supplementSubmitted(Instant at, String by, String note) {
        requireStatus("supplement", DossierStatus.SUPPLEMENT_REQUESTED);
        if (!clock.started()) {
            throw refused("supplement");
        }
        record(status, "SUPPLEMENT_SUBMITTED", at, by, step.unitCode(), note);
    }

    /**
     * Not accepted (3) because the applicant did not answer the intake's supplement request in time (online intake:
     * {@link OnlineIntakeClock}); recorded by {@code by}, the deadline watch, with the reason, at the desk.
     */
    void refuseUnanswered(String reason, Instant at, String by) {
        if (online.supplementDueAt() == null || !at.isAfter(online.supplementDueAt())) {
            throw refused("refuse");
        }
        refuse(reason, at, by, deskUnitCode());
    }

    /** Form 03: not eligible, with the reason; also while the fees asked before acceptance are unpaid. */
    void refuse(String reason, Instant at, String by, String unit) {
        requireStatus("refuse", DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FINANCIAL_OBLIGATION);
        requireNotAccepted("refuse");
        this.outcome = outcome.refused(reason);
        leaveQueues();
        moveTo(DossierStatus.REFUSED, "REFUSED", at, by, unit, reason);
    }

    /** The current processing step is done: on to the next one, or the result is ready at the desk. */
    void handOver(Route route, ProcessClock processClock, Instant at, String by, String note) {
        requireStatus("handover", DossierStatus.IN_PROCESS);
        completeStep(route, processClock, at, by, note);
    }

    /**
     * Back to the previous processing step with the reason (a result that is ready may go back to the last
     * processing step). Intake is not a step to send back to: the applicant is asked for a supplement instead.
     */
    void sendBack(Route route, ProcessClock processClock, Instant at, String by, String reason) {
        requireStatus("send-back", DossierStatus.IN_PROCESS, DossierStatus.RESULT_READY);
        int previous = status == DossierStatus.RESULT_READY ? route.lastProcessingStep() : step.order() - 1;
        if (previous < 2) {
            throw ProblemException.conflict("dossier.send-back.first-step", code());
        }
        StepData from = route.step(step.order());
        newHandovers.add(new Handover(step.order(), from.name(), "SEND_BACK", step.unitCode(),
                route.step(previous).unitCode(), at, by, step.dueAt(), processClock.judge(at, step.dueAt()), reason));
        if (status == DossierStatus.RESULT_READY) {
            this.outcome = Outcome.NONE;
            moveTo(DossierStatus.IN_PROCESS, "SENT_BACK", at, by, step.unitCode(), reason);
        } else {
            record(status, "SENT_BACK", at, by, step.unitCode(), reason);
        }
        enterStep(previous, route, processClock, at);
    }

    /**
     * Form 02 during processing: every item at once, and only once (Decree 61/2018/NĐ-CP as amended by Decree
     * 107/2021/NĐ-CP; Decree 118/2025/NĐ-CP from 1 July 2025). The clock stops until the supplement arrives; the
     * procedure's policy decides how it resumes.
     */
    void requestProcessingSupplement(String itemsJson, String summary, Instant at, String by, String unit) {
        requireStatus("request-supplement", DossierStatus.IN_PROCESS);
        if (supplements.duringProcessing() != null) {
            throw ProblemException.conflict("dossier.supplement.once", code());
        }
        this.supplements = new Supplements(supplements.atIntake(), itemsJson);
        this.clock = clock.pause(at);
        moveTo(DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENT_REQUESTED", at, by, unit, summary);
    }

    /**
     * The supplement arrived: processing resumes at the same step. RESTART: the full time limit runs again
     * from now ({@code restartedDue}) and the step's full duration; PAUSE: both due times move by the working
     * time spent waiting.
     */
    void supplementReceived(Route route, ClockPolicy policy, Instant restartedDue, ProcessClock processClock,
            Instant at, String by, String unit, String note) {
        requireStatus("supplement-received", DossierStatus.SUPPLEMENT_REQUESTED);
        if (!clock.started()) {
            throw refused("supplement-received");
        }
        Duration waited = processClock.workingBetween(clock.waitingSince(), at);
        if (policy == ClockPolicy.RESTART) {
            this.clock = clock.resume(waited, restartedDue);
            this.step = new CurrentStep(step.order(), step.unitCode(), step.role(), at,
                    processClock.plusWorkingHours(at, hours(route.step(step.order()))));
        } else {
            this.clock = clock.resume(waited, processClock.plus(clock.dueAt(), waited));
            this.step = step.due(processClock.plus(step.dueAt(), waited));
        }
        moveTo(DossierStatus.IN_PROCESS, "SUPPLEMENT_RECEIVED", at, by, unit, note);
    }

    /**
     * Form 04 (Circular 03/2025/TT-VPCP Annex I): the apology and extension request, with the new date, only
     * once (Decree 118/2025/NĐ-CP). It is due before the due time; one sent after it ({@code allowAfterDue}) is
     * recorded as late ({@code APOLOGY_LATE}), because an overdue dossier still owes the applicant a letter, and
     * the statistics keep judging it against the due time it replaced. From then on the new date is the due
     * time in force. {@code number} is the letter's "Số:" from its agency's register, or {@code null} when
     * none was drawn (a replayed history).
     */
    void apologize(String reason, Instant newDue, Instant at, String by, String unit, boolean allowAfterDue,
            String number) {
        requireStatus("apology", DossierStatus.ACCEPTED, DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED,
                DossierStatus.FINANCIAL_OBLIGATION);
        if (!clock.started()) {
            throw refused("apology");
        }
        if (apology != null) {
            throw ProblemException.conflict("dossier.apology.once", code());
        }
        boolean late = !at.isBefore(clock.dueAt());
        if (late && !allowAfterDue) {
            throw ProblemException.ruleViolated("dossier.apology.too-late", code());
        }
        if (!newDue.isAfter(clock.dueAt())) {
            throw ProblemException.ruleViolated("dossier.apology.not-later", code());
        }
        if (!newDue.isAfter(at)) {
            throw ProblemException.ruleViolated("dossier.apology.past", code());
        }
        this.apology = new Apology(reason, at, clock.dueAt(), number, late);
        this.clock = clock.dueAt(newDue);
        record(status, late ? "APOLOGY_LATE" : "APOLOGY", at, by, unit, reason);
    }

    /**
     * Stopped (8) or withdrawn at the applicant's request (7): only while no result is ready (Decree
     * 118/2025/NĐ-CP Art. 21; the stop notice of Circular 03/2025/TT-VPCP Art. 7).
     */
    void close(DossierStatus closing, String reason, Instant at, String by, String unit) {
        requireStatus(closing == DossierStatus.STOPPED ? "stop" : "withdraw", DossierStatus.OPEN);
        this.outcome = outcome.closed(at, reason);
        this.clock = clock.stopWaiting();
        leaveQueues();
        moveTo(closing, closing.name(), at, by, unit, reason);
    }

    /**
     * The desk hands the result to the applicant (Decree 118/2025/NĐ-CP Art. 22). The control slip judges this
     * last line against the appointment the applicant was given (the due time in force), not against the desk's
     * return step: the applicant waited for the former.
     */
    void returnResult(ReturnMethod method, ProcessClock processClock, Route route, Instant at, String by,
            String unit) {
        requireFeesPaid(PaymentTiming.BEFORE_RETURN, "dossier.payment.before-return");
        requireStatus("return-result", DossierStatus.RESULT_READY);
        newHandovers.add(new Handover(step.order(), route.step(step.order()).name(), "RETURNED", step.unitCode(), null,
                at, by, clock.dueAt(), processClock.judge(at, clock.dueAt()), method.name()));
        this.outcome = outcome.returned(at, method);
        leaveQueues();
        moveTo(DossierStatus.RETURNED, "RETURNED", at, by, unit, method.name());
    }

    /**
     * The fees due were paid in full, as the payment module found ({@code by} names how): recorded once, later calls
     * change nothing. A dossier that waited for them in status 6 moves on: to the desk's check (NEW; an online
     * dossier's check counts from now) when they were asked before acceptance, to the desk for the return of its
     * result (9) when asked before it. A dossier that owes nothing records nothing.
     *
     * @return whether this call recorded the payment
     */
    boolean feesPaid(Instant at, String by, OnlineIntakeClock onlineClock) {
        if (feesPaidAt != null || reception.fees().total() == 0) {
            return false;
        }
        this.feesPaidAt = at;
        if (status != DossierStatus.FINANCIAL_OBLIGATION) {
            record(status, "FEES_PAID", at, by, deskUnitCode(), null);
        } else if (outcome.resultReadyAt() != null) {
            moveTo(DossierStatus.RESULT_READY, "FEES_PAID", at, by, deskUnitCode(), null);
        } else {
            if (reception.channel() == Channel.ONLINE) {
                this.online = onlineClock.arrived(at);
                this.step = new CurrentStep(step.order(), step.unitCode(), step.role(), at, online.checkDueAt());
            }
            moveTo(DossierStatus.NEW, "FEES_PAID", at, by, deskUnitCode(), null);
        }
        return true;
    }

    /** A 409 naming the amount due when the procedure asks for the fees before {@code point} and they are unpaid. */
    private void requireFeesPaid(PaymentTiming point, String problem) {
        if (feesPaidAt == null && reception.fees().awaitedAt(point)) {
            throw ProblemException.conflict(problem, code(), Formats.vnd(reception.fees().total()));
        }
    }

    /** The result is kept from the applicant until the fees asked before its return are paid. */
    boolean resultWithheld() {
        return feesPaidAt == null && reception.fees().awaitedAt(PaymentTiming.BEFORE_RETURN);
    }

    boolean resultIssuable() {
        return DossierStatus.RESULT_ISSUABLE.contains(status);
    }

    /**
     * Papers are added while the case is open or its result waits at the desk. Once it ended (returned, refused,
     * withdrawn, stopped) its file is the record of what was decided on and is archived as such, so it takes no
     * more: a paper found later belongs to a new dossier.
     */
    void requireOpenToFiles() {
        if (DossierStatus.CLOSED.contains(status)) {
            throw ProblemException.conflict("dossier.file.ended", code());
        }
    }

    /**
     * An electronic result (kết quả điện tử) is issued, with its result code: while the dossier is processed or its
     * result waits at the desk, never once it was returned or ended (Decree 45/2020/NĐ-CP Art. 14). Recorded in the
     * history; the status does not change, the desk still returns the result.
     */
    void issueResult(String resultCode, String name, Instant at, String by, String unit) {
        requireStatus("issue-result", DossierStatus.RESULT_ISSUABLE);
        record(status, "RESULT_ISSUED", at, by, unit, name + " · " + resultCode);
    }

    private void completeStep(Route route, ProcessClock processClock, Instant at, String by, String note) {
        StepData done = route.step(step.order());
        int next = step.order() + 1;
        boolean resultReady = next > route.lastProcessingStep();
        String fromUnit = step.unitCode();
        String toUnit = resultReady ? reception.deskUnitCode() : route.step(next).unitCode();
        newHandovers.add(new Handover(step.order(), done.name(), "HANDOVER", fromUnit, toUnit, at, by, step.dueAt(),
                processClock.judge(at, step.dueAt()), note));
        if (resultReady) {
            this.outcome = outcome.resultReady(at, processClock.judge(at, clock.dueAt()));
            enterStep(route.returnStep(), route, processClock, at);
            moveTo(DossierStatus.RESULT_READY, "RESULT_READY", at, by, fromUnit, note);
            if (feesPaidAt == null && reception.fees().awaitedAt(PaymentTiming.BEFORE_RETURN)) {
                // The result is ready (and judged on time or late now); the applicant is asked to pay before it is
                // handed over.
                moveTo(DossierStatus.FINANCIAL_OBLIGATION, "FEES_REQUESTED", at, by, reception.deskUnitCode(), null);
            }
        } else {
            enterStep(next, route, processClock, at);
            if (status != DossierStatus.IN_PROCESS) {
                moveTo(DossierStatus.IN_PROCESS, "IN_PROCESS", at, by, fromUnit, note);
            } else {
                record(status, "HANDOVER", at, by, fromUnit, note);
            }
        }
    }

    /** Waits at step {@code order} from {@code at}; its due time is its duration in working hours. */
    private void enterStep(int order, Route route, ProcessClock processClock, Instant at) {
        StepData next = route.step(order);
        // Intake and return happen at the desk that holds the dossier, whichever desk the process names.
        String unit = order == 1 || order == route.returnStep() ? reception.deskUnitCode() : next.unitCode();
        this.step = new CurrentStep(order, unit, next.role().name(), at, processClock.plusWorkingHours(at, hours(next)));
    }

    /** Ended: no unit's queue holds it any more (rows from before processing steps were kept may have no step). */
    private void leaveQueues() {
        if (step != null) {
            this.step = step.leftQueues();
        }
        this.online = online.answered();
    }

    private static int hours(StepData step) {
        return step.durationHours() == null ? 0 : step.durationHours();
    }

    private void requireStatus(String action, DossierStatus... allowed) {
        requireStatus(action, Set.of(allowed));
    }

    private void requireStatus(String action, Set<DossierStatus> allowed) {
        if (!allowed.contains(status)) {
            throw refused(action);
        }
    }

    /** Intake decisions (supplied, refused) end at acceptance. */
    private void requireNotAccepted(String action) {
        if (clock.started()) {
            throw refused(action);
        }
    }

    private ProblemException refused(String action) {
        return ProblemException.conflict("dossier.transition.refused", code(), action, status.code());
    }

    private void moveTo(DossierStatus next, String action, Instant at, String by, String unit, String note) {
        this.status = next;
        record(next, action, at, by, unit, note);
    }

    private void record(DossierStatus s, String action, Instant at, String by, String unit, String note) {
        newEvents.add(new Event(at, s, action, by, unit, note));
    }

    /** The rows this change added, handed to {@link DossierStore} once. */
    Changes drainChanges() {
        Changes changes = new Changes(savedStatus, List.copyOf(newDocuments), List.copyOf(newEvents),
                List.copyOf(newHandovers));
        newDocuments.clear();
        newEvents.clear();
        newHandovers.clear();
        savedStatus = status;
        return changes;
    }

    /** A change: the status it started from ({@code null} for a new dossier) and the history rows it added. */
    record Changes(DossierStatus before, List<Document> documents, List<Event> events, List<Handover> handovers) {}

    /** Written: the row's id (on insert) and its new version. */
    void stored(long id, int version) {
        this.id = id;
        this.lockVersion = version;
    }

    Long id() { return id; }
    Integer lockVersion() { return lockVersion; }
    Reception reception() { return reception; }
    String code() { return reception.code(); }
    String deskUnitCode() { return reception.deskUnitCode(); }
    Reception.PinnedProcedure procedure() { return reception.procedure(); }
    Reception.Applicant applicant() { return reception.applicant(); }
    DossierStatus status() { return status; }
    CurrentStep step() { return step; }
    DueClock clock() { return clock; }
    Instant dueAt() { return clock.dueAt(); }
    Instant feesPaidAt() { return feesPaidAt; }
    Supplements supplements() { return supplements; }
    Apology apology() { return apology; }
    Outcome outcome() { return outcome; }
    OnlineIntake online() { return online; }
}
