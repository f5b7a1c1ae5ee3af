package org.botoxclinic.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.botoxclinic.testkit.ClinicKafkaAccess;
import org.botoxclinic.testkit.KafkaCredentials;

/**
 * The local broker's logins (the admin and one per service), generated on the first start of a clinic home and kept
 * in {@code data/kafka-users.properties}, readable by its owner only; {@code ./clinic} hands each service its own.
 * It lives beside the Kafka log, so {@code ./clinic reset} removes both and the next start makes new ones.
 */
record KafkaUsers(KafkaCredentials admin, List<KafkaCredentials> services) {

    static final String FILE = "kafka-users.properties";

    static KafkaUsers loadOrCreate(Path file) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                stored.load(in);
            }
        }
        boolean added = false;
        for (String user : ClinicKafkaAccess.users()) {
            if (stored.getProperty(user) == null) {
                stored.setProperty(user, KafkaCredentials.generate(user).password());
                added = true;
            }
        }
        if (added) {
            write(file, stored);
        }
        KafkaCredentials admin = new KafkaCredentials(ClinicKafkaAccess.ADMIN, stored.getProperty(ClinicKafkaAccess.ADMIN));
        List<KafkaCredentials> services = ClinicKafkaAccess.SERVICES.stream()
                .map(s -> new KafkaCredentials(s.user(), stored.getProperty(s.user()))).toList();
        return new KafkaUsers(admin, services);
    }

    private static void write(Path file, Properties users) throws IOException {
        Files.createDirectories(file.getParent());
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(fresh, StandardOpenOption.TRUNCATE_EXISTING)) {
            users.store(out, "Kafka logins of the local stack (user=password); ./clinic passes each service its own");
        }
        Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
