package vn.motcua.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether this run is a demo ({@link MotcuaProperties#demo}), for what must say so: every page shows a banner in a
 * demo ({@code ${@runMode.demo()}} in the layouts), so that nobody takes its sample data and published password for
 * the real service.
 */
@Component("runMode")
public class RunMode {

    private final boolean demo;

    RunMode(MotcuaProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        this.demo = properties.demo(embedded.getIfAvailable() != null);
    }

    public boolean demo() {
        return demo;
    }
}
