package dev.rootline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import dev.rootline.index.annotate.Annotations;

/**
 * Lucene query syntax over the rootline schema. Terms are ANDed by default (as in grep pipelines);
 * {@code ip:} takes an address or a CIDR ({@code ip:172.20.0.0/16}); {@code time:} takes a date (the whole
 * day) or a range {@code time:[2024-10-29T12:00Z TO 2024-10-30]} of anything {@link TimeExpressions} reads.
 */
public final class EventQueryParser {
    private final ZoneId zone;
    private final Clock clock;
    /** The index's annotations, for {@code starred:} and {@code tag:}; null where the engine has none. */
    private final Annotations annotations;

    public EventQueryParser(ZoneId zone, Clock clock) {
        this(zone, clock, null);
    }

    /** A parser that also reads {@code starred:true} and {@code tag:X} from {@code annotations} (may be null). */
    public EventQueryParser(ZoneId zone, Clock clock, Annotations annotations) {
        this.zone = zone;
        this.clock = clock;
        this.annotations = annotations;
    }

    /** The analyzer used both when indexing and when parsing queries. */
    static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        Analyzer keyword = new LowercaseKeywordAnalyzer();
        for (String f : Fields.KEYWORDS) {
            perField.put(f, keyword);
        }
        perField.put(Fields.IP, keyword);
        // ids are exact, case included: the writer upserts on the exact term
        perField.put(Fields.ID, new org.apache.lucene.analysis.core.KeywordAnalyzer());
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    /**
     * A query matching {@code value} exactly in {@code field}, whatever characters the value holds (ids come from
     * evidence, and evidence is attacker-controlled): the value quoted, with quotes and backslashes escaped.
     */
    public static String exact(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code ip:} followed by an unquoted IPv6 address or CIDR ({@code ip:2001:db8::/32}). */
    private static final java.util.regex.Pattern IPV6_TERM = java.util.regex.Pattern.compile(
            "(?i)(\\bip:)([0-9a-f]{0,4}:[0-9a-f:.]*(?:/\\d{1,3})?)(?=$|[\\s)])");

    /** Blank means everything. */
    public Query parse(String query) {
        if (query == null || query.isBlank() || query.trim().equals("*")) {
            return new MatchAllDocsQuery();
        }
        Parser p = new Parser();
        try {
            // an IPv6 address's colons would otherwise split the term, and a CIDR's slash open a regular expression
            String q = IPV6_TERM.matcher(query).replaceAll("$1\"$2\"");
            return negationsOfEverything(p.parse(q.replaceAll("(?<=\\d)/(?=\\d)", "\\\\/")));
        } catch (ParseException e) {
            String msg = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("");
            throw new QuerySyntaxException("bad query '" + query + "': " + msg, e, position(e, query));
        } catch (IllegalArgumentException e) {
            throw new QuerySyntaxException("bad query '" + query + "': " + e.getMessage(), e);
        }
    }

    /**
     * {@code -level:error} means every event but the errors, at the top and inside parentheses: Lucene would match
     * nothing for a group of negations alone, so each such group gets "everything" to subtract from (as Solr does).
     */
    static Query negationsOfEverything(Query q) {
        if (!(q instanceof org.apache.lucene.search.BooleanQuery b)) {
            return q;
        }
        org.apache.lucene.search.BooleanQuery.Builder out = new org.apache.lucene.search.BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        boolean onlyNegations = !b.clauses().isEmpty();
        for (org.apache.lucene.search.BooleanClause c : b.clauses()) {
            out.add(negationsOfEverything(c.query()), c.occur());
            onlyNegations &= c.occur() == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT;
        }
        if (onlyNegations) {
            out.add(new MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.MUST);
        }
        return out.build();
    }

    /** Unqualified terms match the message or any other indexed value ({@link Fields#DEFAULT_FIELDS}). */
    private final class Parser extends MultiFieldQueryParser {
        Parser() {
            super(Fields.DEFAULT_FIELDS, analyzer());
            setDefaultOperator(Operator.AND);
            setAllowLeadingWildcard(true);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            if (Fields.STARRED.equals(field) || Fields.TAG.equals(field)) {
                return annotationQuery(field, text);
            }
            if (Fields.IP.equals(field)) {
                return ipQuery(text);
            }
            if (Fields.TIME.equals(field)) {
                Instant from = time(text);
                Instant to = TimeExpressions.isDate(text) ? from.plus(Duration.ofDays(1)) : from.plusMillis(1);
                return Fields.timeRange(from, to);
            }
            return super.getFieldQuery(field, text, quoted);
        }

        /** Quoted terms come this way ({@code ip:"2001:db8::/32"}); MultiFieldQueryParser would skip the override above. */
        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            if (Fields.IP.equals(field) || Fields.TIME.equals(field) || Fields.STARRED.equals(field) || Fields.TAG.equals(field)) {
                return getFieldQuery(field, text, true);
            }
            return super.getFieldQuery(field, text, slop);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return Fields.TAG.equals(field) ? annotationQuery(field, termStr) : super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return Fields.TAG.equals(field) ? annotationQuery(field, termStr + "*") : super.getPrefixQuery(field, termStr);
        }

        /** {@code starred:true|false} and {@code tag:X}: the ids the annotation store names, as an id filter. */
        private Query annotationQuery(String field, String text) throws ParseException {
            if (annotations == null) {
                throw new ParseException(field + ": searches annotations, which this index engine does not keep");
            }
            if (Fields.TAG.equals(field)) {
                return Fields.ids(annotations.taggedIds(text));
            }
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> Fields.ids(annotations.starredIds());
                case "false" -> new org.apache.lucene.search.BooleanQuery.Builder()
                        .add(new MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.MUST)
                        .add(Fields.ids(annotations.starredIds()), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                        .build();
                default -> throw new ParseException("starred: takes true or false, got '" + text + "'");
            };
        }

        /** A keyword too long to index whole is searched in the same capped form it was indexed in. */
        @Override
        protected Query newTermQuery(org.apache.lucene.index.Term term, float boost) {
            String f = term.field();
            if (!Fields.ID.equals(f) && (Fields.KEYWORDS.contains(f) || Fields.IP.equals(f))) {
                String text = term.text();
                String bounded = KeywordTerms.bounded(text);
                if (!bounded.equals(text)) {
                    term = new org.apache.lucene.index.Term(f, bounded);
                }
            }
            return super.newTermQuery(term, boost);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (Fields.TIME.equals(field)) {
                Instant from = open(part1) ? null : time(part1);
                Instant to = open(part2) ? null : time(part2);
                if (from != null && !startInclusive) {
                    from = from.plusMillis(1);
                }
                if (to != null && endInclusive) {
                    to = TimeExpressions.isDate(part2) ? to.plus(Duration.ofDays(1)) : to.plusMillis(1);
                }
                return Fields.timeRange(from, to);
            }
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        private Instant time(String text) throws ParseException {
            try {
                return TimeExpressions.parse(text, zone, clock);
            } catch (IllegalArgumentException e) {
                throw new ParseException(e.getMessage());
            }
        }

        private static boolean open(String part) {
            return part == null || part.equals("*");
        }
    }

    /**
     * Where in the user's query the parser stopped (0-based), or -1: Lucene counts columns from 1 in the text it
     * parsed, which differs from the user's by the escapes added above; clamped to the query.
     */
    private static int position(ParseException e, String query) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException p && p.currentToken != null) {
                org.apache.lucene.queryparser.classic.Token at = p.currentToken.next != null ? p.currentToken.next : p.currentToken;
                return at.beginLine == 1 && at.beginColumn >= 1 ? Math.min(query.length(), at.beginColumn - 1) : -1;
            }
            java.util.regex.Matcher m = LEXICAL.matcher(String.valueOf(t.getMessage()));
            if (t instanceof org.apache.lucene.queryparser.classic.TokenMgrError && m.find() && m.group(1).equals("1")) {
                return Math.min(query.length(), Math.max(0, Integer.parseInt(m.group(2)) - 1));
            }
        }
        return -1;
    }

    private static final java.util.regex.Pattern LEXICAL = java.util.regex.Pattern.compile("at line (\\d+), column (\\d+)");

    private static Query ipQuery(String text) throws ParseException {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!dev.rootline.ingest.IpAddresses.isIp(address)) {
            throw new ParseException("ip: needs an IP address or CIDR, got '" + text + "'");
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            if (slash < 0) {
                return Fields.ipExact(a);
            }
            int prefix = Integer.parseInt(t.substring(slash + 1));
            return Fields.ipPrefix(a, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new ParseException("ip: needs an IP address or CIDR, got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new ParseException("ip: " + e.getMessage());
        }
    }

    /** One token, lower-cased: exact, case-insensitive matching for ids and names. */
    static final class LowercaseKeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer t = new KeywordTokenizer();
            return new TokenStreamComponents(t, new LowerCaseFilter(t));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
