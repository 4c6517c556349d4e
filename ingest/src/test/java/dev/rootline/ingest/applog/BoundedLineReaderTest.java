package dev.rootline.ingest.applog;

import dev.rootline.ingest.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundedLineReaderTest {

    /** Each line as "number@offset:text/cut". */
    private static List<String> read(BoundedLineReader r) throws IOException {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.number() + "@" + r.offset() + ":" + r.line() + "/" + r.cut());
        }
        return out;
    }

    private static List<String> read(String text, int max) throws IOException {
        return read(new BoundedLineReader(new StringReader(text), max, 0, false));
    }

    @Test
    void trailingNewlineStartsNoLineButBlankLinesCount() throws IOException {
        assertEquals(List.of("1@0:a/0", "2@2:/0", "3@3:b/0"), read("a\n\nb\n", 100));
        assertEquals(List.of("1@0:a/0", "2@2:b/0"), read("a\nb", 100));
        assertEquals(List.of(), read("", 100));
        assertEquals(List.of("1@0:/0"), read("\n", 100));
    }

    @Test
    void crBeforeNewlineIsDroppedButLoneCrStays() throws IOException {
        assertEquals(List.of("1@0:a/0", "2@3:b\rc/0"), read("a\r\nb\rc\r\n", 100));
    }

    @Test
    void longLineIsCutAndCounted() throws IOException {
        assertEquals(List.of("1@0:abc/4", "2@8:de/0"), read("abcdefg\nde\n", 3));
    }

    @Test
    void lineLongerThanTheBufferIsAssembled() throws IOException {
        String big = "x".repeat(200_000);
        List<String> lines = read(big + "\r\nend", 1 << 20);
        assertEquals("1@0:" + big + "/0", lines.get(0));
        assertEquals("2@200002:end/0", lines.get(1));
    }

    @Test
    void offsetsCountUtf8Bytes() throws IOException {
        assertEquals(List.of("1@0:é☕😀/0", "2@10:x/0"), read("é☕😀\nx", 100));
    }

    @Test
    void byteOrderMarkShiftsOffsets(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        bytes.write("a\nb\n".getBytes(StandardCharsets.UTF_8));
        Path path = Files.write(dir.resolve("bom.log"), bytes.toByteArray());

        try (BoundedLineReader r = BoundedLineReader.open(new InputFile(path))) {
            assertEquals(List.of("1@3:a/0", "2@5:b/0"), read(r));
        }
    }

    @Test
    void utf16FileHasTwoBytesPerChar(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xff, (byte) 0xfe});
        bytes.write("ab\r\ncd\n".getBytes(StandardCharsets.UTF_16LE));
        Path path = Files.write(dir.resolve("utf16.log"), bytes.toByteArray());

        try (BoundedLineReader r = BoundedLineReader.open(new InputFile(path))) {
            assertEquals(List.of("1@2:ab/0", "2@10:cd/0"), read(r));
        }
    }

    @Test
    void offsetIsUnknownAfterAnUndecodableByte(@TempDir Path dir) throws IOException {
        Path path = Files.write(dir.resolve("bad.log"), new byte[] {'a', '\n', 'b', (byte) 0xff, '\n', 'c', '\n'});

        try (BoundedLineReader r = BoundedLineReader.open(new InputFile(path))) {
            assertEquals(List.of("1@0:a/0", "2@2:b\uFFFD/0", "3@-1:c/0"), read(r));
        }
    }
}
