-- Grain state for the embedded default deployment: Orleans' ADO.NET grain storage provider
-- (AddAdoNetGrainStorage, invariant "System.Data.SQLite") running on one SQLite file through
-- Microsoft.Data.Sqlite. The provider package ships no SQL, so the table and the four statements
-- the provider looks up in OrleansQuery at start are ours.
--
-- This script runs at every silo start (SqliteSchema.EnsureCreatedAsync, inside one IMMEDIATE
-- transaction): every statement must be harmless to repeat. Journal mode (WAL) is set by the C#
-- side because SQLite refuses to change it inside a transaction.

-- The provider reads its statements from here by QueryKey (fixed names it asks for).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) STRICT;

-- One row per (service, state name, grain id).
--
-- The provider also sends hashes of the id and type (@GrainIdHash, @GrainTypeHash) so that
-- server databases can index a narrow integer instead of long strings. SQLite indexes the natural
-- key directly and a hash would only add collisions to reason about, so they are ignored.
--
-- The provider splits a grain key itself: a key that parses as a GUID ('N' format) or as hex
-- digits (an integer key), optionally followed by '+extension', arrives as GrainIdN0/GrainIdN1
-- plus the extension; any other key arrives whole in GrainIdExtensionString with N0 = N1 = 0.
-- StringKeyGrainStorage hands it every key behind the prefix 's:', which never parses, so in
-- practice every row has N0 = N1 = 0 and the key column reads 's:agent-7': string keys such as
-- 'ff' and '00FF' stay apart instead of meeting as the integer 255.
-- Orleans sends NULL when there is no extension and never builds an empty one, so NULL is stored
-- as '' and the key is a plain NOT NULL primary key (a UNIQUE constraint would treat NULLs as
-- distinct and let two rows for one grain in).
--
-- PayloadJson is TEXT so an operator can read a row (json_extract, sqlite3 CLI); the provider
-- hands us bytes, which the statements cast to and from TEXT unchanged. The CHECK keeps the
-- column honest: configuring a binary serializer on this provider fails the first write loudly
-- instead of storing bytes nothing else can read. NULL means "cleared" (record does not exist,
-- but its version is kept so a stale writer still conflicts).
--
-- Version is the ETag: 1 on insert, +1 on every write or clear.
CREATE TABLE IF NOT EXISTS GrainState
(
    ServiceId        TEXT    NOT NULL,
    GrainType        TEXT    NOT NULL,
    GrainIdN0        INTEGER NOT NULL,
    GrainIdN1        INTEGER NOT NULL,
    GrainIdExtension TEXT    NOT NULL,
    PayloadJson      TEXT    NULL CHECK (PayloadJson IS NULL OR json_valid(PayloadJson)),
    Version          INTEGER NOT NULL CHECK (Version > 0),
    ModifiedOn       TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension)
) STRICT;

-- The statements below are stored as SQL string literals: inside them a quote is written twice
-- ('''' is the empty string, ''%Y...'' a format). Parameters are bound by name by the provider;
-- ones a statement does not mention are ignored.
--
-- Contract with AdoNetGrainStorage:
--   read          -> at most one row (PayloadBinary, Version); PayloadBinary NULL = cleared.
--   write/clear   -> one NewGrainStateVersion; no row means the ETag did not match, which the
--                    provider reports as InconsistentStateException.
--   delete        -> like clear, but removes the row (used when DeleteStateOnClear is set).
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    'SELECT CAST(PayloadJson AS BLOB) AS PayloadBinary, Version
     FROM GrainState
     WHERE ServiceId = @ServiceId
       AND GrainType = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtension = IFNULL(@GrainIdExtensionString, '''');'
),
(
    -- Two guarded statements, at most one of which changes a row:
    -- no ETag (@GrainStateVersion NULL): insert at version 1 only if no row exists for the grain
    --   (ON CONFLICT DO NOTHING returns no row: another activation wrote first);
    -- an ETag: update only the row still at that version, returning the incremented version.
    --   A vanished row is a conflict too, never silently re-created.
    'WriteToStorageKey',
    'INSERT INTO GrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, PayloadJson, Version, ModifiedOn)
     SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, IFNULL(@GrainIdExtensionString, ''''),
            CAST(@PayloadBinary AS TEXT), 1, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
     WHERE @GrainStateVersion IS NULL
     ON CONFLICT DO NOTHING
     RETURNING Version AS NewGrainStateVersion;

     UPDATE GrainState
     SET PayloadJson = CAST(@PayloadBinary AS TEXT),
         Version = Version + 1,
         ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
     WHERE ServiceId = @ServiceId
       AND GrainType = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtension = IFNULL(@GrainIdExtensionString, '''')
       AND Version = @GrainStateVersion
     RETURNING Version AS NewGrainStateVersion;'
),
(
    -- Clearing keeps the row (payload NULL) and bumps the version, so a writer holding the
    -- pre-clear ETag still conflicts.
    'ClearStorageKey',
    'UPDATE GrainState
     SET PayloadJson = NULL,
         Version = Version + 1,
         ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
     WHERE ServiceId = @ServiceId
       AND GrainType = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtension = IFNULL(@GrainIdExtensionString, '''')
       AND Version = @GrainStateVersion
     RETURNING Version AS NewGrainStateVersion;'
),
(
    -- The provider compares the returned value with the ETag it sent, so a successful delete
    -- returns the deleted version + 1, never the version itself.
    'DeleteStorageKey',
    'DELETE FROM GrainState
     WHERE ServiceId = @ServiceId
       AND GrainType = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtension = IFNULL(@GrainIdExtensionString, '''')
       AND Version = @GrainStateVersion
     RETURNING Version + 1 AS NewGrainStateVersion;'
);
