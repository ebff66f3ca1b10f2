-- Grain state on PostgreSQL: the table and the four statements Orleans' ADO.NET grain storage provider
-- (AddAdoNetGrainStorage, invariant "Npgsql") looks up in OrleansQuery when it starts. The provider package
-- ships no SQL; this is the project's own, written against the provider's contract.
--
-- Apply with:  psql "<connection>" -v ON_ERROR_STOP=1 -f deploy/sql/postgresql/storage.sql
-- or let the server apply it (Routing:Storage:PostgreSql:ApplySchemaOnStart=true). Every statement is
-- harmless to repeat, and the whole script is one transaction serialized by an advisory lock, so silos
-- starting together never see half a schema nor trip over each other's CREATE TABLE.

BEGIN;

-- Same key as in clustering.sql: both scripts take one lock, whichever runs first.
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('routing-schema')); END $$;

-- Orleans reads its statements with "SELECT QueryKey, QueryText FROM OrleansQuery". Unquoted, PostgreSQL
-- lower-cases these names, and so it does in that query: the table is orleansquery (querykey, querytext).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per (service, state name, grain id).
--
-- The provider splits a grain key itself: a key that parses as a GUID or as hex digits (an integer key),
-- optionally followed by '+extension', arrives as @GrainIdN0/@GrainIdN1 plus the extension; any other key
-- arrives whole in @GrainIdExtensionString with N0 = N1 = 0. StringKeyGrainStorage hands it every key behind
-- the prefix 's:', which never parses, so every row here has N0 = N1 = 0 and a key like 's:agent-7': string
-- keys such as 'ff' and '00FF' stay two rows instead of meeting as the integer 255.
-- Orleans sends NULL when a key has no extension; it is stored as '' so the natural key can be the primary key
-- (a unique constraint treats NULLs as distinct and would let two rows in for one grain).
--
-- The provider also sends hashes of the id and type (@GrainIdHash, @GrainTypeHash) for databases that
-- prefer to index a narrow integer. The primary key below indexes the natural key directly, so a hash would
-- only add collisions to reason about; they are ignored.
--
-- payload is json, not jsonb: json keeps the text exactly as System.Text.Json wrote it, while jsonb reorders
-- keys, and System.Text.Json wants its "$type"/"$id" metadata first. json still refuses text that is not JSON,
-- so configuring a binary serializer on this provider fails the first write loudly. NULL means "cleared":
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

-- The statements are stored as SQL string literals: inside them a quote is written twice ('''' is the empty
-- string). The provider binds parameters by name (@Name); ones a statement does not mention are ignored.
-- Result columns are quoted aliases in the exact case the provider asks for.
--
-- Contract with AdoNetGrainStorage:
--   read          -> at most one row (PayloadBinary, Version); PayloadBinary NULL = cleared.
--   write/clear   -> one NewGrainStateVersion; no row means the ETag did not match, which the provider
--                    reports as InconsistentStateException.
--   delete        -> like clear, but removes the row (used when DeleteStateOnClear is set).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    'SELECT convert_to(payload::text, ''UTF8'') AS "PayloadBinary", version AS "Version"
     FROM grain_state
     WHERE service_id = @ServiceId
       AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension = coalesce(@GrainIdExtensionString, '''');'
),
(
    -- One statement, two guarded branches, at most one of which changes a row:
    -- no ETag (@GrainStateVersion NULL): insert at version 1 only if no row exists for the grain
    --   (ON CONFLICT DO NOTHING returns no row: another activation wrote first);
    -- an ETag: update only the row still at that version, returning the incremented version.
    --   A vanished row is a conflict too, never silently re-created.
    'WriteToStorageKey',
    'WITH inserted AS (
         INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
         SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''),
                convert_from(@PayloadBinary, ''UTF8'')::json, 1
         WHERE @GrainStateVersion IS NULL
         ON CONFLICT DO NOTHING
         RETURNING version
     ),
     updated AS (
         UPDATE grain_state
         SET payload = convert_from(@PayloadBinary, ''UTF8'')::json,
             version = version + 1,
             modified_on = now()
         WHERE service_id = @ServiceId
           AND grain_type = @GrainTypeString
           AND grain_id_n0 = @GrainIdN0
           AND grain_id_n1 = @GrainIdN1
           AND grain_id_extension = coalesce(@GrainIdExtensionString, '''')
           AND version = @GrainStateVersion
         RETURNING version
     )
     SELECT version AS "NewGrainStateVersion" FROM inserted
     UNION ALL
     SELECT version FROM updated;'
),
(
    -- Clearing keeps the row (payload NULL) and bumps the version, so a writer holding the pre-clear ETag
    -- still conflicts.
    'ClearStorageKey',
    'UPDATE grain_state
     SET payload = NULL,
         version = version + 1,
         modified_on = now()
     WHERE service_id = @ServiceId
       AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension = coalesce(@GrainIdExtensionString, '''')
       AND version = @GrainStateVersion
     RETURNING version AS "NewGrainStateVersion";'
),
(
    -- The provider compares the returned value with the ETag it sent, so a successful delete returns the
    -- deleted version + 1, never the version itself.
    'DeleteStorageKey',
    'DELETE FROM grain_state
     WHERE service_id = @ServiceId
       AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_extension = coalesce(@GrainIdExtensionString, '''')
       AND version = @GrainStateVersion
     RETURNING version + 1 AS "NewGrainStateVersion";'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

COMMIT;
