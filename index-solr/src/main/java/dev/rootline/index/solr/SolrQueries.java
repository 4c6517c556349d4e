package dev.rootline.index.solr;

import dev.rootline.index.EventQueryParser;
import dev.rootline.index.Fields;
import dev.rootline.index.QuerySyntaxException;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.NumericDocValuesRangeQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

import java.time.ZoneId;
import java.util.HexFormat;

/**
 * rootline's query syntax on Solr. The query is parsed once, by the same {@link EventQueryParser} the embedded index
 * uses (field defaults, AND, {@code ip:} CIDRs, {@code time:} expressions, capped keywords), and the parsed query is
 * written back in Solr's standard syntax with every clause explicit, so Solr cannot read it any other way: terms are
 * quoted, already in their indexed form; time and address ranges become ranges on {@code time} and {@code ip_hex}.
 */
final class SolrQueries {
    /** Where addresses are indexed on Solr: 32 hex digits of their 16-byte form, so a CIDR is a term range. */
    static final String IP_HEX = "ip_hex";

    private SolrQueries() {
    }

    /** {@code query} in Solr syntax; blank is everything. */
    static String of(String query, ZoneId zone) {
        return of(query, zone, null);
    }

    /** The same, reading {@code starred:} and {@code tag:} from the annotations kept in the index's state folder. */
    static String of(String query, ZoneId zone, dev.rootline.index.annotate.Annotations annotations) {
        return render(new EventQueryParser(zone, java.time.Clock.systemUTC(), annotations).parse(query));
    }

    /** Ranges of epoch millis on {@code time}, for filters; either end may be null. */
    static String timeRange(java.time.Instant from, java.time.Instant to) {
        return Fields.TIME + ":[" + (from == null ? "*" : Long.toString(from.toEpochMilli())) + " TO "
                + (to == null ? "*" : Long.toString(to.toEpochMilli() - 1)) + "]";
    }

    static String hex(byte[] address16) {
        return HexFormat.of().formatHex(address16);
    }

    static String render(Query q) {
        StringBuilder out = new StringBuilder();
        render(q, out);
        return out.toString();
    }

    private static void render(Query q, StringBuilder out) {
        switch (q) {
            case MatchAllDocsQuery m -> out.append("*:*");
            case MatchNoDocsQuery m -> out.append("(+*:* -*:*)");
            case BoostQuery b -> render(b.getQuery(), out); // hits are sorted by time: scores never matter
            case ConstantScoreQuery c -> render(c.getQuery(), out);
            case IndexOrDocValuesQuery i -> render(i.getIndexQuery(), out);
            case TermQuery t -> term(t.getTerm(), out);
            case BooleanQuery b -> bool(b, out);
            case PhraseQuery p -> phrase(p, out);
            case WildcardQuery w -> field(w.getTerm().field(), out).append(wildcard(w.getTerm().text()));
            case PrefixQuery p -> field(p.getPrefix().field(), out).append(escape(p.getPrefix().text())).append('*');
            case RegexpQuery r -> field(r.getRegexp().field(), out).append('/')
                    .append(r.getRegexp().text().replace("/", "\\/")).append('/');
            case FuzzyQuery f -> field(f.getTerm().field(), out).append(escape(f.getTerm().text()))
                    .append('~').append(f.getMaxEdits());
            case TermRangeQuery r -> field(r.getField(), out).append(r.includesLower() ? '[' : '{')
                    .append(bound(r.getLowerTerm())).append(" TO ").append(bound(r.getUpperTerm()))
                    .append(r.includesUpper() ? ']' : '}');
            case PointRangeQuery p -> points(p, out);
            case NumericDocValuesRangeQuery n when Fields.TIME.equals(n.getField()) -> time(n.lowerValue(), n.upperValue(), out);
            case org.apache.lucene.search.TermInSetQuery t -> termSet(t, out); // starred: and tag: as ids
            case SynonymQuery s -> anyOf(s.getTerms().stream().<Query>map(TermQuery::new).toList(), out);
            case DisjunctionMaxQuery d -> anyOf(d.getDisjuncts(), out);
            case MultiPhraseQuery m -> throw new QuerySyntaxException("this query form is not supported on SolrCloud: " + m, null);
            default -> throw new QuerySyntaxException("this query form is not supported on SolrCloud: " + q, null);
        }
    }

    /** Separators the terms parser can split on; the first that no term contains is used. */
    private static final String SEPARATORS = ",|;~^#!$%&@ ";

    /**
     * A set of terms (the ids analysts starred or tagged) as Solr's terms parser: one clause whatever its size, where
     * one clause per id would fail past Solr's {@code maxBooleanClauses} (1,024 by default). The value is quoted, and
     * split on a character none of the terms holds; only when every candidate occurs does it fall back to clauses.
     */
    private static void termSet(org.apache.lucene.search.TermInSetQuery t, StringBuilder out) {
        java.util.List<Query> terms = terms(t);
        if (terms.isEmpty()) {
            out.append("(+*:* -*:*)");
            return;
        }
        java.util.List<String> values = terms.stream().map(q -> ((TermQuery) q).getTerm().text()).toList();
        for (char sep : SEPARATORS.toCharArray()) {
            if (values.stream().noneMatch(v -> v.indexOf(sep) >= 0)) {
                out.append("{!terms f=").append(t.getField()).append(" separator='").append(sep).append("' v='");
                for (int i = 0; i < values.size(); i++) {
                    out.append(i == 0 ? "" : String.valueOf(sep)).append(values.get(i).replace("\\", "\\\\").replace("'", "\\'"));
                }
                out.append("'}");
                return;
            }
        }
        anyOf(terms, out);
    }

    private static java.util.List<Query> terms(org.apache.lucene.search.TermInSetQuery t) {
        java.util.List<Query> out = new java.util.ArrayList<>();
        try {
            org.apache.lucene.util.BytesRefIterator it = t.getBytesRefIterator();
            for (org.apache.lucene.util.BytesRef b = it.next(); b != null; b = it.next()) {
                out.add(new TermQuery(new org.apache.lucene.index.Term(t.getField(), org.apache.lucene.util.BytesRef.deepCopyOf(b))));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // an in-memory set: not reached
        }
        return out;
    }

    /** {@code (a b c)}: any of them (the request's default operator is OR). */
    private static void anyOf(java.util.Collection<Query> queries, StringBuilder out) {
        out.append('(');
        boolean first = true;
        for (Query q : queries) {
            out.append(first ? "" : " ");
            first = false;
            render(q, out);
        }
        out.append(')');
    }

    private static void bool(BooleanQuery b, StringBuilder out) {
        if (b.clauses().isEmpty()) {
            out.append("(+*:* -*:*)");
            return;
        }
        out.append('(');
        boolean first = true;
        for (BooleanClause c : b.clauses()) {
            out.append(first ? "" : " ");
            first = false;
            out.append(switch (c.occur()) {
                case MUST, FILTER -> "+";
                case MUST_NOT -> "-";
                case SHOULD -> "";
            });
            render(c.query(), out);
        }
        out.append(')');
        if (b.getMinimumNumberShouldMatch() > 0) {
            // Solr's syntax has no per-group minimum; rootline's parser never sets one
            throw new QuerySyntaxException("minimum-should-match groups are not supported on SolrCloud", null);
        }
    }

    private static void term(Term t, StringBuilder out) {
        field(t.field(), out).append(quoted(t.text()));
    }

    private static void phrase(PhraseQuery p, StringBuilder out) {
        Term[] terms = p.getTerms();
        if (terms.length == 0) {
            out.append("(+*:* -*:*)");
            return;
        }
        StringBuilder words = new StringBuilder();
        for (Term t : terms) {
            words.append(words.isEmpty() ? "" : " ").append(t.text());
        }
        field(terms[0].field(), out).append(quoted(words.toString()));
        if (p.getSlop() > 0) {
            out.append('~').append(p.getSlop());
        }
    }

    private static void points(PointRangeQuery p, StringBuilder out) {
        if (Fields.TIME.equals(p.getField()) && p.getBytesPerDim() == Long.BYTES) {
            time(LongPoint.decodeDimension(p.getLowerPoint(), 0), LongPoint.decodeDimension(p.getUpperPoint(), 0), out);
        } else if (Fields.IP.equals(p.getField()) && p.getBytesPerDim() == InetAddressPoint.BYTES) {
            out.append(IP_HEX).append(":[\"").append(hex(p.getLowerPoint())).append("\" TO \"")
                    .append(hex(p.getUpperPoint())).append("\"]");
        } else {
            throw new QuerySyntaxException("this range is not supported on SolrCloud: " + p, null);
        }
    }

    private static void time(long lo, long hi, StringBuilder out) {
        out.append(Fields.TIME).append(":[").append(lo <= Long.MIN_VALUE + 1 ? "*" : Long.toString(lo))
                .append(" TO ").append(hi == Long.MAX_VALUE ? "*" : Long.toString(hi)).append(']');
    }

    private static StringBuilder field(String f, StringBuilder out) {
        return out.append(escape(f)).append(':');
    }

    private static String bound(BytesRef b) {
        return b == null ? "*" : quoted(b.utf8ToString());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Escapes Solr's syntax characters and whitespace. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (special(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A wildcard term: its own {@code \} escapes and its {@code *} and {@code ?} pass through, the rest escaped. */
    private static String wildcard(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append('\\').append(s.charAt(++i));
            } else if (c == '*' || c == '?') {
                b.append(c);
            } else {
                if (special(c)) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean special(char c) {
        return "\\+-!():^[]\"{}~*?|&/;".indexOf(c) >= 0 || Character.isWhitespace(c);
    }
}
