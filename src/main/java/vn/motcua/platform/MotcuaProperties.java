package vn.motcua.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole application under {@code motcua.*}.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data and where stored files go
 */
@ConfigurationProperties("motcua")
public record MotcuaProperties(Path dataDir) {

    public MotcuaProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
