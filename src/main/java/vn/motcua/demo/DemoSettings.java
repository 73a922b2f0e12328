package vn.motcua.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo's switches; whether the demo loads at all is {@code motcua.demo-data} ({@link
 * vn.motcua.platform.MotcuaProperties#demo}).
 *
 * @param demo {@code motcua.demo.*}: {@code synthetic-procedures} = how many synthetic published procedures to
 *     add for scale tests (default 0); {@code history-dossiers} = how many dossiers the history holds (default
 *     3,000; 0 = none), received over the last {@code history-years} years (default 1), planned from
 *     {@code history-seed}
 */
@ConfigurationProperties("motcua")
record DemoSettings(Demo demo) {

    record Demo(Integer syntheticProcedures, Integer historyDossiers, Integer historyYears, Long historySeed) {}

    int syntheticProcedures() {
        return demo == null || demo.syntheticProcedures() == null ? 0 : Math.max(0, demo.syntheticProcedures());
    }

    int historyDossiers() {
        return demo == null || demo.historyDossiers() == null ? 3000 : Math.max(0, demo.historyDossiers());
    }

    int historyYears() {
        return demo == null || demo.historyYears() == null ? 1 : Math.max(1, demo.historyYears());
    }

    long historySeed() {
        return demo == null || demo.historySeed() == null ? 20250701L : demo.historySeed();
    }
}
