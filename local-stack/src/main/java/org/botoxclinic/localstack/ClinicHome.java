package org.botoxclinic.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code .clinic/} directory of a checkout, where the local run keeps its data and logs (git-ignored). */
record ClinicHome(Path root) {

    static ClinicHome at(Path repositoryRoot) {
        return in(repositoryRoot.resolve(".clinic"));
    }

    /** A home somewhere else ({@code CLINIC_HOME}), e.g. the fault suite's, beside a developer's own stack. */
    static ClinicHome in(Path directory) {
        ClinicHome home = new ClinicHome(directory.toAbsolutePath().normalize());
        try {
            Files.createDirectories(home.logs());
            Files.createDirectories(home.root().resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home.root(), e);
        }
        return home;
    }

    Path postgresData() {
        return root.resolve("data").resolve("postgres");
    }

    Path kafkaData() {
        return root.resolve("data").resolve("kafka");
    }

    /** The local broker's logins; beside its log, so that a reset removes both. */
    Path kafkaUsers() {
        return root.resolve("data").resolve(KafkaUsers.FILE);
    }

    Path logs() {
        return root.resolve("logs");
    }
}
