package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SqlLog;

/**
 * What one online submission costs the database, call by call, as scripts/benchmark-online-filing.sh sends it: a
 * citizen's program with a bearer token begins a draft, attaches a file to each mandatory document and submits.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineFilingCostTest {

    static final String PROCEDURE = "1.985010.000.00.00.H27";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Autowired
    SqlLog sql;

    Api program;

    @BeforeAll
    void aProgramWithABearerToken() {
        PortalFixtures.procedure(port, PROCEDURE, "Cấp giấy phép nộp trực tuyến đo chi phí", "FULL", 1);
        Citizens.CitizenUser citizen = PortalFixtures.citizen(citizens, "do.chi.phi", "Trần Văn Đo", "031088117001", 2);
        Api.Response issued = PortalFixtures.as(port, citizen).post("/api/citizen/v1/me/tokens",
                Map.of("name", "Phần mềm nộp hồ sơ", "days", 1));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        program = Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
        submitOnce(UUID.randomUUID().toString());
    }

    @Test
    void a_draft_is_begun_with_one_insert_and_no_transaction_around_it() {
        String probe = UUID.randomUUID().toString();
        submitOnce(probe);
        assertThat(work(probe + "-begin")).singleElement().asString().startsWith("insert into filing_draft");
    }

    @Test
    void a_file_is_attached_with_one_read_of_the_draft_and_its_files_and_two_writes() {
        String probe = UUID.randomUUID().toString();
        submitOnce(probe);
        // Per file: the draft with its files (one statement), its version bumped, the file's row, the commit.
        assertThat(work(probe + "-attach")).hasSize(2 * 4).satisfies(statements -> {
            assertThat(statements.get(0)).contains("from (select * from filing_draft where id = ? and citizen = ?)");
            assertThat(statements.get(1)).startsWith("update filing_draft set updated_at = ?");
            assertThat(statements.get(2)).startsWith("insert into filing_draft_file");
            assertThat(statements.get(3)).isEqualTo("COMMIT");
        });
    }

    @Test
    void a_submission_reads_the_draft_once_and_writes_the_dossier_in_one_transaction() {
        String probe = UUID.randomUUID().toString();
        submitOnce(probe);
        List<String> statements = work(probe + "-submit");
        assertThat(statements).filteredOn(s -> s.contains("filing_draft")).hasSize(2);
        assertThat(statements).filteredOn(s -> s.contains("filing_draft_file")).as("files read with the draft")
                .hasSize(1);
        assertThat(statements).filteredOn(s -> s.startsWith("insert into dossier_file")).hasSize(2);
        assertThat(statements.get(statements.size() - 1)).startsWith("update filing_draft set submitted_at");
        print(probe);
    }

    /**
     * The statements of a stage but the look-up of the token's holder, which the principal cache makes once per
     * lifetime of its entries (5 s): a machine loaded with other work can take longer than that over a submission.
     */
    private List<String> work(String stage) {
        return sql.statements(stage).stream().filter(s -> !s.contains("from citizen_token")).toList();
    }

    private void print(String probe) {
        for (String stage : List.of("begin", "attach", "submit")) {
            List<String> statements = sql.statements(probe + "-" + stage);
            System.out.println("== " + stage + ": " + statements.size());
            statements.forEach(s -> System.out.println("   " + s.replaceAll("\\s+", " ")));
        }
    }

    private void submitOnce(String probe) {
        Api.Response begun = program.header(SqlLog.PROBE, probe + "-begin").post("/api/citizen/v1/drafts",
                Map.of("procedureCode", PROCEDURE));
        assertThat(begun.status()).as(begun.toString()).isEqualTo(201);
        JsonNode draft = begun.json();
        long id = draft.get("id").asLong();
        for (JsonNode document : draft.get("documents")) {
            if (document.get("mandatory").asBoolean()) {
                Api.Response file = program.header(SqlLog.PROBE, probe + "-attach").upload(
                        "/api/citizen/v1/drafts/" + id + "/files", "to-khai.pdf", PortalFixtures.PDF,
                        Map.of("documentId", document.get("documentId").asString()));
                assertThat(file.status()).as(file.toString()).isEqualTo(201);
            }
        }
        Api.Response submitted = program.header(SqlLog.PROBE, probe + "-submit")
                .post("/api/citizen/v1/drafts/" + id + "/submit", null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    }
}
