package vn.motcua.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole application under {@code motcua.*}.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data and where stored files go
 * @param demoData {@code null} = load the demo data only on the first start of an empty embedded
 *     database; {@code true}/{@code false} forces it
 */
@ConfigurationProperties("motcua")
public record MotcuaProperties(Path dataDir, Boolean demoData) {

    public MotcuaProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
