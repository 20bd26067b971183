package org.openkyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(OpenKycApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        Path docs = Path.of("target", "spring-modulith-docs");
        assertThat(Files.readString(docs.resolve("components.puml"))).contains("Core", "Tenancy", "Workplace");
        assertThat(docs.resolve("module-tenancy.adoc")).exists();
    }
}
