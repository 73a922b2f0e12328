package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/** The character rules of {@link TextPolicy}, applied by the JSON mapper the API uses to every string it reads. */
@IntegrationTest
class TextInputTest {

    record Note(String note, List<String> tags) {}

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void a_string_with_a_nul_anywhere_in_a_body_is_refused_with_its_path() {
        assertThatThrownBy(() -> json.readValue("{\"note\":\"a\\u0000b\"}", Note.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("validation.text.control")
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPathReference()).contains("note"));
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"ok\",\"\\u202Eabc\"]}", Note.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("validation.text.bidi");
    }

    @Test
    void ordinary_strings_are_read_unchanged() {
        Note note = json.readValue("{\"note\":\"Nguye\u0302\u0303n <b>'x'</b> 📄\",\"tags\":[\"a\\nb\"]}", Note.class);
        assertThat(note.note()).isEqualTo("Nguye\u0302\u0303n <b>'x'</b> 📄");
        assertThat(note.tags()).containsExactly("a\nb");
    }

    @Test
    void a_body_with_a_nul_is_a_400_problem_naming_the_field_in_the_callers_language() {
        Api.Response response = Api.as(port, "admin").header("Accept-Language", "en")
                .post("/api/v1/dossiers", "{\"procedureCode\":\"x\",\"applicant\":{\"fullName\":\"A\\u0000B\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("applicant.fullName");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Must not contain control characters (only tabs and line breaks).");
    }
}
