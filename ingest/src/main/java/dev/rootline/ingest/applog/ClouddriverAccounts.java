package dev.rootline.ingest.applog;

import dev.rootline.ingest.Event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Clouddriver account an event is about ({@code Could not list namespaces for account prd-eks:},
 * {@code … in account 'spinnaker-test'}), which burst detection uses as the failing client's name.
 */
final class ClouddriverAccounts {
    static final String ATTRIBUTE = "clouddriverAccount";
    private static final Pattern ACCOUNT = Pattern.compile("\\b(?:for|in) account '?([A-Za-z0-9][\\w.\\-]*)");

    private ClouddriverAccounts() {
    }

    /** The first account named in the text, or null. */
    static String find(String text) {
        if (text == null || !text.contains("account ")) {
            return null; // most lines: no regex at all
        }
        Matcher m = ACCOUNT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String account = m.group(1);
        int end = account.length();
        while (end > 0 && account.charAt(end - 1) == '.') {
            end--; // "… in account foo." ends a sentence
        }
        return end == 0 ? null : account.substring(0, end);
    }

    static void apply(String text, Event.Builder into) {
        into.attribute(ATTRIBUTE, find(text));
    }
}
