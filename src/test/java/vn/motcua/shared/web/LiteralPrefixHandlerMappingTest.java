package vn.motcua.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

class LiteralPrefixHandlerMappingTest {

    @RestController
    @RequestMapping("/api/drafts")
    static class Drafts {
        @PostMapping("/{id}/files")
        String attach(@PathVariable long id) {
            return "attach";
        }

        @PostMapping("/{id}/submit")
        String submit(@PathVariable long id) {
            return "submit";
        }

        @GetMapping("/{id}")
        String one(@PathVariable long id) {
            return "one";
        }
    }

    @RestController
    static class Pages {
        @GetMapping("/files/**")
        String file() {
            return "file";
        }

        @GetMapping("/ho-so")
        String dossiers() {
            return "dossiers";
        }
    }

    private final LiteralPrefixHandlerMapping mapping = new LiteralPrefixHandlerMapping();

    @BeforeEach
    void register() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("drafts", Drafts.class);
        context.registerSingleton("pages", Pages.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
    }

    @Test
    void a_path_with_variables_finds_its_handler_among_mappings_of_other_prefixes() throws Exception {
        assertThat(handler("POST", "/api/drafts/7/files")).isEqualTo("attach");
        assertThat(handler("POST", "/api/drafts/7/submit")).isEqualTo("submit");
        assertThat(handler("GET", "/api/drafts/7")).isEqualTo("one");
        assertThat(handler("GET", "/files/ab/cd")).isEqualTo("file");
        assertThat(handler("GET", "/ho-so")).isEqualTo("dossiers");
    }

    @Test
    void an_encoded_path_is_matched_in_its_decoded_form_as_before() throws Exception {
        assertThat(handler("POST", "/api/dr%61fts/7/files")).isEqualTo("attach");
        assertThat(handler("GET", "/ho-so;v=1")).isEqualTo("dossiers");
    }

    @Test
    void a_path_that_no_mapping_starts_finds_no_handler_and_a_wrong_method_is_still_told() throws Exception {
        assertThat(handler("POST", "/api/drafts-x/7/files")).isNull();
        assertThatThrownBy(() -> handler("GET", "/api/drafts/7/files"))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    private String handler(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
