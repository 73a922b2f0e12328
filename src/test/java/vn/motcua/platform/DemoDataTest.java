package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class DemoDataTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_data_is_loaded_once_and_never_twice() {
        long staff = count("staff");
        long accounts = count("account");
        long procedures = count("procedure_version");
        assertThat(staff).isGreaterThanOrEqualTo(75);
        assertThat(accounts).isGreaterThanOrEqualTo(6);
        assertThat(procedures).isGreaterThanOrEqualTo(40);

        transaction.executeWithoutResult(status -> events.publishEvent(new DemoDataRequested()));

        assertThat(count("staff")).isEqualTo(staff);
        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("procedure_version")).isEqualTo(procedures);
    }

    @Test
    void the_demo_catalogue_covers_at_least_eight_fields_with_full_and_partial_online_procedures() {
        long fields = jdbc.sql("select count(distinct field) from procedure_version where status = 'PUBLISHED'"
                + " and code not like '9.%' and code not like '1.9%'").query(Long.class).single();
        assertThat(fields).isGreaterThanOrEqualTo(8);
        for (String level : new String[] {"FULL", "PARTIAL"}) {
            assertThat(jdbc.sql("select count(*) from procedure_version where status = 'PUBLISHED' and online_level = ?")
                    .param(level).query(Long.class).single()).as(level).isGreaterThanOrEqualTo(5);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
