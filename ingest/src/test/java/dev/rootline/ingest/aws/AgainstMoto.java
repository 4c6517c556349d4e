package dev.rootline.ingest.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

/**
 * The fixture of the pull tests that run against moto: one server and one set of clients per test class,
 * and a server emptied before each test, ahead of the subclass's own {@code @BeforeEach} seeding.
 */
abstract class AgainstMoto {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static AwsClients aws;

    @BeforeAll
    static void openClients() {
        aws = new AwsClients(MOTO.settings());
    }

    @AfterAll
    static void closeClients() {
        aws.close();
    }

    @BeforeEach
    void resetMoto() throws IOException {
        MOTO.reset();
    }
}
