package vn.motcua.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole application under {@code motcua.*}.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data and where stored files go
 * @param demoData {@code motcua.demo-data}: {@code null} (unset) = a demo exactly when motcua runs on its
 *     embedded database; {@code true}/{@code false} forces it (an external database with demo data needs
 *     {@code true}). Without demo data motcua is in production.
 * @param publicUrl {@code motcua.public-url}: the address at which citizens reach the public pages, printed
 *     on forms and notices; required in production, in a demo the address the server listens on
 */
@ConfigurationProperties("motcua")
public record MotcuaProperties(Path dataDir, Boolean demoData, String publicUrl) {

    public MotcuaProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    /** Whether this is a demo (the demo data loads), given whether motcua runs on its embedded database. */
    public boolean demo(boolean embeddedDatabase) {
        return demoData != null ? demoData : embeddedDatabase;
    }
}
