-- Grain state on PostgreSQL: the table the server's grain storage (GroupCommitGrainStorage, which batches the
-- writes of all grains of a silo into one round trip) reads and writes.
--
-- Apply with:  psql "<connection>" -v ON_ERROR_STOP=1 -f deploy/sql/postgresql/storage.sql
-- or let the server apply it (Routing:Storage:PostgreSql:ApplySchemaOnStart=true). Every statement is
-- harmless to repeat, and the whole script is one transaction serialized by an advisory lock, so silos
-- starting together never see half a schema nor trip over each other's CREATE TABLE.

BEGIN;

-- Same key as in clustering.sql: both scripts take one lock, whichever runs first.
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('routing-schema')); END $$;

-- One row per (service, state name, grain id).
--
-- The layout is the one Orleans' ADO.NET grain storage provider used, which wrote this table in earlier
-- versions, so their rows read back unchanged. Every key is stored whole as a string behind the prefix 's:' in
-- grain_id_extension ('s:agent-7'), with grain_id_n0 = grain_id_n1 = 0: string keys such as 'ff' and '00FF' stay
-- two rows.
--
-- payload is json, not jsonb: json keeps the text exactly as System.Text.Json wrote it, while jsonb reorders
-- keys, and System.Text.Json wants its "$type"/"$id" metadata first. json still refuses text that is not JSON,
-- so a payload that is not JSON fails its write loudly. NULL means "cleared":
-- the record does not exist, but its version stays so that a stale writer still conflicts.
--
-- version is the ETag: 1 on insert, +1 on every write or clear.
CREATE TABLE IF NOT EXISTS grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension varchar(512) NOT NULL,
    payload            json         NULL,
    version            integer      NOT NULL CHECK (version > 0),
    modified_on        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- One row per entry of a grain's state (GroupCommitGrainStorage as IGrainEntryStorage): what a grain keeps many
-- of, such as a queue's waiting contacts, written one entry per change and read back together on activation.
-- grain_id holds the grain's key as grain_id_extension does in grain_state ('s:billing'); version is the
-- entry's ETag, and a deleted entry leaves no row.
CREATE TABLE IF NOT EXISTS grain_entry
(
    service_id  varchar(150) NOT NULL,
    grain_type  varchar(512) NOT NULL,
    grain_id    varchar(512) NOT NULL,
    entry_key   varchar(512) NOT NULL,
    payload     json         NOT NULL,
    version     integer      NOT NULL CHECK (version > 0),
    modified_on timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id, entry_key)
);

-- Earlier versions kept the four statements of Orleans' ADO.NET grain storage in OrleansQuery; nothing reads
-- them now. (The table itself belongs to clustering.sql.)
DO $$
BEGIN
    IF to_regclass('orleansquery') IS NOT NULL THEN
        DELETE FROM orleansquery
        WHERE querykey IN ('ReadFromStorageKey', 'WriteToStorageKey', 'ClearStorageKey', 'DeleteStorageKey');
    END IF;
END $$;

COMMIT;
