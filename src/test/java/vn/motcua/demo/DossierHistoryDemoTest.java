package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * The demo's dossier history, loaded at start-up by replaying each dossier through the dossier import: every
 * state is there, at the desk's working times, and it reads back through the API. (That the import writes exactly
 * the rows of live work is {@code DossierImportTest}'s.)
 */
@IntegrationTest
class DossierHistoryDemoTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    static final ZoneId VIETNAM = VietnamTime.ZONE;

    /** The replayed history: not the tests' dossiers, nor the demo citizen's, which are filed at start-up. */
    static final String HISTORY = " from dossier where code not like 'TEST-%' and received_by in ('tiepnhan', 'phuc.nm', 'le.ht')"
            + " and procedure_code not like '1.9%' and procedure_code not like '9.%'"
            + " and applicant_citizen_id is distinct from '031190004217'";

    @Test
    void the_demo_history_holds_every_status_channel_and_outcome() {
        assertThat(count("select count(*)" + HISTORY)).isGreaterThanOrEqualTo(300);
        List<Integer> codes = jdbc.sql("select distinct status_code" + HISTORY + " order by 1").query(Integer.class).list();
        assertThat(codes).contains(1, 3, 4, 5, 7, 8, 9, 10);
        // Most dossiers are returned.
        assertThat(count("select count(*)" + HISTORY + " and status_code = 10"))
                .isGreaterThan(count("select count(*)" + HISTORY) / 2);
        assertThat(jdbc.sql("select distinct channel" + HISTORY).query(String.class).list())
                .contains("DIRECT", "POSTAL", "ONLINE");
        assertThat(count("select count(*)" + HISTORY + " and timeliness = 'LATE'")).isPositive();
        assertThat(count("select count(*)" + HISTORY + " and timeliness = 'EARLY'")).isPositive();
        assertThat(count("select count(*)" + HISTORY + " and apologized_at is not null")).isPositive();
        assertThat(count("select count(*)" + HISTORY + " and processing_supplement_items is not null")).isPositive();
        assertThat(count("select count(*)" + HISTORY + " and status_code = 5 and accepted_at is null")).isPositive();
        assertThat(count("select count(*) from dossier_handover where action = 'SEND_BACK'")).isPositive();
        // Spread over about a year, on the desk's days.
        assertThat(count("select count(distinct date_trunc('month', received_at))" + HISTORY)).isGreaterThanOrEqualTo(12);
        // In process at more than one step; some overdue, some due within one working day.
        assertThat(count("select count(distinct current_step)" + HISTORY + " and status_code = 4")).isGreaterThanOrEqualTo(2);
        Instant now = Instant.now();
        Timestamp horizon = Timestamp.from(calendar.addWorkingDays(LocalDateTime.ofInstant(now, VIETNAM), 1)
                .atZone(VIETNAM).toInstant());
        assertThat(jdbc.sql("select count(*)" + HISTORY + " and status_code = 4 and least(step_due_at, due_at) < ?")
                .param(Timestamp.from(now)).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*)" + HISTORY
                + " and status_code = 4 and least(step_due_at, due_at) >= ? and least(step_due_at, due_at) < ?")
                .params(Timestamp.from(now), horizon).query(Long.class).single()).isPositive();
        // Applicants: Vietnamese names, valid-looking citizen IDs mostly of Hải Phòng, mobile numbers.
        assertThat(count("select count(*)" + HISTORY + " and applicant_citizen_id !~ '^0[0-9]{2}[0-3][0-9]{8}$'")).isZero();
        assertThat(count("select count(*)" + HISTORY + " and applicant_citizen_id like '031%'"))
                .isGreaterThan(count("select count(*)" + HISTORY) / 2);
        assertThat(count("select count(*)" + HISTORY + " and applicant_phone !~ '^0[35789][0-9]{8}$'")).isZero();
        assertThat(count("select count(*)" + HISTORY + " and applicant_address not like '%Hải Phòng'")).isZero();
    }

    @Test
    void every_generated_dossier_agrees_with_its_history_and_control_slip() {
        String ids = "(select id" + HISTORY + ")";
        // The status is the last event's.
        assertThat(count("""
                select count(*) from dossier d join lateral (select status, status_code from dossier_event e
                  where e.dossier_id = d.id order by position desc limit 1) last on true
                where (last.status <> d.status or last.status_code <> d.status_code) and d.id in""" + ids)).isZero();
        assertThat(count("select count(*) from dossier d where not exists (select 1 from dossier_event e"
                + " where e.dossier_id = d.id) and d.id in " + ids)).isZero();
        // Positions are 0..n-1 and time never runs backwards.
        assertThat(count("""
                select count(*) from (select dossier_id, count(*) n, max(position) m from dossier_event group by dossier_id) x
                where m <> n - 1 and dossier_id in""" + ids)).isZero();
        for (String table : List.of("dossier_event", "dossier_handover")) {
            assertThat(count("select count(*) from (select dossier_id, at < lag(at) over (partition by dossier_id"
                    + " order by position) back from " + table + ") x where back and dossier_id in " + ids)).isZero();
        }
        // Invariants of the states.
        for (String broken : List.of(
                "accepted_at is not null and due_at is null",
                "status_code in (2, 4, 9, 10) and accepted_at is null",
                "status_code = 3 and (accepted_at is not null or refusal_reason is null)",
                "status_code = 10 and (returned_at is null or result_ready_at is null or timeliness is null"
                        + " or return_method is null or step_unit_code is not null)",
                "status_code = 9 and (result_ready_at is null or timeliness is null or step_unit_code <> desk_unit_code)",
                "status_code in (7, 8) and (closed_at is null or closing_reason is null)",
                "status_code = 4 and (step_unit_code is null or step_due_at is null)",
                "apologized_at is not null and (original_due_at is null or apologized_at >= original_due_at)",
                "status_code = 5 and accepted_at is not null and waiting_since is null",
                "status_code = 10 and timeliness = 'LATE' and result_ready_at <= due_at",
                "status_code = 10 and timeliness <> 'LATE' and result_ready_at > due_at",
                "received_at > now()")) {
            assertThat(count("select count(*)" + HISTORY + " and " + broken)).as(broken).isZero();
        }
        // The control slip: a returned dossier's last line is RETURNED; every line with a due time is judged.
        assertThat(count("""
                select count(*) from dossier d where d.status_code = 10 and (select action from dossier_handover h
                  where h.dossier_id = d.id order by position desc limit 1) <> 'RETURNED' and d.id in""" + ids)).isZero();
        assertThat(count("select count(*) from dossier_handover where step_due_at is not null and timeliness is null"
                + " and dossier_id in " + ids)).isZero();
        // Codes: the agency's daily numbering, never ahead of the day's sequence row.
        assertThat(count("""
                select count(*) from dossier d where d.id in""" + ids + """
                 and not exists (select 1 from dossier_sequence s where s.agency_code = d.agency_code
                  and s.day = (d.received_at at time zone 'Asia/Ho_Chi_Minh')::date
                  and s.last >= split_part(d.code, '-', 3)::int)""")).isZero();
        assertThat(count("select count(*)" + HISTORY + " and code not like '%-' || to_char(received_at at time zone"
                + " 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-%'")).isZero();
    }

    @Test
    void the_demo_desk_receives_dossiers_only_in_its_office_sessions_on_working_days() {
        List<Instant> received = jdbc.sql("select received_at" + HISTORY).query(Timestamp.class).list().stream()
                .map(Timestamp::toInstant).toList();
        assertThat(received).isNotEmpty();
        for (Instant at : received) {
            LocalDateTime local = LocalDateTime.ofInstant(at, VIETNAM);
            assertThat(calendar.isWorkingDay(local.toLocalDate())).as("%s is a working day", local).isTrue();
            assertThat(calendar.officeHours().sessions()).as("%s is in an office session", local)
                    .anyMatch(s -> !local.toLocalTime().isBefore(s.start()) && local.toLocalTime().isBefore(s.end()));
        }
    }

    @Test
    void a_generated_dossier_reads_back_through_the_api() {
        String code = jdbc.sql("select code" + HISTORY + " and status_code = 10 and apologized_at is not null"
                + " order by received_at limit 1").query(String.class).single();
        JsonNode detail = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json();
        Map<String, Object> row = jdbc.sql("select * from dossier where code = ?").param(code).query().singleRow();
        assertThat(detail.get("statusCode").asInt()).isEqualTo(10);
        assertThat(detail.get("revision").asInt()).isEqualTo(row.get("lock_version"));
        assertThat(OffsetDateTime.parse(detail.get("dueAt").asString()).toInstant())
                .isEqualTo(((Timestamp) row.get("due_at")).toInstant());
        assertThat(detail.get("originalDueAt").isNull()).isFalse();
        assertThat(detail.get("timeliness").asString()).isEqualTo(row.get("timeliness"));
        long events = count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.code = '" + code + "'");
        assertThat(detail.get("history").size()).isEqualTo((int) events);
        assertThat(detail.get("history").get((int) events - 1).get("action").asString()).isEqualTo("RETURNED");
        JsonNode slip = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code + "/history").json();
        long handovers = count("select count(*) from dossier_handover h join dossier d on d.id = h.dossier_id where d.code = '" + code + "'");
        assertThat(slip.size()).isEqualTo((int) handovers).isGreaterThanOrEqualTo(3);
        assertThat(slip.get(slip.size() - 1).get("action").asString()).isEqualTo("RETURNED");
        // The public look-up with the PIN.
        Api.Response lookup = Api.anonymous(port).get("/api/public/dossiers/" + code + "?pin=" + row.get("lookup_pin"));
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
