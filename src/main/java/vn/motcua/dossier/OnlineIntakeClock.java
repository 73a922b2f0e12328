package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The clock of online intake (Decree 118/2025/NĐ-CP Art. 17(2): the desk checks a dossier filed online as it
 * checks one brought to it, and answers through the applicant's account): a dossier that arrives outside office
 * hours counts from the next office session; the desk must check it within {@code motcua.dossier.online.check-within}
 * of working time (8 working hours); an applicant asked at intake for a supplement has {@code
 * motcua.dossier.online.supplement-wait} (15 working days) to send it, after which the dossier is not accepted.
 * These limits are settings because sector laws and the province's rules may set others. The time limit for the
 * result does not start here: it starts at acceptance (Form 01), the complete dossier's, as for any dossier.
 */
@Component
@EnableConfigurationProperties(OnlineIntakeSettings.class)
class OnlineIntakeClock {

    private final ProcessClock processClock;
    private final Duration checkWithin;
    private final Duration supplementWait;

    OnlineIntakeClock(ProcessClock processClock, OnlineIntakeSettings settings) {
        this.processClock = processClock;
        this.checkWithin = OnlineIntakeSettings.workingTime(settings.checkWithin());
        this.supplementWait = OnlineIntakeSettings.workingTime(settings.supplementWait());
    }

    /** A dossier, or the supplement asked at intake, arrived at {@code at}: the desk's check counts from then. */
    OnlineIntake arrived(Instant at) {
        Instant countsFrom = processClock.countingStart(at);
        return new OnlineIntake(countsFrom, processClock.plus(countsFrom, checkWithin), null);
    }

    /** Form 02 asked at {@code at}: the supplement must arrive by the returned instant. */
    Instant supplementDue(Instant at) {
        return processClock.plus(at, supplementWait);
    }

    /** The applicant's time to answer a supplement request at intake, in working time. */
    Duration supplementWait() {
        return supplementWait;
    }
}
