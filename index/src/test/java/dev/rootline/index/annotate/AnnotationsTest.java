package dev.rootline.index.annotate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnotationsTest {
    @TempDir
    Path dir;

    private static Annotation star(String id, String... tags) {
        return new Annotation(id, true, List.of(tags), null, Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void anIndexWithoutAnnotationsHasNoneAndNoFileIsCreated() {
        Annotations a = Annotations.open(dir);
        assertThat(a.all()).isEmpty();
        assertThat(a.forEvent("e1")).isEmpty();
        assertThat(dir.resolve(Annotations.FILE)).doesNotExist();
    }

    @Test
    void theLastWriteOfAnEventWinsAndSurvivesReopening() throws IOException {
        Annotations a = Annotations.open(dir);
        a.put(star("e1", "rca"));
        a.put(new Annotation("e1", false, List.of("noise"), "not it after all", Instant.parse("2026-12-04T10:05:00Z")));
        a.put(star("e2"));

        Annotations again = Annotations.open(dir);
        assertThat(again.forEvent("e1")).get().satisfies(x -> {
            assertThat(x.starred()).isFalse();
            assertThat(x.tags()).containsExactly("noise");
            assertThat(x.comment()).isEqualTo("not it after all");
        });
        assertThat(again.starred()).extracting(Annotation::eventId).containsExactly("e2");
        assertThat(Files.readAllLines(dir.resolve(Annotations.FILE))).hasSize(3); // appended, never rewritten
    }

    @Test
    void removingClearsTheEventsAnnotation() throws IOException {
        Annotations a = Annotations.open(dir);
        a.put(star("e1", "rca"));
        a.remove("e1");
        assertThat(Annotations.open(dir).forEvent("e1")).isEmpty();
        assertThat(a.taggedIds("rca")).isEmpty();
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextWriteStillCounts() throws IOException {
        Annotations a = Annotations.open(dir);
        a.put(star("e1"));
        Files.writeString(dir.resolve(Annotations.FILE), "{\"id\":\"e2\",\"starr", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Annotations.open(dir).starredIds()).containsExactly("e1");
        a.put(star("e3"));
        assertThat(Annotations.open(dir).starredIds()).containsExactly("e1", "e3");
    }

    @Test
    void tagsMatchIgnoringCaseAndWithWildcards() throws IOException {
        Annotations a = Annotations.open(dir);
        a.put(star("e1", "RCA-confirmed"));
        a.put(star("e2", "rca-maybe", "eni"));
        assertThat(a.taggedIds("rca-confirmed")).containsExactly("e1");
        assertThat(a.taggedIds("rca*")).containsExactly("e1", "e2");
        assertThat(a.taggedIds("en?")).containsExactly("e2");
        assertThat(a.tagCounts()).containsEntry("eni", 1L).containsEntry("rca-maybe", 1L);
    }

    @Test
    void anotherProcessesWritesAreSeen() throws IOException {
        Annotations reader = Annotations.open(dir);
        assertThat(reader.starredIds()).isEmpty();
        Annotations.open(dir).put(star("e9"));
        assertThat(reader.starredIds()).containsExactly("e9");
    }

    @Test
    void tagsThatWouldBreakTheQuerySyntaxAreRefused() {
        assertThatThrownBy(() -> star("e1", "two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> star("e1", "a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> star("e1", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
