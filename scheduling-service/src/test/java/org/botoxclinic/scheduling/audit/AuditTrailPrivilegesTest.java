package org.botoxclinic.scheduling.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.botoxclinic.testkit.AuditTrailPrivileges;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service runs as a login that can only add to and read its audit trail (migrations ran as the database's
 * owner); on its other tables it has full DML, which every other test of the service exercises.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuditTrailPrivilegesTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void shouldLetTheServicesOwnLoginOnlyAddToAndReadTheAuditTrail() throws Exception {
        AuditTrailPrivileges.assertHeldFor(url, user, password);
    }
}
