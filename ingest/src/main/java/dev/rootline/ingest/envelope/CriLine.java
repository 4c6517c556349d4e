package dev.rootline.ingest.envelope;

/**
 * One line as containerd and CRI-O write container output: {@code <RFC3339Nano> <stdout|stderr> <P|F> <text>}.
 * {@code P} marks a piece of a longer line (the runtime splits at 16 KiB); the pieces join up to the next
 * {@code F} of the same stream. Read by hand: it runs once per line of large files.
 *
 * @param time the timestamp as written ({@code 2019-05-07T18:57:50.904275087+00:00}), parsed only when needed
 */
record CriLine(String time, String stream, boolean partial, String text) {

    /** The line's parts, or null when it is not a CRI line. */
    static CriLine parse(String line) {
        int a = line.indexOf(' ');
        if (a < 20 || line.charAt(4) != '-' || line.charAt(10) != 'T') {
            return null;
        }
        int b = line.indexOf(' ', a + 1);
        if (b < 0) {
            return null;
        }
        String stream = line.substring(a + 1, b);
        if (!stream.equals("stdout") && !stream.equals("stderr")) {
            return null;
        }
        if (b + 2 > line.length()) {
            return null;
        }
        char tag = line.charAt(b + 1);
        boolean lineEnd = b + 2 == line.length();
        if (tag != 'P' && tag != 'F' || !lineEnd && line.charAt(b + 2) != ' ') {
            return null;
        }
        String text = lineEnd ? "" : line.substring(b + 3);
        return new CriLine(line.substring(0, a), stream, tag == 'P', text);
    }
}
