package vn.motcua.tasks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code motcua.tasks.*}.
 *
 * @param reminderWorkingDays the host unit is reminded once when an open task is due within this many working
 *     days; lists mark such tasks "due soon"
 * @param watchInterval pause between two passes of the reminder watch (read by {@code @Scheduled})
 */
@ConfigurationProperties("motcua.tasks")
record TaskSettings(Integer reminderWorkingDays, Duration watchInterval) {

    TaskSettings {
        reminderWorkingDays = reminderWorkingDays == null || reminderWorkingDays < 0 ? 3 : reminderWorkingDays;
        watchInterval = watchInterval == null ? Duration.ofHours(1) : watchInterval;
    }
}
