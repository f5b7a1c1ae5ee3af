package org.botoxclinic.localstack;

/** Where a PostgreSQL server listens and which account may create the service databases there. */
record PostgresTarget(String host, int port, String adminUser, String adminPassword) {

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
