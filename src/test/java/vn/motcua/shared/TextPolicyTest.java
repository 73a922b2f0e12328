package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextPolicyTest {

    @Test
    void vietnamese_emoji_quotes_and_markup_are_ordinary_text() {
        for (String text : new String[] {"Nguyễn Thị Ánh", "Hồ sơ 📄 đã nhận", "O'Brien; DROP TABLE dossier;--",
                "<script>alert(1)</script>", "tab\there", "line\nbreak", "crlf\r\nbreak"}) {
            assertThat(TextPolicy.flaw(text)).as(text).isNull();
        }
    }

    @Test
    void control_characters_bidirectional_overrides_lone_surrogates_and_replacement_characters_are_refused() {
        assertThat(TextPolicy.flaw("a\u0000b")).isEqualTo("validation.text.control");
        assertThat(TextPolicy.flaw("a\u001bb")).isEqualTo("validation.text.control");
        assertThat(TextPolicy.flaw("a\u0085b")).isEqualTo("validation.text.control");
        assertThat(TextPolicy.flaw("abc\u202Efdp.exe")).isEqualTo("validation.text.bidi");
        assertThat(TextPolicy.flaw("a\u2067b")).isEqualTo("validation.text.bidi");
        assertThat(TextPolicy.flaw("a\uD800b")).isEqualTo("validation.text.surrogate");
        assertThat(TextPolicy.flaw("a\uDC00")).isEqualTo("validation.text.surrogate");
        assertThat(TextPolicy.flaw("a\uFFFDb")).isEqualTo("validation.text.replacement");
        assertThat(TextPolicy.flaw("a\uFFFF")).isEqualTo("validation.text.replacement");
    }

    @Test
    void a_one_line_field_refuses_a_line_break_that_a_note_accepts() {
        assertThatThrownBy(() -> TextPolicy.line("fullName", "Nguyễn\nVăn A", 100))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("fullName");
                        assertThat(error.messageKey()).isEqualTo("validation.text.line-break");
                    });
                });
        assertThat(TextPolicy.text("note", "dòng 1\ndòng 2", 100)).isEqualTo("dòng 1\ndòng 2");
    }

    @Test
    void text_is_stored_in_nfc_trimmed_and_blank_is_nothing() {
        String decomposed = "Nguye\u0302\u0303n";
        assertThat(TextPolicy.line("fullName", "  " + decomposed + " ", 100)).isEqualTo("Nguyễn");
        assertThat(TextPolicy.line("fullName", "   ", 100)).isNull();
        assertThat(TextPolicy.line("fullName", null, 100)).isNull();
    }

    @Test
    void the_length_is_counted_in_code_points_after_nfc_as_postgresql_counts_a_varchar() {
        // Three decomposed letters are three characters once stored, an emoji one character.
        assertThat(TextPolicy.line("fullName", "e\u0302\u0303".repeat(100), 100)).hasSize(100);
        assertThat(TextPolicy.length("📄📄")).isEqualTo(2);
        assertThat(TextPolicy.line("title", "📄".repeat(10), 10)).isNotNull();
        // U+FB2C grows to three code points under NFC: 40 of them are 120 characters stored.
        assertThatThrownBy(() -> TextPolicy.line("title", "\uFB2C".repeat(40), 100))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.too-long.n"));
    }

    @Test
    void a_text_of_megabytes_is_refused_without_being_normalized() {
        String huge = "a".repeat(10_000_000);
        assertThatThrownBy(() -> TextPolicy.text("note", huge, TextPolicy.NOTE))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("validation.too-long.n");
                    assertThat(e.errors().get(0).args()).containsExactly(TextPolicy.NOTE);
                });
    }
}
