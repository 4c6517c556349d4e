package dev.rootline.index.solr;

import dev.rootline.index.EventIndex;
import dev.rootline.index.EventIndexProvider;

import java.util.Map;

/** {@code solr://…} and {@code solr+http(s)://…} indexes, found by {@link java.util.ServiceLoader}. */
public final class SolrIndexProvider implements EventIndexProvider {
    @Override
    public boolean accepts(String location) {
        return SolrLocation.accepts(location);
    }

    @Override
    public EventIndex open(String location, Map<String, String> settings) {
        return new SolrEventIndex(SolrLocation.parse(location), settings);
    }
}
