package dev.rootline.index;

import dev.rootline.index.annotate.Annotation;
import dev.rootline.index.annotate.Annotations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnotationQueryTest {
    @TempDir
    Path dir;
    EventIndex index;

    @BeforeEach
    void fill() throws IOException {
        index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("l1", "2024-10-29T23:15:19Z", "dial tcp 172.20.101.121:443: i/o timeout"));
            w.upsert(Events.log("l2", "2024-10-29T23:16:19Z", "dial tcp 172.20.101.121:443: i/o timeout"));
            w.upsert(Events.log("l3", "2024-10-29T23:17:19Z", "Caching 3 namespaces"));
            w.commit();
        }
    }

    private long count(String q) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest(q, null, null, 10));
        }
    }

    @Test
    void starredAndTagSearchTheAnnotationsBesideTheIndex() throws IOException {
        Annotations a = Annotations.open(dir);
        a.put(new Annotation("l1", true, List.of("rca"), "the first timeout", Instant.now()));
        a.put(new Annotation("l3", false, List.of("RCA", "noise"), null, Instant.now()));

        assertThat(count("starred:true")).isEqualTo(1);
        assertThat(count("starred:false")).isEqualTo(2);
        assertThat(count("tag:rca")).isEqualTo(2);
        assertThat(count("tag:rca AND error:io_timeout")).isEqualTo(1);
        assertThat(count("tag:no*")).isEqualTo(1);
        assertThat(count("tag:\"noise\"")).isEqualTo(1);
        assertThat(count("tag:unused")).isZero();
        assertThat(count("NOT tag:rca")).isEqualTo(1);
    }

    @Test
    void aStarIsFoundByASearcherOpenedBeforeIt() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.count(new SearchRequest("starred:true", null, null, 10))).isZero();
            Annotations.open(dir).put(new Annotation("l2", true, List.of(), null, Instant.now()));
            assertThat(s.count(new SearchRequest("starred:true", null, null, 10))).isEqualTo(1);
        }
    }

    @Test
    void starredTakesOnlyTrueOrFalse() {
        assertThatThrownBy(() -> count("starred:maybe")).isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("true or false");
    }

    @Test
    void aSyntaxErrorSaysWhereInTheQuery() {
        assertThatThrownBy(() -> count("source:clouddriver AND (error:io_timeout"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isBetween(20, 40));
    }
}
