package vn.motcua;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MotcuaApplication.class);

    @Test
    void modules_only_use_each_others_public_api_and_have_no_cycles() {
        modules.verify();
    }

    @Test
    void no_module_depends_on_the_web_frame() {
        ApplicationModule web = modules.getModuleByName("web").orElseThrow();
        modules.forEach(module -> assertThat(module.getBootstrapDependencies(modules))
                .as(module.getIdentifier().toString())
                .doesNotContain(web));
    }

    /** The demo uses every module; no module may use the demo, so that production runs without it. */
    @Test
    void no_module_depends_on_the_demo() {
        ApplicationModule demo = modules.getModuleByName("demo").orElseThrow();
        assertThat(demo.getDirectDependencies(modules).containsModuleNamed("organization")).isTrue();
        modules.stream().filter(module -> !module.equals(demo)).forEach(module -> {
            assertThat(module.getDirectDependencies(modules).contains(demo)).as(module.getIdentifier().toString())
                    .isFalse();
            assertThat(module.getBootstrapDependencies(modules)).as(module.getIdentifier().toString())
                    .doesNotContain(demo);
        });
    }

    /** The same, class by class, whatever Modulith counts as a dependency: no type, annotation or call. */
    @Test
    void no_class_outside_the_demo_refers_to_it() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motcua");
        assertThat(classes.contain("vn.motcua.demo.DemoData")).isTrue();
        noClasses().that().resideOutsideOfPackage("vn.motcua.demo..")
                .should().dependOnClassesThat().resideInAPackage("vn.motcua.demo..")
                .because("production modules must work without the demo data")
                .check(classes);
    }

    @Test
    void module_documentation_is_generated() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
