package dev.rootline.ingest.fuzz;

/** {@code --type clouddriver}: Clouddriver and other Spring Boot logs. */
class SpringBootLogFuzzTest extends ParserFuzzTarget {
    SpringBootLogFuzzTest() {
        super("clouddriver", "clouddriver", "generic-logs/spring-boot", "/dev/rootline/ingest/applog");
    }
}
