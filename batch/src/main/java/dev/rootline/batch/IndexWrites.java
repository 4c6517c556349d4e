package dev.rootline.batch;

import dev.rootline.index.EventIndex;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

/**
 * One executor's share of a distributed index write (SolrCloud): its events upserted by their stable ids, so
 * that a retried task or a re-run writes the same documents again and duplicates nothing. Returns what the index
 * refused or capped, for the driver to log.
 */
record IndexWrites(String location, HashMap<String, String> settings) implements FlatMapFunction<Iterator<Parsed>, Parsed.Problem> {
    @Override
    public Iterator<Parsed.Problem> call(Iterator<Parsed> events) throws Exception {
        List<Parsed.Problem> refused = new ArrayList<>();
        EventIndex index = EventIndex.open(location, settings);
        try (EventIndex.Writer writer = index.openWriter()) {
            while (events.hasNext()) {
                writer.upsert(events.next().event(), d -> refused.add(Parsed.Problem.of(d)));
            }
            writer.commit();
        }
        return refused.iterator();
    }
}
