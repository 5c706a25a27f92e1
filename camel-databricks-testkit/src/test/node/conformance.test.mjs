// Conformance of the official Databricks Node.js driver (@databricks/sql) against LocalWarehouse.
//
// Starts nothing: run.sh starts the standalone jar with --tls and exports LW_HOST, LW_PORT, LW_PATH, LW_TOKEN,
// LW_BASE_URL and NODE_EXTRA_CA_CERTS (the warehouse's CA, so TLS verification stays on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBSQLClient } from '@databricks/sql';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through run.sh`);
  return value;
};
const HOST = env('LW_HOST');
const PORT = Number(env('LW_PORT'));
const PATH = env('LW_PATH');
const TOKEN = env('LW_TOKEN');
const BASE_URL = env('LW_BASE_URL');
const USER_AGENT_ENTRY = 'YourCompany_NodeConformance/1.0';
const TABLE = `node_conf_${process.pid}`;

// A logger that drops the driver's info lines (the test runner's output stays readable) and keeps errors.
const logger = {
  log(level, message) {
    if (level === 'error') process.stderr.write(`[@databricks/sql] ${message}\n`);
  },
};

async function connect(extra = {}) {
  const client = new DBSQLClient({ logger });
  await client.connect({
    host: HOST,
    port: PORT,
    path: PATH,
    token: TOKEN,
    userAgentEntry: USER_AGENT_ENTRY,
    // No telemetry and no feature-flag GET (https://<host>/api/2.0/connector-service/feature-flags/...);
    // run.sh also sets DATABRICKS_TELEMETRY_DISABLED=1, the driver's hard kill switch.
    telemetryEnabled: false,
    // short back-off so the 503 test does not wait the default 1 s minimum on top of Retry-After
    retryDelayMin: 100,
    retryMaxAttempts: 5,
    ...extra,
  });
  return client;
}

async function query(session, sql, options = {}) {
  const op = await session.executeStatement(sql, options);
  try {
    return await op.fetchAll();
  } finally {
    await op.close();
  }
}

async function admin(method, path, body) {
  const response = await fetch(`${BASE_URL}/localwarehouse/admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `admin ${method} ${path}: HTTP ${response.status} ${await response.clone().text()}`);
  return response;
}

let client;
let session;

before(async () => {
  client = await connect();
  session = await client.openSession();
  await query(session, `CREATE TABLE main.default.${TABLE} (id INT, name STRING, amount DECIMAL(10,2))`);
});

after(async () => {
  if (session) {
    await query(session, `DROP TABLE IF EXISTS main.default.${TABLE}`).catch(() => {});
    await session.close();
  }
  if (client) await client.close();
});

test('opens and closes a session; current_user() and current_catalog() are the warehouse defaults', async () => {
  const own = await connect();
  const s = await own.openSession();
  assert.ok(s.id, 'session id');
  assert.deepEqual(await query(s, 'SELECT current_user() u, current_catalog() c'), [
    { u: 'local-user@example.com', c: 'main' },
  ]);
  const status = await s.close();
  assert.equal(status.isSuccess, true);
  await own.close();
});

test('reads INT, BIGINT, DOUBLE, DECIMAL, STRING, BOOLEAN, DATE, TIMESTAMP and NULL back exactly', async () => {
  // preserveBigNumericPrecision: BIGINT as bigint and DECIMAL as exact string (else both become lossy numbers)
  const exact = await connect({ preserveBigNumericPrecision: true });
  const s = await exact.openSession();
  try {
    const rows = await query(
      s,
      `SELECT CAST(42 AS INT) i, CAST(9007199254740993 AS BIGINT) b, CAST(1.5 AS DOUBLE) d,
              CAST(12345.678 AS DECIMAL(10,3)) dec, 'héllo, wörld' s, true bo, DATE '2024-01-31' dt,
              TIMESTAMP '2024-01-31 12:34:56.789' ts, NULL n`,
    );
    assert.equal(rows.length, 1);
    const r = rows[0];
    assert.equal(r.i, 42);
    assert.equal(r.b, 9007199254740993n);
    assert.equal(r.d, 1.5);
    assert.equal(r.dec, '12345.678');
    assert.equal(r.s, 'héllo, wörld');
    assert.equal(r.bo, true);
    assert.ok(r.dt instanceof Date);
    assert.equal(r.dt.toISOString(), '2024-01-31T00:00:00.000Z');
    assert.ok(r.ts instanceof Date);
    assert.equal(r.ts.toISOString(), '2024-01-31T12:34:56.789Z');
    assert.equal(r.n, null);
    assert.deepEqual(Object.keys(r), ['i', 'b', 'd', 'dec', 's', 'bo', 'dt', 'ts', 'n']);
  } finally {
    await s.close();
    await exact.close();
  }
});

test('pages a result larger than one page (maxPageRows 20,000) and fetches every row once', async () => {
  const fetchesBefore = countAction(await (await admin('GET', '/audit')).json(), 'fetchResults');
  const all = await query(session, 'SELECT id FROM range(45000) ORDER BY id');
  const fetches = countAction(await (await admin('GET', '/audit')).json(), 'fetchResults') - fetchesBefore;
  assert.ok(fetches >= 2, `45,000 rows took ${fetches} FetchResults pages after the direct results (expected >= 2)`);
  assert.equal(all.length, 45000);
  assert.equal(Number(all[0].id), 0);
  assert.equal(Number(all[44999].id), 44999);
  assert.equal(all.reduce((sum, r) => sum + Number(r.id), 0), (44999 * 45000) / 2);

  // explicit chunks: the client asks for 1,000 rows at a time, the warehouse pages accordingly
  const op = await session.executeStatement('SELECT id FROM range(2500) ORDER BY id', { maxRows: 1000 });
  const sizes = [];
  const seen = [];
  do {
    const chunk = await op.fetchChunk({ maxRows: 1000 });
    sizes.push(chunk.length);
    seen.push(...chunk.map((r) => Number(r.id)));
  } while (await op.hasMoreRows());
  await op.close();
  assert.deepEqual(
    seen,
    Array.from({ length: 2500 }, (_, i) => i),
  );
  assert.ok(sizes.length >= 3, `at least three chunks, got ${sizes}`);
});

test('binds native named parameters (:name) with their types', async () => {
  const rows = await query(session, 'SELECT :n n, :s s, :b b, :d d, :missing IS NULL z', {
    namedParameters: { n: 7, s: "it's", b: false, d: 2.25, missing: null },
  });
  assert.deepEqual(rows, [{ n: 7, s: "it's", b: false, d: 2.25, z: true }]);
});

test('binds positional parameters in order (SELECT ? a, ? b, ? c)', async () => {
  const rows = await query(session, 'SELECT ? a, ? b, ? c', { ordinalParameters: [1, 'two', true] });
  assert.deepEqual(rows, [{ a: 1, b: 'two', c: true }]);
});

test('reports DML row counts (INSERT, UPDATE, DELETE) as numModifiedRows and num_affected_rows', async () => {
  const dml = async (sql) => {
    const op = await session.executeStatement(sql);
    try {
      const rows = await op.fetchAll();
      const status = await op.status();
      return { rows, modified: status.numModifiedRows === undefined || status.numModifiedRows === null
        ? null : Number(status.numModifiedRows.toString()) };
    } finally {
      await op.close();
    }
  };
  const insert = await dml(`INSERT INTO main.default.${TABLE} VALUES (1, 'a', 1.50), (2, 'b', 2.50), (3, 'c', 3.50)`);
  assert.deepEqual(insert.rows, [{ num_affected_rows: 3, num_inserted_rows: 3 }]);
  assert.equal(insert.modified, 3);

  const update = await dml(`UPDATE main.default.${TABLE} SET amount = amount + 1 WHERE id >= 2`);
  assert.deepEqual(update.rows, [{ num_affected_rows: 2 }]);
  assert.equal(update.modified, 2);

  const del = await dml(`DELETE FROM main.default.${TABLE} WHERE id = 1`);
  assert.deepEqual(del.rows, [{ num_affected_rows: 1 }]);
  assert.equal(del.modified, 1);

  assert.deepEqual(await query(session, `SELECT id, name, CAST(amount AS STRING) amount FROM main.default.${TABLE} ORDER BY id`), [
    { id: 2, name: 'b', amount: '3.50' },
    { id: 3, name: 'c', amount: '4.50' },
  ]);
});

test('metadata: getCatalogs, getSchemas, getTables and getColumns find the table the test created', async () => {
  const meta = async (promise) => {
    const op = await promise;
    try {
      return await op.fetchAll();
    } finally {
      await op.close();
    }
  };
  const catalogs = (await meta(session.getCatalogs())).map((r) => r.TABLE_CAT);
  for (const c of ['main', 'hive_metastore', 'samples', 'system']) assert.ok(catalogs.includes(c), `catalog ${c} in ${catalogs}`);

  const schemas = await meta(session.getSchemas({ catalogName: 'main' }));
  assert.ok(schemas.some((r) => r.TABLE_SCHEM === 'default' && r.TABLE_CATALOG === 'main'), JSON.stringify(schemas));

  const tables = await meta(session.getTables({ catalogName: 'main', schemaName: 'default', tableName: TABLE }));
  assert.equal(tables.length, 1, JSON.stringify(tables));
  assert.equal(tables[0].TABLE_CAT, 'main');
  assert.equal(tables[0].TABLE_SCHEM, 'default');
  assert.equal(tables[0].TABLE_NAME, TABLE);
  assert.equal(tables[0].TABLE_TYPE, 'TABLE');

  const columns = await meta(session.getColumns({ catalogName: 'main', schemaName: 'default', tableName: TABLE }));
  assert.deepEqual(
    columns.map((r) => [r.COLUMN_NAME, r.TYPE_NAME, Number(r.ORDINAL_POSITION)]),
    [
      ['id', 'INT', 1],
      ['name', 'STRING', 2],
      ['amount', 'DECIMAL(10,2)', 3],
    ],
  );
});

test('an analysis error (missing table) fails with TABLE_OR_VIEW_NOT_FOUND and SQLSTATE 42P01 in the message', async () => {
  await assert.rejects(
    query(session, 'SELECT * FROM main.default.no_such_table_anywhere'),
    (error) => {
      assert.match(error.message, /\[TABLE_OR_VIEW_NOT_FOUND\]/);
      assert.match(error.message, /no_such_table_anywhere/);
      assert.match(error.message, /SQLSTATE: 42P01/);
      return true;
    },
  );
  // the session is still usable
  assert.deepEqual(await query(session, 'SELECT 1 one'), [{ one: 1 }]);
});

// @databricks/sql retries a 503/429 only for the Thrift RPCs it knows to be safe to repeat (GetOperationStatus,
// CloseOperation, GetTables, ... in ThriftHttpConnection's retryableThriftMethods), never ExecuteStatement,
// OpenSession or FetchResults: a 503 there reaches the application, which retries the statement itself.
test('a 503 with Retry-After on ExecuteStatement reaches the application (not retried by the driver); the retried query succeeds', async () => {
  const before = countInjected(await (await admin('GET', '/audit')).json(), 'ExecuteStatement');
  await admin('POST', '/faults', { type: 'SERVICE_UNAVAILABLE', times: 1, rpc: 'ExecuteStatement', retryAfterSeconds: 1 });
  await assert.rejects(query(session, 'SELECT 41 + 1 answer'), (error) => {
    assert.equal(error.statusCode, 503);
    assert.match(error.message, /bad HTTP status code: 503/);
    assert.equal(error.response.headers.get('Retry-After'), '1');
    return true;
  });
  // the application's retry (the fault was consumed): same session, same statement
  assert.deepEqual(await query(session, 'SELECT 41 + 1 answer'), [{ answer: 42 }]);
  const after = countInjected(await (await admin('GET', '/audit')).json(), 'ExecuteStatement');
  assert.equal(after - before, 1, 'exactly one injected 503 was served');
});

test('a 503 with Retry-After on a retryable RPC (GetTables) is retried by the driver and the call succeeds', async () => {
  const before = countInjected(await (await admin('GET', '/audit')).json(), 'GetTables');
  await admin('POST', '/faults', { type: 'SERVICE_UNAVAILABLE', times: 1, rpc: 'GetTables', retryAfterSeconds: 1 });
  const op = await session.getTables({ catalogName: 'main', schemaName: 'default', tableName: TABLE });
  const tables = await op.fetchAll();
  await op.close();
  assert.deepEqual(tables.map((r) => r.TABLE_NAME), [TABLE]);
  const after = countInjected(await (await admin('GET', '/audit')).json(), 'GetTables');
  assert.equal(after - before, 1, 'exactly one injected 503 was served, then the retry succeeded');
});

// GET /localwarehouse/admin/audit answers {"events":[{..., "action_name", "request_params", "status_code"}]}
function countAction(json, action) {
  return json.events.filter((e) => e.action_name === action).length;
}

function countInjected(json, rpc) {
  return json.events.filter((e) => e.status_code === 503 && e.request_params?.rpc === rpc).length;
}

test('the PWAF audit query over system.access.audit shows this client\'s requests with its User-Agent', async () => {
  const rows = await query(
    session,
    `SELECT user_agent, action_name
     FROM system.access.audit
     WHERE event_time > current_timestamp() - INTERVAL 1 HOUR
     AND lower(user_agent) LIKE '%yourcompany%'
     ORDER BY event_time DESC
     LIMIT 1000`,
  );
  assert.ok(rows.length > 0, 'audited requests with the user agent entry');
  for (const r of rows) {
    assert.match(r.user_agent, /YourCompany_NodeConformance\/1\.0/);
    assert.match(r.user_agent, /NodejsDatabricksSqlConnector/);
  }
  const actions = new Set(rows.map((r) => r.action_name));
  for (const a of ['openSession', 'commandSubmit', 'closeSession', 'getTables', 'getColumns']) {
    assert.ok(actions.has(a), `action ${a} in ${[...actions].join(', ')}`);
  }
});
