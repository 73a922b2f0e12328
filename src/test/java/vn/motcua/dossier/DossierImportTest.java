package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.IntegrationTest;

/**
 * The import of earlier dossiers replays each life through the aggregate and writes it with COPY: the rows must
 * be exactly those the live store writes for the same life, whatever the life went through.
 */
@IntegrationTest
class DossierImportTest {

    private static final ZoneId VIETNAM = VietnamTime.ZONE;
    private static final String CODE = "1.990011.000.00.00.H27";

    @LocalServerPort
    int port;

    @Autowired
    DossierImport dossierImport;

    @Autowired
    DossierStore store;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    /** A Monday 09:00 some weeks before 02/03/2026. */
    private static Instant monday(int weeksAgo) {
        LocalDateTime monday = LocalDateTime.of(2026, 3, 2, 9, 0).minusWeeks(weeksAgo);
        return monday.atZone(VIETNAM).toInstant();
    }

    private static List<IntakeRequest.SupplementItem> items() {
        return List.of(new IntakeRequest.SupplementItem("Bản sao giấy chứng nhận quyền sử dụng đất",
                "Bản đã nộp không có chứng thực"));
    }

    @Test
    void an_imported_dossier_has_exactly_the_rows_the_live_store_writes_for_the_same_life() {
        long document = ProcessFixtures.publishFourStepProcess(port, CODE, "Thủ tục thử nhập hồ sơ cũ", "PAUSE",
                "2020-01-01");
        ProcedureData procedure = catalog.published(CODE).orElseThrow();
        List<Function<DossierImport.Replay, DossierImport.Replay>> lives = List.of(
                // at the desk: accepted, a supplement during processing, an apology, sent back, returned late
                r -> r.accept(at(r, 0), "tiepnhan")
                        .requestProcessingSupplement(items(), at(r, 2), "chuyenvien.sxd")
                        .supplementReceived(at(r, 26), "tiepnhan")
                        .apologize("Cần xác minh thực địa", at(r, 200), at(r, 30), "tiepnhan")
                        .handOver(at(r, 31), "chuyenvien.sxd", "Đủ điều kiện")
                        .sendBack(at(r, 32), "lanhdao.sxd", "Đề nghị làm rõ số liệu")
                        .handOver(at(r, 50), "chuyenvien.sxd", null)
                        .handOver(at(r, 51), "lanhdao.sxd", "Đồng ý")
                        .returnResult(ReturnMethod.POSTAL, at(r, 52), "tiepnhan"),
                // online: asked for a supplement at intake, supplied, accepted, then withdrawn
                r -> r.requestSupplement(items(), at(r, 1), "tiepnhan")
                        .supplied(at(r, 5), "tiepnhan")
                        .accept(at(r, 6), "tiepnhan")
                        .close(DossierStatus.WITHDRAWN, "Người nộp xin rút hồ sơ", at(r, 10), "tiepnhan"),
                r -> r.refuse("Không thuộc thẩm quyền", at(r, 0), "tiepnhan"));
        List<Channel> channels = List.of(Channel.DIRECT, Channel.ONLINE, Channel.POSTAL);
        for (int i = 0; i < lives.size(); i++) {
            Instant received = monday(10 + i);
            IntakeRequest request = new IntakeRequest(CODE, channels.get(i),
                    new IntakeRequest.Person("Trần Thị Nhập", "031190001234", "0912345678", null,
                            "5 Lạch Tray, Ngô Quyền, Hải Phòng", null, null),
                    new IntakeRequest.Person("Lê Văn Đại Diện", "031080004321", null, null, null, null,
                            "Giấy ủy quyền số 12/2026"),
                    List.of(new IntakeRequest.ReceivedDocument(document, null, 2, null, null)), null, null, null, null, null);
            String live = "TEST-IMPORT-LIVE-" + i;
            String bulk = "TEST-IMPORT-BULK-" + i;
            Function<DossierImport.Replay, DossierImport.Replay> life = lives.get(i);
            transaction.executeWithoutResult(s -> {
                DossierImport.Session session = dossierImport.session("000.00.01.H27", "VP.MC");
                store.save(life.apply(session.receive(request, procedure, live, received, "tiepnhan")).dossier);
                session.write(List.of(life.apply(session.receive(request, procedure, bulk, received, "tiepnhan"))));
            });
            assertSameRows(live, bulk);
        }
    }

    @Test
    void reserved_codes_follow_the_days_numbers_already_drawn() {
        java.time.LocalDate day = java.time.LocalDate.of(2019, 9, 25);
        Map<java.time.LocalDate, List<String>> first = dossierImport.reserveCodes("TEST.IMPORT", Map.of(day, 3));
        Map<java.time.LocalDate, List<String>> next = dossierImport.reserveCodes("TEST.IMPORT", Map.of(day, 2));
        assertThat(first.get(day)).containsExactly("TEST.IMPORT-190925-0001", "TEST.IMPORT-190925-0002",
                "TEST.IMPORT-190925-0003");
        assertThat(next.get(day)).containsExactly("TEST.IMPORT-190925-0004", "TEST.IMPORT-190925-0005");
    }

    /** {@code hours} after the dossier was received. */
    private static Instant at(DossierImport.Replay replay, int hours) {
        return replay.dossier.reception().receivedAt().plus(Duration.ofHours(hours));
    }

    private void assertSameRows(String live, String bulk) {
        Map<String, Object> a = row(live);
        Map<String, Object> b = row(bulk);
        long idA = (Long) a.remove("id");
        long idB = (Long) b.remove("id");
        for (Map<String, Object> r : List.of(a, b)) {
            r.remove("code");
            r.remove("lookup_pin"); // drawn at random for each dossier
            r.remove("lock_version"); // the import counts the live transactions; the test saved once
            r.put("search_text", ((String) r.get("search_text")).replaceAll("test-import-(live|bulk)-[0-9]", "#"));
            r.put("route_units", text(r.get("route_units")));
            r.put("route_agencies", text(r.get("route_agencies")));
        }
        assertThat(b).as("dossier row").isEqualTo(a);
        assertThat(a.get("status")).isNotNull();
        for (String table : List.of("dossier_document", "dossier_event", "dossier_handover")) {
            List<Map<String, Object>> expected = rows(table, idA);
            assertThat(rows(table, idB)).as(table).isEqualTo(expected);
        }
        assertThat(rows("dossier_event", idA)).hasSizeGreaterThanOrEqualTo(2);
    }

    private Map<String, Object> row(String code) {
        return new TreeMap<>(jdbc.sql("select * from dossier where code = ?").param(code).query().singleRow());
    }

    private List<Map<String, Object>> rows(String table, long id) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> m : jdbc.sql("select * from " + table + " where dossier_id = ? order by position")
                .param(id).query().listOfRows()) {
            Map<String, Object> copy = new TreeMap<>(m);
            copy.remove("dossier_id");
            list.add(copy);
        }
        return list;
    }

    private static String text(Object array) {
        try {
            return java.util.Arrays.toString((Object[]) ((Array) array).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
