#!/bin/bash
# Creates one database and one owning login role per service: referral, insurance, scheduling.
# Run by the postgres image from /docker-entrypoint-initdb.d on the first start only (when the data
# volume is empty); changing a password later needs ALTER ROLE, or a fresh volume.
# Passwords come from REFERRAL_DB_PASSWORD, INSURANCE_DB_PASSWORD and SCHEDULING_DB_PASSWORD.
set -euo pipefail

create_service_database() {
    local name="$1"
    local password="$2"
    if [ -z "$password" ]; then
        echo "init-databases: no password given for database '$name'" >&2
        exit 1
    fi
    # psql variables quote the identifier and the password, so no value is pasted into SQL.
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
        -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    echo "init-databases: created database and role '$name'"
}

create_service_database referral "${REFERRAL_DB_PASSWORD:-}"
create_service_database insurance "${INSURANCE_DB_PASSWORD:-}"
create_service_database scheduling "${SCHEDULING_DB_PASSWORD:-}"
