#!/bin/bash
# Creates, per service (referral, insurance, scheduling), one database and two login roles:
#   <name>_owner  owns the database and runs the service's migrations (DB_MIGRATION_USERNAME);
#   <name>        the service's runtime login (DB_USERNAME): the migrations grant it full DML on the service's
#                 tables but only INSERT and SELECT on the audit trail, so it can never change or empty it.
# Run by the postgres image from /docker-entrypoint-initdb.d on the first start only (when the data
# volume is empty); changing a password later needs ALTER ROLE, or a fresh volume.
# Passwords come from REFERRAL_DB_PASSWORD / REFERRAL_DB_OWNER_PASSWORD, INSURANCE_DB_PASSWORD /
# INSURANCE_DB_OWNER_PASSWORD and SCHEDULING_DB_PASSWORD / SCHEDULING_DB_OWNER_PASSWORD.
set -euo pipefail

create_service_database() {
    local name="$1"
    local password="$2"
    local owner_password="$3"
    if [ -z "$password" ] || [ -z "$owner_password" ]; then
        echo "init-databases: no runtime or owner password given for database '$name'" >&2
        exit 1
    fi
    if [ "$password" = "$owner_password" ]; then
        echo "init-databases: the runtime and owner passwords of '$name' must differ" >&2
        exit 1
    fi
    # psql variables quote the identifiers and the passwords, so no value is pasted into SQL.
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
        -v name="$name" -v owner="${name}_owner" -v password="$password" -v owner_password="$owner_password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"owner";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"name" TO :"name";
SQL
    echo "init-databases: created database '$name', its owner '${name}_owner' and runtime login '$name'"
}

create_service_database referral "${REFERRAL_DB_PASSWORD:-}" "${REFERRAL_DB_OWNER_PASSWORD:-}"
create_service_database insurance "${INSURANCE_DB_PASSWORD:-}" "${INSURANCE_DB_OWNER_PASSWORD:-}"
create_service_database scheduling "${SCHEDULING_DB_PASSWORD:-}" "${SCHEDULING_DB_OWNER_PASSWORD:-}"
