-- The PWAF audit query of docs/getting-started.md (in a file: a '%' in an endpoint URI is read as an escape).
SELECT count(*) AS calls FROM system.access.audit WHERE lower(user_agent) LIKE '%acme_clismoke%'
