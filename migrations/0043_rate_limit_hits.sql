-- API requests per client (key: "account:ID" or "ip:ADDRESS") and fixed window (window_start:
-- seconds since the epoch), added up over every `serve` process: each process adds the requests
-- it admitted about once a second, in one statement, and reads back the totals. Unlogged: the
-- counts live for minutes, so they are not worth the write-ahead log; after a crash the table
-- starts empty and limits start afresh, as after a restart of a single process.
CREATE UNLOGGED TABLE rate_limit_hits (
  key          text NOT NULL,
  window_start bigint NOT NULL,
  hits         bigint NOT NULL,
  PRIMARY KEY (key, window_start)
);
-- Ended windows are deleted by their start.
CREATE INDEX rate_limit_hits_window_start ON rate_limit_hits (window_start);
