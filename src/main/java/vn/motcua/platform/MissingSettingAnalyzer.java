package vn.motcua.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingSettingException} into Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class MissingSettingAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
        return new FailureAnalysis("The setting " + cause.property() + " is missing: " + cause.purpose() + ".",
                "Set " + cause.property() + " (environment variable " + cause.environmentVariable()
                        + ", or --" + cause.property() + "=…), or start the demo with --motcua.demo-data=true.",
                cause);
    }
}
