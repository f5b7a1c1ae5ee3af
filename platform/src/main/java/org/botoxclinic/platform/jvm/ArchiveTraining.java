package org.botoxclinic.platform.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a class-data training run (the launcher's first run of each build, {@code -XX:ArchiveClassesAtExit}) leave an
 * archive that holds every class the service loaded from its jars. The JVM archives a class of Quarkus's own class
 * loader only if it was linked, and about 3,000 of them never are (loaded only to check a type while another class
 * was verified), so every start read them from the jars again. As the service stops, this links each class that the
 * run's class-load log ({@code -Xlog:class+load}, named by {@code clinic.cds.training-class-log}) shows was read from
 * a file. Linking verifies a class; it runs no static initialiser. Off unless the launcher names the log.
 */
@ApplicationScoped
public class ArchiveTraining {

    private static final Logger LOG = Logger.getLogger(ArchiveTraining.class);
    private static final String SOURCE = " source: ";

    /** What one training stop did: classes linked, and those that could not be (a missing optional dependency). */
    public record Linked(int linked, int failed) {
    }

    private final Optional<String> classLoadLog;
    private final ClassLoader applicationLoader;

    public ArchiveTraining(@ConfigProperty(name = "clinic.cds.training-class-log") Optional<String> classLoadLog) {
        this.classLoadLog = classLoadLog;
        this.applicationLoader = Thread.currentThread().getContextClassLoader();
    }

    void onStop(@Observes ShutdownEvent event) {
        classLoadLog.map(Path::of).filter(Files::isReadable).ifPresent(log -> {
            long started = System.nanoTime();
            try (Stream<String> lines = Files.lines(log)) {
                Linked result = link(classesReadFromFiles(lines), applicationLoader);
                LOG.infof("Class-data training: linked %d classes read from jars for the archive (%d could not be) in %d ms",
                        result.linked(), result.failed(), (System.nanoTime() - started) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Class-data training: the class-load log could not be read (%s); the archive holds what the JVM linked",
                        e.getClass().getSimpleName());
            }
        });
    }

    /**
     * The names of the classes that a {@code -Xlog:class+load} log shows were read from a class file (a jar, a
     * directory or the runtime image), not mapped from an archive or generated at run time (lambdas, proxies).
     */
    static List<String> classesReadFromFiles(Stream<String> lines) {
        return lines.map(line -> {
            int source = line.indexOf(SOURCE);
            if (source < 0) {
                return null;
            }
            String from = line.substring(source + SOURCE.length());
            if (!(from.startsWith("file:") || from.startsWith("jar:") || from.startsWith("jrt:"))) {
                return null;
            }
            String head = line.substring(0, source).trim();
            // Decorations such as [0.123s] come first when the log has them; the class name is the last word.
            return head.substring(head.lastIndexOf(' ') + 1);
        }).filter(name -> name != null && !name.isEmpty()).distinct().toList();
    }

    /** Links each class by name without initialising it (reflection links a class before it lists its members). */
    static Linked link(List<String> classNames, ClassLoader loader) {
        int linked = 0;
        int failed = 0;
        for (String name : classNames) {
            try {
                Class.forName(name, false, loader).getDeclaredFields();
                linked++;
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                failed++;
            }
        }
        return new Linked(linked, failed);
    }
}
