package dev.rootline.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFormatTest {
    @Test
    void parsesACommaSeparatedList() {
        assertThat(ReportFormat.parseList("html, pdf,JSON,markdown"))
                .containsExactly(ReportFormat.HTML, ReportFormat.PDF, ReportFormat.JSON, ReportFormat.MD);
    }

    @Test
    void rejectsAnUnknownFormat() {
        assertThatThrownBy(() -> ReportFormat.parseList("html,docx")).hasMessageContaining("docx");
    }

    @Test
    void rejectsAnEmptyList() {
        assertThatThrownBy(() -> ReportFormat.parseList(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsDefaultToAllFormatsInUtc() {
        ReportOptions o = ReportOptions.defaults(java.nio.file.Path.of("out"));

        assertThat(o.formats()).containsExactlyInAnyOrder(ReportFormat.values());
        assertThat(o.displayZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(o.indexHint()).isNull();
    }
}
