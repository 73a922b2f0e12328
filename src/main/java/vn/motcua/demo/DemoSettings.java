package vn.motcua.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo's switches.
 *
 * @param demoData {@code motcua.demo-data}: {@code null} (unset) = load the demo data when motcua runs on its
 *     embedded database (on its first start: every part is skipped when its tables already hold data);
 *     {@code true}/{@code false} forces it on or off (an external database needs {@code true})
 * @param demo {@code motcua.demo.*}: {@code synthetic-procedures} = how many synthetic published procedures to
 *     add for scale tests (default 0). The dossier history's {@code motcua.demo.history-*} settings are read
 *     where that history is generated.
 */
@ConfigurationProperties("motcua")
record DemoSettings(Boolean demoData, Demo demo) {

    record Demo(Integer syntheticProcedures) {}

    /** Whether to load the demo data, given whether motcua runs on its embedded database. */
    boolean wanted(boolean embeddedDatabase) {
        return demoData != null ? demoData : embeddedDatabase;
    }

    int syntheticProcedures() {
        return demo == null || demo.syntheticProcedures() == null ? 0 : Math.max(0, demo.syntheticProcedures());
    }
}
