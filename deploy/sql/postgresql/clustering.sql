-- Cluster membership on PostgreSQL: the tables and the statements Orleans' ADO.NET clustering provider
-- (UseAdoNetClustering, invariant "Npgsql") looks up in OrleansQuery when a silo starts. The provider package
-- ships no SQL; this is the project's own, written against the provider's contract (the query keys, the
-- parameters it binds and the columns it reads).
--
-- Apply with:  psql "<connection>" -v ON_ERROR_STOP=1 -f deploy/sql/postgresql/clustering.sql
-- or let the server apply it (Routing:Storage:PostgreSql:ApplySchemaOnStart=true). Every statement is
-- harmless to repeat, and the whole script is one transaction serialized by an advisory lock.
--
-- How Orleans uses the table: every silo has a row (address, port, generation = its start time) with its
-- status and last "I am alive" time, and the silos of a cluster watch each other through it. Each change of a
-- row (join, status change, a suspicion vote) must also move the cluster's version row by exactly one, guarded
-- by the version the writer last read: that optimistic check is what keeps two silos from both declaring a
-- third dead on stale data. Parameter @DeploymentId is the cluster id.

BEGIN;

-- Same key as in storage.sql: both scripts take one lock, whichever runs first.
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('routing-schema')); END $$;

-- Orleans reads its statements with "SELECT QueryKey, QueryText FROM OrleansQuery" (lower-cased by
-- PostgreSQL, like these names).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per cluster: the membership table's version (its ETag).
CREATE TABLE IF NOT EXISTS membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    modified_on   timestamptz  NOT NULL DEFAULT now()
);

-- One row per silo incarnation. suspect_times is Orleans' own text ("silo,time|silo,time"), stored as given.
-- status holds Orleans' SiloStatus numbers: 3 Active, 6 Dead (the two the statements below name).
CREATE TABLE IF NOT EXISTS membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- The statements are SQL string literals (a quote inside is written twice). Result columns are quoted aliases
-- in the exact case the provider asks for.
--
-- Contract with AdoNetClusteringTable / RelationalOrleansQueries:
--   InsertMembershipVersionKey   -> one boolean: was the version row created now.
--   InsertMembershipKey          -> one boolean: row inserted and version moved from @Version, or neither.
--   UpdateMembershipKey          -> one boolean: row updated and version moved from @Version, or neither.
--   MembershipReadRowKey/AllKey  -> at least one row while the cluster's version row exists: the version,
--                                   with the silo columns NULL when no silo matches (StartTime NULL = no silo).
--   GatewaysQueryKey             -> Address, ProxyPort, Generation of silos with @Status that run a gateway.
--   UpdateIAmAlivetimeKey, DeleteMembershipTableEntriesKey, CleanupDefunctSiloEntriesKey -> nothing read.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    'WITH created AS (
         INSERT INTO membership_version (deployment_id)
         VALUES (@DeploymentId)
         ON CONFLICT DO NOTHING
         RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM created) AS "Created";'
),
(
    -- The version row is locked by the UPDATE, so two silos inserting at once are serialized, and the second
    -- finds the version moved and inserts nothing. A silo already in the table leaves the version alone.
    'InsertMembershipKey',
    'WITH bumped AS (
         UPDATE membership_version
         SET version = version + 1,
             modified_on = now()
         WHERE deployment_id = @DeploymentId
           AND version = @Version
           AND NOT EXISTS (
               SELECT 1 FROM membership
               WHERE deployment_id = @DeploymentId
                 AND address = @Address AND port = @Port AND generation = @Generation)
         RETURNING deployment_id
     ),
     inserted AS (
         INSERT INTO membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                 proxy_port, start_time, i_am_alive_time)
         SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                coalesce(@ProxyPort, 0), @StartTime, @IAmAliveTime
         FROM bumped
         RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted";'
),
(
    'UpdateMembershipKey',
    'WITH bumped AS (
         UPDATE membership_version
         SET version = version + 1,
             modified_on = now()
         WHERE deployment_id = @DeploymentId
           AND version = @Version
           AND EXISTS (
               SELECT 1 FROM membership
               WHERE deployment_id = @DeploymentId
                 AND address = @Address AND port = @Port AND generation = @Generation)
         RETURNING deployment_id
     ),
     updated AS (
         UPDATE membership AS m
         SET status = @Status,
             suspect_times = @SuspectTimes,
             i_am_alive_time = @IAmAliveTime
         FROM bumped
         WHERE m.deployment_id = bumped.deployment_id
           AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
         RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM updated) AS "Updated";'
),
(
    -- A heartbeat: not a membership change, so the version stays.
    'UpdateIAmAlivetimeKey',
    'UPDATE membership
     SET i_am_alive_time = @IAmAliveTime
     WHERE deployment_id = @DeploymentId
       AND address = @Address AND port = @Port AND generation = @Generation;'
),
(
    'MembershipReadRowKey',
    'SELECT v.version AS "Version",
            m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
            m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
            m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
            m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
     FROM membership_version AS v
     LEFT JOIN membership AS m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId;'
),
(
    'MembershipReadAllKey',
    'SELECT v.version AS "Version",
            m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
            m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
            m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
            m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
     FROM membership_version AS v
     LEFT JOIN membership AS m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId;'
),
(
    -- Clients ask for Active silos (@Status = 3); a silo without a gateway has proxy port 0.
    'GatewaysQueryKey',
    'SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
     FROM membership
     WHERE deployment_id = @DeploymentId
       AND status = @Status
       AND proxy_port > 0;'
),
(
    -- The version row goes too (its silo rows cascade): the cluster starts over from nothing.
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM membership_version
     WHERE deployment_id = @DeploymentId;'
),
(
    -- Only silos already declared Dead (SiloStatus 6) whose last heartbeat is older than @IAmAliveTime.
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM membership
     WHERE deployment_id = @DeploymentId
       AND i_am_alive_time < @IAmAliveTime
       AND status = 6;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

COMMIT;
