package org.botoxclinic.platform.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {

    static boolean initialised;

    /** Stands for a class that a training run loaded but never used. */
    static class LoadedNeverUsed {
        static {
            initialised = true;
        }

        int field;
    }

    @Test
    void shouldPickOnlyClassesReadFromClassFiles() {
        List<String> names = ArchiveTraining.classesReadFromFiles(Stream.of(
                "java.lang.Object source: shared objects file",
                "org.hibernate.Session source: shared objects file (top)",
                "org.hibernate.query.Query source: file:/srv/app/lib/main/org.hibernate.orm.hibernate-core.jar",
                "[2.301s] org.apache.kafka.common.Node source: file:/srv/app/lib/main/kafka-clients.jar",
                "jdk.internal.misc.Foo source: jrt:/java.base",
                "org.hibernate.query.Query source: file:/srv/app/lib/main/org.hibernate.orm.hibernate-core.jar",
                "java.lang.invoke.LambdaForm$MH/0x0000000800c01000 source: __JVM_LookupDefineClass__",
                "com.sun.proxy.$Proxy12 source: __dynamic_proxy__",
                "a line without a source"));

        assertEquals(List.of("org.hibernate.query.Query", "org.apache.kafka.common.Node", "jdk.internal.misc.Foo"), names);
    }

    @Test
    void shouldLinkWithoutInitialisingAndCountWhatCannotBeFound() {
        ArchiveTraining.Linked result = ArchiveTraining.link(
                List.of(LoadedNeverUsed.class.getName(), "org.botoxclinic.NoSuchClass"), getClass().getClassLoader());

        assertEquals(new ArchiveTraining.Linked(1, 1), result);
        assertFalse(initialised, "linking must not run the class's static initialiser");
    }
}
