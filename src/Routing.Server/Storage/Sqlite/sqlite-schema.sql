-- Grain state for the embedded default deployment: one SQLite file (WAL), written by the silo's
-- GroupCommitGrainStorage (Storage/GroupCommit), which batches the writes of all grains into one
-- transaction per round trip.
--
-- This script runs at every silo start (SqliteSchema.EnsureCreatedAsync, inside one IMMEDIATE
-- transaction): every statement must be harmless to repeat. Journal mode (WAL) is set by the C#
-- side because SQLite refuses to change it inside a transaction.

-- One row per (service, state name, grain id).
--
-- The layout is the one Orleans' ADO.NET grain storage provider used, which wrote this table in
-- earlier versions, so their files read back unchanged. GroupCommitGrainStorage stores every key
-- whole as a string behind the prefix 's:' in GrainIdExtension ('s:agent-7'), with GrainIdN0 =
-- GrainIdN1 = 0: string keys such as 'ff' and '00FF' stay two rows.
--
-- PayloadJson is TEXT so an operator can read a row (json_extract, sqlite3 CLI). The CHECK keeps
-- the column honest: a payload that is not JSON fails its write loudly instead of storing bytes
-- nothing else can read. NULL means "cleared" (the record does not exist, but its version is kept
-- so a stale writer still conflicts).
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

-- One row per entry of a grain's state (GroupCommitGrainStorage as IGrainEntryStorage): what a grain keeps
-- many of, such as a queue's waiting contacts, written one entry per change and read back together on
-- activation. GrainIdExtension holds the grain's key as in GrainState ('s:billing'); Version is the entry's
-- ETag, and a deleted entry leaves no row.
CREATE TABLE IF NOT EXISTS GrainEntry
(
    ServiceId        TEXT    NOT NULL,
    GrainType        TEXT    NOT NULL,
    GrainIdExtension TEXT    NOT NULL,
    EntryKey         TEXT    NOT NULL,
    PayloadJson      TEXT    NOT NULL CHECK (json_valid(PayloadJson)),
    Version          INTEGER NOT NULL CHECK (Version > 0),
    ModifiedOn       TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainIdExtension, EntryKey)
) STRICT, WITHOUT ROWID;

-- Earlier versions kept the statements of Orleans' ADO.NET provider here; nothing reads them now.
DROP TABLE IF EXISTS OrleansQuery;
