package dev.rootline.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request path as its segments, each percent-decoded on its own: an event id may hold a '/' or a '+'. */
final class Paths {
    private Paths() {
    }

    static List<String> segments(HttpExchange he) {
        String raw = he.getRequestURI().getRawPath();
        List<String> out = new ArrayList<>();
        for (String s : raw.split("/", -1)) {
            if (!s.isEmpty()) {
                out.add(decode(s));
            }
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw ApiError.badRequest("a path segment is not valid percent-encoding");
                }
                out.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                int end = s.indexOf('%', i);
                end = end < 0 ? s.length() : end;
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
