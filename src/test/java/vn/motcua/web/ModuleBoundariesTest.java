package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import vn.motcua.MotcuaApplication;

/** The pages keep to the modules' public APIs, and nothing depends on the web frame. */
class ModuleBoundariesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(MotcuaApplication.class);

    @Test
    void everyModuleIncludingTheWebFrameUsesOnlyOtherModulesPublicApis() {
        MODULES.verify();
    }

    @Test
    void noModuleDependsOnTheWebFrame() {
        ApplicationModule web = MODULES.getModuleByName("web").orElseThrow();
        MODULES.forEach(module -> assertThat(module.getBootstrapDependencies(MODULES))
                .as(module.getIdentifier().toString())
                .doesNotContain(web));
    }
}
