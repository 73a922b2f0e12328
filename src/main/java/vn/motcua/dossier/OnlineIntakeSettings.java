package vn.motcua.dossier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.dossier.online.*}: the timing of online intake, in working time. A day in these settings is a
 * working day of 8 working hours (Labour Code 2019 Art. 105), so {@code 15d} is 15 working days and {@code 8h} 8
 * working hours; only office sessions of working days count.
 *
 * @param checkWithin how long the desk has to check an online dossier, from the moment it counts from (default
 *     {@code 8h})
 * @param supplementWait how long an applicant asked at intake for a supplement has to send it before the dossier
 *     is not accepted (default {@code 15d}); a sector's law may set another limit
 */
@ConfigurationProperties("motcua.dossier.online")
record OnlineIntakeSettings(Duration checkWithin, Duration supplementWait) {

    static final Duration WORKING_DAY = Duration.ofHours(8);

    OnlineIntakeSettings {
        checkWithin = checkWithin == null || checkWithin.isNegative() || checkWithin.isZero() ? Duration.ofHours(8)
                : checkWithin;
        supplementWait = supplementWait == null || supplementWait.isNegative() || supplementWait.isZero()
                ? Duration.ofDays(15) : supplementWait;
    }

    /** {@code 1d12h} → 12 h + 1 working day of 8 h = 20 working hours. */
    static Duration workingTime(Duration setting) {
        return WORKING_DAY.multipliedBy(setting.toDays()).plus(setting.minusDays(setting.toDays()));
    }
}
