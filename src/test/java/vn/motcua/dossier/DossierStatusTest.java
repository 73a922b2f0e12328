package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;

/**
 * The status sets are written once ({@link DossierStatus}); their SQL twins select exactly the same statuses in
 * PostgreSQL, and the migrations' partial indexes cover exactly the sets the queries use.
 */
@IntegrationTest
class DossierStatusTest {

    @Autowired
    JdbcClient jdbc;

    static final Map<String, Set<DossierStatus>> SETS = Map.of("QUEUED", DossierStatus.QUEUED, "CLOCK_RUNNING",
            DossierStatus.CLOCK_RUNNING, "OPEN", DossierStatus.OPEN, "CLOSED", DossierStatus.CLOSED,
            "COUNTED_AS_RECEIVED", DossierStatus.COUNTED_AS_RECEIVED);

    @Test
    void each_sets_sql_twin_selects_exactly_its_statuses() {
        SETS.forEach((name, set) -> {
            List<Integer> selected = jdbc.sql("select status_code from generate_series(1, 10) as status_code where "
                    + DossierStatus.sql(set) + " order by 1").query(Integer.class).list();
            assertThat(selected).as(name).containsExactlyElementsOf(codes(set));
        });
    }

    @Test
    void the_work_queue_index_covers_exactly_the_queued_statuses() {
        String definition = jdbc.sql("select indexdef from pg_indexes where indexname = 'dossier_queue'")
                .query(String.class).single();
        // PostgreSQL prints the predicate as: status_code = ANY (ARRAY[1, 2, 4, 9])
        Matcher m = Pattern.compile("status_code = ANY \\(ARRAY\\[([0-9, ]+)]\\)").matcher(definition);
        assertThat(m.find()).as(definition).isTrue();
        Set<Integer> indexed = Arrays.stream(m.group(1).split(",\\s*")).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(indexed).containsExactlyElementsOf(codes(DossierStatus.QUEUED));
    }

    @Test
    void every_status_is_either_closed_or_open_or_waiting_for_its_result_to_be_collected() {
        for (DossierStatus status : DossierStatus.values()) {
            int in = (DossierStatus.CLOSED.contains(status) ? 1 : 0) + (DossierStatus.OPEN.contains(status) ? 1 : 0)
                    + (status == DossierStatus.RESULT_READY ? 1 : 0);
            assertThat(in).as(status.name()).isEqualTo(1);
        }
        assertThat(DossierStatus.OPEN).containsAll(DossierStatus.CLOCK_RUNNING);
    }

    private static List<Integer> codes(Set<DossierStatus> set) {
        return set.stream().map(DossierStatus::code).sorted().toList();
    }
}
