package dev.rootline.ingest.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzTargetsTest {

    @Test
    void everyRegisteredParserIsFuzzedByExactlyOneTarget() throws Exception {
        List<String> fuzzed = targets().stream()
                .filter(ParserFuzzTarget.class::isAssignableFrom)
                .map(c -> ((ParserFuzzTarget) newInstance(c)).parser.name())
                .toList();

        assertThat(fuzzed).containsExactlyInAnyOrderElementsOf(FuzzContract.REGISTRY.names());
    }

    @Test
    void everyTargetIsNamedSoTheFuzzExecutionFindsIt() throws Exception {
        assertThat(targets()).extracting(Class::getSimpleName).allMatch(n -> n.endsWith("FuzzTest"));
    }

    /** The concrete fuzz targets compiled into this package. */
    private static List<Class<?>> targets() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(FuzzTargetsTest.class.getResource("")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .<Class<?>>map(n -> load(FuzzTargetsTest.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length())))
                    .filter(c -> FuzzTarget.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newInstance(Class<?> c) {
        try {
            var constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
