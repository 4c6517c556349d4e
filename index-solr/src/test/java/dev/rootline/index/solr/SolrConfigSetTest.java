package dev.rootline.index.solr;

import dev.rootline.index.EventFields;
import dev.rootline.index.Fields;
import dev.rootline.index.IndexVersion;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SolrConfigSetTest {
    private static String schema() throws IOException {
        try (var in = SolrCollections.class.getResourceAsStream("configset/schema.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSchemaNameCarriesTheVersionsTheEmbeddedIndexWrites() throws IOException {
        assertThat(schema()).contains("<schema name=\"rootline-schema-" + IndexVersion.SCHEMA + "-ids-" + IndexVersion.IDS + "\"");
        assertThat(SolrCollections.SCHEMA_NAME).isEqualTo("rootline-schema-" + IndexVersion.SCHEMA + "-ids-" + IndexVersion.IDS);
    }

    @Test
    void everyStoredFieldAndColumnHasAField() throws IOException {
        String s = schema();
        for (String f : Set.of(Fields.ID, Fields.TIME, Fields.SOURCE, Fields.MESSAGE, Fields.TEXT, Fields.EVENT, Fields.RAW,
                SolrQueries.IP_HEX, SolrDocuments.FACTS, Fields.ACCOUNT)) {
            assertThat(s).contains("<field name=\"" + f + "\"");
        }
        for (String column : EventFields.COLUMNS) {
            assertThat(s).contains("<field name=\"" + column + "\" type=\"binary\"");
        }
    }

    @Test
    void theUploadedZipHoldsSchemaAndSolrconfig() throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrCollections.configSetZip()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactlyInAnyOrder("schema.xml", "solrconfig.xml");
    }
}
