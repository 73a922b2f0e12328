package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.WorkingDays;
import vn.motcua.calendar.WorkingTimeCalculator;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * The dossier's transitions and refusals, on the aggregate alone: no Spring, no database. The process: intake at
 * the desk (VP.MC, 4 h), appraisal at SXD.QLXD (specialist, 16 h), approval at SXD.LD (leader, 4 h), return at
 * the desk (4 h); time limit 5 working days. Working days Monday to Friday of 2026, 08:00–12:00 and 13:30–17:30.
 */
class DossierTest {

    static final ZoneId VIETNAM = VietnamTime.ZONE;
    static final ProcessClock CLOCK = clock();
    /** Online intake: checked within 8 working hours, a supplement asked at intake answered within 15 working days. */
    static final OnlineIntakeClock ONLINE = new OnlineIntakeClock(CLOCK,
            new OnlineIntakeSettings(Duration.ofHours(8), Duration.ofDays(15)));
    static final ProcedureData PROCEDURE = procedure(ClockPolicy.PAUSE);
    static final Route ROUTE = Route.of(PROCEDURE);
    /** Monday 02/03/2026 08:30. */
    static final Instant MONDAY = at(2, 8, 30);

    static Instant at(int march, int hour, int minute) {
        return LocalDateTime.of(2026, 3, march, hour, minute).atZone(VIETNAM).toInstant();
    }

    static ProcessClock clock() {
        WorkingDays days = WorkingDays.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);
        WorkingTimeCalculator calculator = new WorkingTimeCalculator(days, OfficeHours.standard());
        return new ProcessClock(new ProcessClock.WorkingTime() {
            public LocalDateTime addWorkingDays(LocalDateTime from, int n) {
                return calculator.addWorkingDays(from, n);
            }

            public LocalDateTime addWorkingTime(LocalDateTime from, Duration amount) {
                return calculator.addWorkingTime(from, amount);
            }

            public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
                return calculator.workingTimeBetween(from, to);
            }

            public boolean isWorkingDay(LocalDate date) {
                return days.isWorking(date);
            }

            public LocalDateTime countingStart(LocalDateTime at) {
                return calculator.countingStart(at);
            }
        });
    }

    static ProcedureData procedure(ClockPolicy policy) {
        return new ProcedureData("1.000001.000.00.00.H27", "Cấp giấy phép xây dựng", "Xây dựng", "Sở Xây dựng", "SXD",
                List.of(), new TimeLimit(5, TimeUnit.WORKING_DAYS), OnlineLevel.PARTIAL, null, List.of(), null, List.of(),
                List.of(new StepData(1, "Tiếp nhận", "VP.MC", StepRole.RECEPTION, 4, null),
                        new StepData(2, "Thẩm định", "SXD.QLXD", StepRole.SPECIALIST, 16, null),
                        new StepData(3, "Phê duyệt", "SXD.LD", StepRole.LEADER, 4, null),
                        new StepData(4, "Trả kết quả", "VP.MC", StepRole.RECEPTION, 4, null)),
                null, null, null, policy, null, 1, 1, null);
    }

    static Dossier received(Channel channel) {
        return received(channel, MONDAY);
    }

    static Dossier received(Channel channel, Instant at) {
        return received(channel, at, Reception.Fees.NONE);
    }

    static Dossier received(Channel channel, Instant at, Reception.Fees fees) {
        Reception reception = new Reception("000.00.01.H27-260302-0001", "000.00.01.H27", "VP.MC",
                new Reception.PinnedProcedure(PROCEDURE.code(), 1, PROCEDURE.name(), PROCEDURE.field()), channel,
                new Reception.Applicant("Nguyễn Văn An", "031085001234", null, null, "Hải Phòng", null), null,
                new Reception.Participants(List.of("VP.MC", "SXD.QLXD", "SXD.LD"), List.of("000.00.01.H27"), "000.00.01.H27"),
                at, channel == Channel.ONLINE ? "citizen:42" : "tiepnhan", "123456", 1, ReturnMethod.DIRECT, fees);
        return Dossier.receive(reception, List.of(new Dossier.Document(1, "Đơn đề nghị", "ORIGINAL", 1, false, false)),
                ROUTE, CLOCK, ONLINE);
    }

    static Dossier accepted() {
        Dossier d = received(Channel.DIRECT);
        d.accept(ROUTE, CLOCK, MONDAY, CLOCK.due(PROCEDURE.timeLimit(), MONDAY), "tiepnhan", "VP.MC");
        return d;
    }

    static HttpStatus refusal(Runnable transition) {
        try {
            transition.run();
        } catch (ProblemException e) {
            return e.status();
        }
        throw new AssertionError("the transition was not refused");
    }

    static List<String> actions(Dossier d) {
        return d.drainChanges().events().stream().map(Dossier.Event::action).toList();
    }

    @Nested
    class AtIntake {

        @Test
        void a_received_dossier_waits_new_at_the_desks_first_step_with_its_documents() {
            Dossier d = received(Channel.POSTAL);
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
            assertThat(d.step().order()).isEqualTo(1);
            assertThat(d.step().unitCode()).isEqualTo("VP.MC");
            // The intake step's own 4 working hours.
            assertThat(d.step().dueAt()).isEqualTo(at(2, 14, 0));
            assertThat(d.online()).isEqualTo(OnlineIntake.NONE);
            assertThat(d.clock().started()).isFalse();
            Dossier.Changes changes = d.drainChanges();
            assertThat(changes.documents()).hasSize(1);
            assertThat(changes.events()).extracting(Dossier.Event::action).containsExactly("REGISTERED");
        }

        @Test
        void acceptance_starts_the_clock_and_hands_the_dossier_to_the_first_processing_step() {
            Dossier d = accepted();
            assertThat(d.status()).isEqualTo(DossierStatus.IN_PROCESS);
            assertThat(d.clock().acceptedAt()).isEqualTo(MONDAY);
            // 5 working days from Monday 08:30: Monday of the next week, 08:30
            assertThat(d.dueAt()).isEqualTo(at(9, 8, 30));
            assertThat(d.step().order()).isEqualTo(2);
            assertThat(d.step().unitCode()).isEqualTo("SXD.QLXD");
            assertThat(d.step().role()).isEqualTo("SPECIALIST");
            assertThat(actions(d)).containsExactly("REGISTERED", "ACCEPTED", "IN_PROCESS");
        }

        @Test
        void a_supplement_asked_at_intake_must_be_supplied_before_acceptance() {
            Dossier d = received(Channel.ONLINE);
            d.requestSupplement("[]", "Bản sao sổ đỏ", MONDAY, "tiepnhan", "VP.MC", ONLINE);
            assertThat(d.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
            assertThat(refusal(() -> d.accept(ROUTE, CLOCK, MONDAY, MONDAY, "tiepnhan", "VP.MC")))
                    .isEqualTo(HttpStatus.CONFLICT);
            d.supplied(MONDAY.plusSeconds(3600), "tiepnhan", "VP.MC", null, ONLINE);
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
        }

        @Test
        void a_refused_dossier_leaves_the_queues_with_its_reason() {
            Dossier d = received(Channel.DIRECT);
            d.refuse("Không thuộc thẩm quyền", MONDAY, "tiepnhan", "VP.MC");
            assertThat(d.status()).isEqualTo(DossierStatus.REFUSED);
            assertThat(d.outcome().refusalReason()).isEqualTo("Không thuộc thẩm quyền");
            assertThat(d.step().queued()).isFalse();
        }

        @Test
        void an_accepted_dossier_can_no_longer_be_refused_or_supplied() {
            Dossier d = accepted();
            assertThat(refusal(() -> d.refuse("x", MONDAY, "tiepnhan", "VP.MC"))).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal(() -> d.supplied(MONDAY, "tiepnhan", "VP.MC", null, ONLINE)))
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal(() -> d.requestSupplement("[]", "x", MONDAY, "tiepnhan", "VP.MC", ONLINE)))
                    .isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Nested
    class Fees {

        static Reception.Fees fees(PaymentTiming timing) {
            return new Reception.Fees(List.of(new Reception.Fees.Line("Lệ phí cấp giấy phép", 50_000),
                    new Reception.Fees.Line("Phí thẩm định", 25_000)), timing);
        }

        @Test
        void fees_asked_before_acceptance_hold_a_new_dossier_in_status_6_and_the_desk_cannot_accept_it() {
            Dossier d = received(Channel.ONLINE, MONDAY, fees(PaymentTiming.BEFORE_ACCEPTANCE));
            assertThat(d.status()).isEqualTo(DossierStatus.FINANCIAL_OBLIGATION);
            assertThat(actions(d)).containsExactly("REGISTERED", "FEES_REQUESTED");
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> d.accept(ROUTE, CLOCK, MONDAY, MONDAY, "tiepnhan", "VP.MC"));
            assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.messageKey()).isEqualTo("dossier.payment.before-acceptance");
            assertThat(refused.args()).contains("75.000 đ");
        }

        @Test
        void once_paid_a_dossier_held_before_acceptance_goes_to_the_desks_check_counted_from_the_payment() {
            Dossier d = received(Channel.ONLINE, MONDAY, fees(PaymentTiming.BEFORE_ACCEPTANCE));
            d.drainChanges();
            Instant paid = at(4, 15, 0);
            assertThat(d.feesPaid(paid, "payment:bank", ONLINE)).isTrue();
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
            assertThat(d.online().countsFrom()).isEqualTo(paid);
            assertThat(d.step().dueAt()).isEqualTo(d.online().checkDueAt()).isAfter(paid);
            assertThat(actions(d)).containsExactly("FEES_PAID");
            d.accept(ROUTE, CLOCK, at(5, 9, 0), CLOCK.due(PROCEDURE.timeLimit(), at(5, 9, 0)), "tiepnhan", "VP.MC");
            assertThat(d.status()).isEqualTo(DossierStatus.IN_PROCESS);
        }

        @Test
        void fees_asked_before_the_return_hold_the_ready_result_in_status_6_until_paid() {
            Dossier d = received(Channel.DIRECT, MONDAY, fees(PaymentTiming.BEFORE_RETURN));
            d.accept(ROUTE, CLOCK, MONDAY, CLOCK.due(PROCEDURE.timeLimit(), MONDAY), "tiepnhan", "VP.MC");
            d.handOver(ROUTE, CLOCK, at(2, 10, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(2, 11, 0), "lanhdao.sxd", null);
            assertThat(d.status()).isEqualTo(DossierStatus.FINANCIAL_OBLIGATION);
            assertThat(d.outcome().resultReadyAt()).isEqualTo(at(2, 11, 0));
            assertThat(d.resultWithheld()).isTrue();
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> d.returnResult(ReturnMethod.DIRECT, CLOCK, ROUTE, at(3, 9, 0), "tiepnhan", "VP.MC"));
            assertThat(refused.messageKey()).isEqualTo("dossier.payment.before-return");
            d.feesPaid(at(3, 8, 0), "tiepnhan", ONLINE);
            assertThat(d.status()).isEqualTo(DossierStatus.RESULT_READY);
            assertThat(d.resultWithheld()).isFalse();
            d.returnResult(ReturnMethod.DIRECT, CLOCK, ROUTE, at(3, 9, 0), "tiepnhan", "VP.MC");
            assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
        }

        @Test
        void fees_paid_before_the_result_is_ready_let_it_be_ready_at_once() {
            Dossier d = received(Channel.DIRECT, MONDAY, fees(PaymentTiming.BEFORE_RETURN));
            d.accept(ROUTE, CLOCK, MONDAY, CLOCK.due(PROCEDURE.timeLimit(), MONDAY), "tiepnhan", "VP.MC");
            d.feesPaid(at(2, 9, 0), "tiepnhan", ONLINE);
            assertThat(d.status()).isEqualTo(DossierStatus.IN_PROCESS);
            d.handOver(ROUTE, CLOCK, at(2, 10, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(2, 11, 0), "lanhdao.sxd", null);
            assertThat(d.status()).isEqualTo(DossierStatus.RESULT_READY);
        }

        @Test
        void a_payment_is_recorded_once_and_ungated_fees_change_no_status() {
            Dossier d = received(Channel.DIRECT, MONDAY, fees(PaymentTiming.NONE));
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
            d.drainChanges();
            assertThat(d.feesPaid(at(2, 9, 0), "tiepnhan", ONLINE)).isTrue();
            assertThat(d.feesPaid(at(2, 10, 0), "payment:bank", ONLINE)).isFalse();
            assertThat(d.feesPaidAt()).isEqualTo(at(2, 9, 0));
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
            assertThat(actions(d)).containsExactly("FEES_PAID");
        }

        @Test
        void a_free_procedure_asks_for_nothing_whatever_its_timing() {
            Dossier d = received(Channel.ONLINE, MONDAY,
                    new Reception.Fees(List.of(new Reception.Fees.Line("Lệ phí", 0)), PaymentTiming.BEFORE_ACCEPTANCE));
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
        }
    }

    @Nested
    class OnlineIntakeTiming {

        @Test
        void a_dossier_filed_in_office_hours_is_checked_within_8_working_hours_of_its_arrival() {
            Dossier d = received(Channel.ONLINE, at(2, 10, 15));
            assertThat(d.online().countsFrom()).isEqualTo(at(2, 10, 15));
            // Monday 10:15 → 12:00 (1 h 45), 13:30 → 17:30 (4 h), Tuesday 08:00 → 10:15 (2 h 15).
            assertThat(d.online().checkDueAt()).isEqualTo(at(3, 10, 15));
            assertThat(d.step().dueAt()).as("the intake step is the desk's check").isEqualTo(at(3, 10, 15));
            assertThat(d.reception().receivedAt()).isEqualTo(at(2, 10, 15));
        }

        @Test
        void a_dossier_filed_on_friday_evening_counts_from_monday_morning_and_keeps_its_submission_time() {
            Dossier d = received(Channel.ONLINE, at(6, 21, 40));
            assertThat(d.reception().receivedAt()).isEqualTo(at(6, 21, 40));
            assertThat(d.online().countsFrom()).isEqualTo(at(9, 8, 0));
            assertThat(d.online().checkDueAt()).isEqualTo(at(9, 17, 30));
        }

        @Test
        void a_dossier_filed_in_the_lunch_break_counts_from_the_afternoon_session() {
            Dossier d = received(Channel.ONLINE, at(4, 12, 20));
            assertThat(d.online().countsFrom()).isEqualTo(at(4, 13, 30));
            // Wednesday 13:30 → 17:30, Thursday 08:00 → 12:00: due at noon, not at half past one.
            assertThat(d.online().checkDueAt()).isEqualTo(at(5, 12, 0));
        }

        @Test
        void the_applicant_has_15_working_days_to_answer_and_a_supplement_restarts_the_check() {
            Dossier d = received(Channel.ONLINE, at(2, 9, 0));
            d.requestSupplement("[]", "Bản sao sổ đỏ", at(2, 14, 0), "tiepnhan", "VP.MC", ONLINE);
            // 15 working days from Monday 2 March 14:00: Monday 23 March 14:00.
            assertThat(d.online().supplementDueAt()).isEqualTo(at(23, 14, 0));
            d.supplied(at(10, 19, 0), "citizen:42", "VP.MC", "Đã bổ sung", ONLINE);
            assertThat(d.status()).isEqualTo(DossierStatus.NEW);
            assertThat(d.online().supplementDueAt()).isNull();
            assertThat(d.online().countsFrom()).isEqualTo(at(11, 8, 0));
            assertThat(d.online().checkDueAt()).isEqualTo(at(11, 17, 30));
            assertThat(d.step()).extracting(CurrentStep::order, CurrentStep::startedAt, CurrentStep::dueAt)
                    .containsExactly(1, at(10, 19, 0), at(11, 17, 30));
        }

        @Test
        void the_time_limit_for_the_result_starts_at_acceptance_not_at_submission() {
            Dossier d = received(Channel.ONLINE, at(6, 21, 40));
            d.accept(ROUTE, CLOCK, at(10, 9, 0), CLOCK.due(PROCEDURE.timeLimit(), at(10, 9, 0)), "tiepnhan", "VP.MC");
            assertThat(d.clock().acceptedAt()).isEqualTo(at(10, 9, 0));
            assertThat(d.dueAt()).isEqualTo(at(17, 9, 0));
        }

        @Test
        void an_unanswered_request_closes_the_dossier_as_not_accepted_only_after_its_time() {
            Dossier d = received(Channel.ONLINE, at(2, 9, 0));
            d.requestSupplement("[]", "Bản sao sổ đỏ", at(2, 14, 0), "tiepnhan", "VP.MC", ONLINE);
            assertThat(refusal(() -> d.refuseUnanswered("Quá hạn", at(23, 14, 0), "system:deadline-watch")))
                    .isEqualTo(HttpStatus.CONFLICT);
            d.refuseUnanswered("Quá hạn bổ sung", at(23, 14, 1), "system:deadline-watch");
            assertThat(d.status()).isEqualTo(DossierStatus.REFUSED);
            assertThat(d.outcome().refusalReason()).isEqualTo("Quá hạn bổ sung");
            assertThat(d.online().supplementDueAt()).isNull();
            assertThat(d.step().queued()).isFalse();
            assertThat(d.drainChanges().events()).last()
                    .extracting(Dossier.Event::action, Dossier.Event::byUser, Dossier.Event::unitCode)
                    .containsExactly("REFUSED", "system:deadline-watch", "VP.MC");
        }

        @Test
        void a_dossier_received_at_the_desk_has_no_online_timing_and_is_never_closed_for_silence() {
            Dossier d = received(Channel.DIRECT);
            d.requestSupplement("[]", "Bản sao sổ đỏ", MONDAY, "tiepnhan", "VP.MC", ONLINE);
            assertThat(d.online()).isEqualTo(OnlineIntake.NONE);
            assertThat(refusal(() -> d.refuseUnanswered("x", at(31, 9, 0), "system:deadline-watch")))
                    .isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void a_supplement_sent_online_during_processing_is_recorded_and_waits_for_the_step_that_asked() {
            Dossier d = received(Channel.ONLINE, at(2, 9, 0));
            d.accept(ROUTE, CLOCK, at(2, 10, 0), CLOCK.due(PROCEDURE.timeLimit(), at(2, 10, 0)), "tiepnhan", "VP.MC");
            assertThat(refusal(() -> d.supplementSubmitted(at(3, 9, 0), "citizen:42", "x")))
                    .as("nothing was asked").isEqualTo(HttpStatus.CONFLICT);
            d.requestProcessingSupplement("[]", "Bản vẽ", at(2, 11, 0), "chuyenvien.sxd", "SXD.QLXD");
            d.drainChanges();
            d.supplementSubmitted(at(3, 9, 0), "citizen:42", "Đã gửi bản vẽ");
            assertThat(d.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
            assertThat(d.clock().waiting()).isTrue();
            Dossier.Changes changes = d.drainChanges();
            assertThat(changes.before()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
            assertThat(changes.events()).singleElement()
                    .extracting(Dossier.Event::action, Dossier.Event::status, Dossier.Event::unitCode)
                    .containsExactly("SUPPLEMENT_SUBMITTED", DossierStatus.SUPPLEMENT_REQUESTED, "SXD.QLXD");
            assertThat(refusal(() -> d.supplied(at(3, 9, 0), "citizen:42", "VP.MC", null, ONLINE)))
                    .as("an accepted dossier does not go back to the desk's check").isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Nested
    class InProcess {

        @Test
        void each_hand_over_is_judged_against_its_steps_own_due_time() {
            Dossier d = accepted();
            d.drainChanges();
            // Appraisal (16 h from Monday 08:30) is due Wednesday 08:30; handed over Tuesday 10:00: early.
            d.handOver(ROUTE, CLOCK, at(3, 10, 0), "chuyenvien.sxd", null);
            Dossier.Handover appraisal = d.drainChanges().handovers().get(0);
            assertThat(appraisal.stepDueAt()).isEqualTo(at(4, 8, 30));
            assertThat(appraisal.timeliness()).isEqualTo(Timeliness.EARLY);
            assertThat(appraisal.toUnit()).isEqualTo("SXD.LD");
            assertThat(d.step().order()).isEqualTo(3);
        }

        @Test
        void the_last_hand_over_makes_the_result_ready_at_the_desk_judged_against_the_time_limit() {
            Dossier d = accepted();
            d.handOver(ROUTE, CLOCK, at(3, 10, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(10, 9, 0), "lanhdao.sxd", "Đồng ý");
            assertThat(d.status()).isEqualTo(DossierStatus.RESULT_READY);
            assertThat(d.step().unitCode()).isEqualTo("VP.MC");
            assertThat(d.outcome().resultReadyAt()).isEqualTo(at(10, 9, 0));
            assertThat(d.outcome().timeliness()).isEqualTo(Timeliness.LATE);
        }

        @Test
        void a_leader_may_send_back_to_the_previous_step_but_nobody_to_intake() {
            Dossier d = accepted();
            assertThat(refusal(() -> d.sendBack(ROUTE, CLOCK, at(2, 9, 0), "chuyenvien.sxd", "x")))
                    .isEqualTo(HttpStatus.CONFLICT);
            d.handOver(ROUTE, CLOCK, at(2, 10, 0), "chuyenvien.sxd", null);
            d.sendBack(ROUTE, CLOCK, at(2, 11, 0), "lanhdao.sxd", "Làm rõ số liệu");
            assertThat(d.step().order()).isEqualTo(2);
            assertThat(d.step().startedAt()).isEqualTo(at(2, 11, 0));
            assertThat(d.drainChanges().handovers()).extracting(Dossier.Handover::action)
                    .containsExactly("HANDOVER", "HANDOVER", "SEND_BACK");
        }

        @Test
        void a_ready_result_sent_back_is_no_longer_ready() {
            Dossier d = accepted();
            d.handOver(ROUTE, CLOCK, at(2, 10, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(2, 11, 0), "lanhdao.sxd", null);
            d.sendBack(ROUTE, CLOCK, at(2, 14, 0), "tiepnhan", "Thiếu chữ ký");
            assertThat(d.status()).isEqualTo(DossierStatus.IN_PROCESS);
            assertThat(d.step().order()).isEqualTo(3);
            assertThat(d.outcome().resultReadyAt()).isNull();
            assertThat(d.outcome().timeliness()).isNull();
        }

        @Test
        void a_supplement_during_processing_is_asked_once_and_stops_the_clock() {
            Dossier d = accepted();
            d.requestProcessingSupplement("[]", "Bản vẽ", at(2, 10, 30), "chuyenvien.sxd", "SXD.QLXD");
            assertThat(d.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
            assertThat(d.clock().waiting()).isTrue();
            // Under PAUSE, both due times move by the working time spent waiting: 2 working days.
            d.supplementReceived(ROUTE, ClockPolicy.PAUSE, null, CLOCK, at(4, 10, 30), "tiepnhan", "VP.MC", null);
            assertThat(d.status()).isEqualTo(DossierStatus.IN_PROCESS);
            assertThat(d.dueAt()).isEqualTo(at(11, 8, 30));
            assertThat(d.step().dueAt()).isEqualTo(at(6, 8, 30));
            assertThat(d.clock().pausedSeconds()).isEqualTo(Duration.ofHours(16).getSeconds());
            assertThat(refusal(() -> d.requestProcessingSupplement("[]", "x", at(4, 11, 0), "chuyenvien.sxd",
                    "SXD.QLXD"))).isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void under_restart_the_whole_time_limit_runs_again_from_the_supplement() {
            Dossier d = accepted();
            d.requestProcessingSupplement("[]", "Bản vẽ", at(2, 10, 30), "chuyenvien.sxd", "SXD.QLXD");
            Instant back = at(4, 10, 30);
            d.supplementReceived(ROUTE, ClockPolicy.RESTART, CLOCK.due(PROCEDURE.timeLimit(), back), CLOCK, back,
                    "tiepnhan", "VP.MC", null);
            assertThat(d.dueAt()).isEqualTo(at(11, 10, 30));
            assertThat(d.step().startedAt()).isEqualTo(back);
            assertThat(d.step().dueAt()).isEqualTo(at(6, 10, 30));
        }

        @Test
        void an_apology_sets_a_later_due_time_once_and_keeps_its_letter_number() {
            Dossier d = accepted();
            assertThat(refusal(() -> d.apologize("x", at(5, 8, 30), at(3, 9, 0), "tiepnhan", "VP.MC", true, "01/SXD-VP")))
                    .as("a new date that is not later").isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            d.apologize("Cần xác minh thực địa", at(13, 8, 30), at(5, 9, 0), "tiepnhan", "VP.MC", true, "01/SXD-VP");
            assertThat(d.dueAt()).isEqualTo(at(13, 8, 30));
            assertThat(d.apology().originalDueAt()).isEqualTo(at(9, 8, 30));
            assertThat(d.apology().number()).isEqualTo("01/SXD-VP");
            assertThat(d.apology().late()).isFalse();
            assertThat(actions(d)).last().isEqualTo("APOLOGY");
            assertThat(refusal(() -> d.apologize("x", at(20, 8, 30), at(6, 9, 0), "tiepnhan", "VP.MC", true, "02/SXD-VP")))
                    .as("a second apology").isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void an_overdue_dossier_gets_its_apology_marked_late_and_its_original_due_time_kept() {
            Dossier d = accepted();
            d.apologize("Chờ ý kiến cơ quan phối hợp", at(16, 8, 30), at(10, 9, 0), "lanhdao.sxd", "SXD.LD", true,
                    "03/SXD-VP");
            assertThat(d.apology().late()).isTrue();
            assertThat(d.apology().originalDueAt()).isEqualTo(at(9, 8, 30));
            assertThat(d.dueAt()).isEqualTo(at(16, 8, 30));
            assertThat(d.drainChanges().events()).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo("APOLOGY_LATE");
                assertThat(e.status()).isEqualTo(DossierStatus.IN_PROCESS);
                assertThat(e.note()).isEqualTo("Chờ ý kiến cơ quan phối hợp");
            });
        }

        @Test
        void an_overdue_dossier_gets_no_apology_when_late_apologies_are_not_allowed() {
            Dossier d = accepted();
            assertThat(refusal(() -> d.apologize("x", at(20, 8, 30), at(9, 9, 0), "tiepnhan", "VP.MC", false, null)))
                    .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(d.apology()).isNull();
            assertThat(d.dueAt()).isEqualTo(at(9, 8, 30));
        }

        @Test
        void a_late_apology_must_set_a_date_still_to_come() {
            Dossier d = accepted();
            assertThat(refusal(() -> d.apologize("x", at(10, 8, 30), at(11, 9, 0), "tiepnhan", "VP.MC", true, null)))
                    .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(d.apology()).isNull();
        }

        @Test
        void the_return_of_the_result_is_judged_against_the_appointment_not_the_return_step() {
            Dossier d = accepted();
            d.handOver(ROUTE, CLOCK, at(6, 10, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(6, 11, 0), "lanhdao.sxd", null);
            d.drainChanges();
            // The return step's 4 working hours ended Friday 16:30; the appointment is Monday 09/03 08:30.
            d.returnResult(ReturnMethod.DIRECT, CLOCK, ROUTE, at(9, 8, 0), "tiepnhan", "VP.MC");
            Dossier.Handover returned = d.drainChanges().handovers().get(0);
            assertThat(returned.stepDueAt()).isEqualTo(at(9, 8, 30));
            assertThat(returned.timeliness()).isNotEqualTo(Timeliness.LATE);
        }

        @Test
        void a_dossier_not_yet_accepted_has_no_due_time_to_apologise_for() {
            Dossier d = received(Channel.ONLINE);
            d.requestSupplement("[]", "x", MONDAY, "tiepnhan", "VP.MC", ONLINE);
            assertThat(refusal(() -> d.apologize("x", at(20, 8, 30), MONDAY, "tiepnhan", "VP.MC", true, null)))
                    .isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Nested
    class AtTheEnd {

        @Test
        void an_open_dossier_may_be_stopped_or_withdrawn_and_then_nothing_more_happens() {
            Dossier d = accepted();
            d.requestProcessingSupplement("[]", "x", at(2, 10, 0), "chuyenvien.sxd", "SXD.QLXD");
            d.close(DossierStatus.WITHDRAWN, "Người nộp xin rút", at(3, 10, 0), "tiepnhan", "VP.MC");
            assertThat(d.status()).isEqualTo(DossierStatus.WITHDRAWN);
            assertThat(d.outcome().closedAt()).isEqualTo(at(3, 10, 0));
            assertThat(d.clock().waiting()).isFalse();
            assertThat(d.step().queued()).isFalse();
            assertThat(refusal(() -> d.handOver(ROUTE, CLOCK, at(3, 11, 0), "chuyenvien.sxd", null)))
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal(() -> d.close(DossierStatus.STOPPED, "x", at(3, 11, 0), "tiepnhan", "VP.MC")))
                    .isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void a_ready_result_can_no_longer_be_stopped_only_returned() {
            Dossier d = accepted();
            d.handOver(ROUTE, CLOCK, at(2, 10, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(2, 11, 0), "lanhdao.sxd", null);
            assertThat(refusal(() -> d.close(DossierStatus.STOPPED, "x", at(2, 14, 0), "tiepnhan", "VP.MC")))
                    .isEqualTo(HttpStatus.CONFLICT);
            d.returnResult(ReturnMethod.DIRECT, CLOCK, ROUTE, at(2, 15, 0), "tiepnhan", "VP.MC");
            assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
            assertThat(d.outcome().returnMethod()).isEqualTo(ReturnMethod.DIRECT);
            assertThat(d.outcome().timeliness()).isEqualTo(Timeliness.EARLY);
            assertThat(d.step().queued()).isFalse();
            assertThat(d.drainChanges().handovers()).last().extracting(Dossier.Handover::action).isEqualTo("RETURNED");
        }

        @Test
        void an_electronic_result_is_issued_while_processing_or_ready_but_not_once_returned() {
            Dossier d = accepted();
            d.issueResult("ABCD2345EFGH", "Giấy phép xây dựng số 12/GPXD", at(2, 10, 0), "chuyenvien.sxd", "SXD.QLXD");
            d.handOver(ROUTE, CLOCK, at(2, 11, 0), "chuyenvien.sxd", null);
            d.handOver(ROUTE, CLOCK, at(2, 14, 0), "lanhdao.sxd", null);
            assertThat(d.resultIssuable()).isTrue();
            d.issueResult("ABCD2345EFGK", "Giấy phép (bản ký lại)", at(2, 14, 30), "lanhdao.sxd", "SXD.LD");
            assertThat(d.status()).as("issuing changes no status").isEqualTo(DossierStatus.RESULT_READY);
            d.returnResult(ReturnMethod.ONLINE, CLOCK, ROUTE, at(2, 15, 0), "tiepnhan", "VP.MC");
            assertThat(d.resultIssuable()).isFalse();
            assertThat(refusal(() -> d.issueResult("ABCD2345EFGM", "x", at(2, 16, 0), "tiepnhan", "VP.MC")))
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(d.drainChanges().events()).filteredOn(e -> e.action().equals("RESULT_ISSUED"))
                    .extracting(Dossier.Event::note)
                    .containsExactly("Giấy phép xây dựng số 12/GPXD · ABCD2345EFGH", "Giấy phép (bản ký lại) · ABCD2345EFGK");
        }

        @Test
        void no_electronic_result_before_acceptance() {
            Dossier d = received(Channel.ONLINE);
            assertThat(refusal(() -> d.issueResult("ABCD2345EFGH", "x", at(2, 9, 0), "tiepnhan", "VP.MC")))
                    .isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void only_a_ready_result_is_returned() {
            Dossier d = accepted();
            assertThat(refusal(() -> d.returnResult(ReturnMethod.DIRECT, CLOCK, ROUTE, at(2, 15, 0), "tiepnhan",
                    "VP.MC"))).isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Test
    void every_status_event_carries_the_status_it_moved_to_and_the_last_one_is_the_dossiers() {
        Dossier d = accepted();
        d.handOver(ROUTE, CLOCK, at(2, 10, 0), "chuyenvien.sxd", null);
        d.handOver(ROUTE, CLOCK, at(2, 11, 0), "lanhdao.sxd", null);
        d.returnResult(ReturnMethod.POSTAL, CLOCK, ROUTE, at(2, 15, 0), "tiepnhan", "VP.MC");
        List<Dossier.Event> events = d.drainChanges().events();
        assertThat(events).extracting(e -> e.status().code()).containsExactly(1, 2, 4, 4, 9, 10);
        assertThat(events.get(events.size() - 1).status()).isEqualTo(d.status());
    }

    @Test
    void the_deciding_unit_is_the_last_leaders_step_or_else_the_last_processing_step() {
        assertThat(ROUTE.decidingUnit()).isEqualTo("SXD.LD");
        ProcedureData noLeader = new ProcedureData("1.000002.000.00.00.H27", "Thử", "Xây dựng", "Sở Xây dựng", "SXD",
                List.of(), new TimeLimit(5, TimeUnit.WORKING_DAYS), OnlineLevel.PARTIAL, null, List.of(), null, List.of(),
                List.of(new StepData(1, "Tiếp nhận", "VP.MC", StepRole.RECEPTION, 4, null),
                        new StepData(2, "Thẩm định", "SXD.QLXD", StepRole.SPECIALIST, 16, null),
                        new StepData(3, "Kiểm tra", "STC.DT", StepRole.SPECIALIST, 4, null)),
                null, null, null, ClockPolicy.PAUSE, null, 1, 1, null);
        assertThat(Route.of(noLeader).decidingUnit()).isEqualTo("STC.DT");
    }
}
