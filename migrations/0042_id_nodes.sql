-- Node numbers for id generation: every process that makes ids (each `serve`, each CLI command)
-- leases one at start and renews it while it runs, and its ids carry the number. Two processes
-- never hold the same node at once, so ids made in the same millisecond on different processes
-- or machines cannot collide. A process that dies stops renewing; its node is free again once
-- the lease has run out. Node 0 is never leased: it belongs to tools and tests that make ids
-- without a database of their own to share.
CREATE TABLE id_nodes (
  node         smallint PRIMARY KEY CHECK (node BETWEEN 1 AND 63),
  holder       text NOT NULL,
  leased_until timestamptz NOT NULL
);
