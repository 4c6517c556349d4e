package dev.rootline.index;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An index engine beside the embedded one, found with {@link java.util.ServiceLoader} when its module is on the
 * classpath ({@code index-solr}). Callers never see it: they name an index with {@link EventIndex#open}.
 */
public interface EventIndexProvider {
    /** {@code scheme://…}: an engine's address rather than a folder. */
    Pattern ADDRESS = Pattern.compile("^[a-z][a-z0-9+.-]*://.*", Pattern.DOTALL);

    public static boolean isAddress(String location) {
        return ADDRESS.matcher(location).matches();
    }

    /** Whether this engine serves addresses like {@code location}. */
    boolean accepts(String location);

    /**
     * The index at {@code location}; nothing is contacted yet.
     *
     * @throws IndexException when the address is malformed, with a message for the user
     */
    EventIndex open(String location, Map<String, String> settings);
}
