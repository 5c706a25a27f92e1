// Conformance of the official Databricks Node.js driver (@databricks/sql) against LocalWarehouse.
//
// Starts nothing: run.sh starts the standalone jar with --tls and exports LW_HOST, LW_PORT, LW_PATH, LW_TOKEN,
// LW_BASE_URL and NODE_EXTRA_CA_CERTS (the warehouse's CA, so TLS verification stays on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DBSQLClient, thrift } from '@databricks/sql';
import { RecordBatchReader } from 'apache-arrow';

const { TTypeId, TSparkRowSetType } = thrift.TCLIService_types;

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
// run.sh starts the jar with --cloud-fetch-threshold / --cloud-fetch-file-rows and exports both
const CLOUD_FETCH_THRESHOLD = Number(env('LW_CLOUD_FETCH_THRESHOLD'));
const CLOUD_FETCH_FILE_ROWS = Number(env('LW_CLOUD_FETCH_FILE_ROWS'));

// A logger that drops the driver's info lines (the test runner's output stays readable) and keeps errors.
const logger = {
  log(level, message) {
    if (level === 'error') process.stderr.write(`[@databricks/sql] ${message}\n`);
  },
};

// `config` is the driver's ClientConfig (arrowEnabled, useArrowNativeTypes, useCloudFetch, ...): connect() does not
// take those, so they are set on client.getConfig() as the driver's own e2e tests do (they stub getConfig).
async function connect(extra = {}, config = {}) {
  const client = new DBSQLClient({ logger });
  Object.assign(client.getConfig(), config);
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

// Runs a statement and returns its rows with what describes them: the Thrift result format, lz4Compressed, the
// TTypeId of each column (getSchema()) and the Spark:DataType:SqlName of each field of the Arrow schema.
async function described(session, sql, options = {}) {
  const op = await session.executeStatement(sql, options);
  try {
    const metadata = await op.getMetadata();
    const schema = await op.getSchema();
    const rows = await op.fetchAll();
    let sqlNames = null;
    if (metadata.arrowSchema) {
      const reader = RecordBatchReader.from(metadata.arrowSchema);
      reader.open();
      sqlNames = Object.fromEntries(reader.schema.fields.map((f) => [f.name, f.metadata.get('Spark:DataType:SqlName')]));
    }
    const types = Object.fromEntries(
      schema.columns.map((c) => [c.columnName, TTypeId[c.typeDesc.types[0].primitiveEntry.type]]),
    );
    return { rows, format: TSparkRowSetType[metadata.resultFormat], lz4: Boolean(metadata.lz4Compressed), types, sqlNames };
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

// Complex types. @databricks/sql 2.1.0 (dist/thrift-backend/ThriftSessionBackend.js getArrowOptions) sends
// canReadArrowResult and useArrowNativeTypes {timestampAsArrow, decimalAsArrow, complexTypesAsArrow: true,
// intervalTypesAsArrow: false} by default and never nullTypeAsArrow. dist/result/ArrowResultConverter.js turns Arrow
// List into JS arrays, Map (MapRow.toJSON) into plain objects with string keys, Struct into plain objects, nested
// values recursively; for text (column-based sets, or Arrow without native types) dist/result/utils.js
// convertThriftValue JSON.parses ARRAY_TYPE (default []), MAP_TYPE and STRUCT_TYPE (default {}). The driver's own e2e
// fixtures against a real warehouse (tests/fixtures/compatibility/expected.ts, thrift_schema.ts) expect exactly such
// arrays/objects, with ARRAY_TYPE (10), MAP_TYPE (11), STRUCT_TYPE (12) in the Thrift schema.
const COMPLEX_SELECT = `SELECT array(1, 2, 3) a, map('k', 1) m, named_struct('x', 1, 'y', 'z') s, NULL n`;

test('complex types as native Arrow: array(1,2,3), map(\'k\', 1), named_struct(...) and NULL read back as a JS array, objects and null', async () => {
  const r = await described(session, COMPLEX_SELECT);
  assert.equal(r.format, 'ARROW_BASED_SET');
  assert.deepEqual(r.rows, [{ a: [1, 2, 3], m: { k: 1 }, s: { x: 1, y: 'z' }, n: null }]);
  assert.ok(Array.isArray(r.rows[0].a), 'ARRAY as a JS array');
  assert.equal(Object.getPrototypeOf(r.rows[0].m), Object.prototype, 'MAP as a plain object (not a Map)');
  assert.deepEqual(r.types, { a: 'ARRAY_TYPE', m: 'MAP_TYPE', s: 'STRUCT_TYPE', n: 'NULL_TYPE' });
  // NULL_TYPE is LocalWarehouse's choice for every client; a real warehouse may type `SELECT NULL` STRING for a client
  // that sends no nullTypeAsArrow (README, "What differs"): the value is null either way.
  assert.deepEqual(r.sqlNames, { a: 'ARRAY<INT>', m: 'MAP<STRING, INT>', s: 'STRUCT<x: INT, y: STRING>', n: 'VOID' });
});

test('nested complex types as native Arrow (arrays of arrays and structs, maps of arrays, structs of structs and maps)', async () => {
  const r = await described(
    session,
    `SELECT array(array(1, 2), array(3)) aa, map('a', array(1, 2), 'b', array(3)) ma,
            named_struct('p', named_struct('q', CAST(1.5 AS DOUBLE), 'r', array('u', 'v')), 'm', map(1, 'one')) ss,
            array(named_struct('k', 'a', 'v', 1), named_struct('k', 'b', 'v', NULL)) arr_s, array(1, NULL, 3) an,
            CAST(NULL AS ARRAY<INT>) na, array(CAST(1.25 AS DECIMAL(5,2))) ad, array(DATE '2024-01-31') adt,
            array(TIMESTAMP '2024-01-31 12:34:56.789') ats`,
  );
  assert.equal(r.rows.length, 1);
  const row = r.rows[0];
  assert.deepEqual(row.aa, [[1, 2], [3]]);
  assert.deepEqual(row.ma, { a: [1, 2], b: [3] });
  // a MAP<INT, STRING> key becomes the string '1' (MapRow.toJSON)
  assert.deepEqual(row.ss, { p: { q: 1.5, r: ['u', 'v'] }, m: { 1: 'one' } });
  assert.deepEqual(row.arr_s, [{ k: 'a', v: 1 }, { k: 'b', v: null }]);
  assert.deepEqual(row.an, [1, null, 3]);
  assert.equal(row.na, null);
  // nested DECIMAL as a number (Decimal128 / 10^scale), nested DATE and TIMESTAMP as Date objects
  assert.deepEqual(row.ad, [1.25]);
  assert.ok(row.adt[0] instanceof Date && row.ats[0] instanceof Date);
  assert.equal(row.adt[0].toISOString(), '2024-01-31T00:00:00.000Z');
  assert.equal(row.ats[0].toISOString(), '2024-01-31T12:34:56.789Z');
  assert.deepEqual(r.types, {
    aa: 'ARRAY_TYPE', ma: 'MAP_TYPE', ss: 'STRUCT_TYPE', arr_s: 'ARRAY_TYPE', an: 'ARRAY_TYPE', na: 'ARRAY_TYPE',
    ad: 'ARRAY_TYPE', adt: 'ARRAY_TYPE', ats: 'ARRAY_TYPE',
  });
  assert.deepEqual(r.sqlNames, {
    aa: 'ARRAY<ARRAY<INT>>',
    ma: 'MAP<STRING, ARRAY<INT>>',
    ss: 'STRUCT<p: STRUCT<q: DOUBLE, r: ARRAY<STRING>>, m: MAP<INT, STRING>>',
    arr_s: 'ARRAY<STRUCT<k: STRING, v: INT>>',
    an: 'ARRAY<INT>',
    na: 'ARRAY<INT>',
    ad: 'ARRAY<DECIMAL(5,2)>',
    adt: 'ARRAY<DATE>',
    ats: 'ARRAY<TIMESTAMP>',
  });
});

test('complex types as text (Arrow without native types, and column-based) are JSON.parsed by the driver to the same values', async () => {
  const sql = `${COMPLEX_SELECT}, array(named_struct('k', 'a', 'v', CAST(1.5 AS DOUBLE))) as2, map(1, 'one') mi`;
  // The text has the shape of Spark's toHiveString: a MAP<INT, ...> has bare keys ({1:"one"}), not JSON, so the driver's
  // JSON.parse fails and it returns its default {} (dist/result/utils.js convertJSON), on a real warehouse too.
  const expected = [{ a: [1, 2, 3], m: { k: 1 }, s: { x: 1, y: 'z' }, n: null, as2: [{ k: 'a', v: 1.5 }], mi: {} }];
  for (const [config, format] of [
    [{ useArrowNativeTypes: false }, 'ARROW_BASED_SET'],
    [{ arrowEnabled: false }, 'COLUMN_BASED_SET'],
  ]) {
    const own = await connect({}, config);
    const s = await own.openSession();
    try {
      const r = await described(s, sql);
      assert.equal(r.format, format, JSON.stringify(config));
      assert.deepEqual(r.rows, expected, JSON.stringify(config));
      assert.deepEqual(r.types, {
        a: 'ARRAY_TYPE', m: 'MAP_TYPE', s: 'STRUCT_TYPE', n: 'NULL_TYPE', as2: 'ARRAY_TYPE', mi: 'MAP_TYPE',
      });
      if (format === 'ARROW_BASED_SET') {
        assert.equal(r.sqlNames.s, 'STRUCT<x: INT, y: STRING>');
        assert.equal(r.sqlNames.mi, 'MAP<INT, STRING>');
      }
    } finally {
      await s.close();
      await own.close();
    }
  }
});

test('a table with ARRAY<INT>, MAP<STRING, INT>, STRUCT<...> and nested columns: INSERT with constructors, SELECT, getColumns, DESCRIBE', async () => {
  const table = `main.default.${TABLE}_complex`;
  await query(
    session,
    `CREATE TABLE ${table} (id INT, tags ARRAY<INT>, attrs MAP<STRING, INT>, person STRUCT<name: STRING, age: INT>,
                            nested ARRAY<STRUCT<k: STRING, vs: ARRAY<DOUBLE>>>)`,
  );
  try {
    assert.deepEqual(
      await query(
        session,
        `INSERT INTO ${table} VALUES
           (1, array(1, 2, 3), map('a', 1, 'b', 2), named_struct('name', 'Ann', 'age', 41),
               array(named_struct('k', 'x', 'vs', array(CAST(1.5 AS DOUBLE), CAST(2.5 AS DOUBLE))))),
           (2, array(), map(), named_struct('name', 'Bob', 'age', NULL), array()),
           (3, NULL, NULL, NULL, NULL),
           (4, array(NULL, 5), map('z', NULL), struct('Cy' AS name, 7 AS age),
               array(named_struct('k', 'y', 'vs', CAST(NULL AS ARRAY<DOUBLE>))))`,
      ),
      [{ num_affected_rows: 4, num_inserted_rows: 4 }],
    );
    const r = await described(session, `SELECT * FROM ${table} ORDER BY id`);
    assert.deepEqual(r.rows, [
      { id: 1, tags: [1, 2, 3], attrs: { a: 1, b: 2 }, person: { name: 'Ann', age: 41 }, nested: [{ k: 'x', vs: [1.5, 2.5] }] },
      { id: 2, tags: [], attrs: {}, person: { name: 'Bob', age: null }, nested: [] },
      { id: 3, tags: null, attrs: null, person: null, nested: null },
      { id: 4, tags: [null, 5], attrs: { z: null }, person: { name: 'Cy', age: 7 }, nested: [{ k: 'y', vs: null }] },
    ]);
    assert.deepEqual(r.types, { id: 'INT_TYPE', tags: 'ARRAY_TYPE', attrs: 'MAP_TYPE', person: 'STRUCT_TYPE', nested: 'ARRAY_TYPE' });
    assert.deepEqual(r.sqlNames, {
      id: 'INT',
      tags: 'ARRAY<INT>',
      attrs: 'MAP<STRING, INT>',
      person: 'STRUCT<name: STRING, age: INT>',
      nested: 'ARRAY<STRUCT<k: STRING, vs: ARRAY<DOUBLE>>>',
    });
    // field and map access (not array subscripts: see the report on 0-based indexes)
    assert.deepEqual(await query(session, `SELECT attrs['b'] b, person.name pn FROM ${table} ORDER BY id`), [
      { b: 2, pn: 'Ann' },
      { b: null, pn: 'Bob' },
      { b: null, pn: null },
      { b: null, pn: 'Cy' },
    ]);

    const op = await session.getColumns({ catalogName: 'main', schemaName: 'default', tableName: `${TABLE}_complex` });
    const columns = await op.fetchAll();
    await op.close();
    assert.deepEqual(
      columns.map((c) => [c.COLUMN_NAME, c.TYPE_NAME, Number(c.DATA_TYPE)]),
      [
        ['id', 'INT', 4],
        ['tags', 'ARRAY<INT>', 2003],
        ['attrs', 'MAP<STRING, INT>', 2000],
        ['person', 'STRUCT<name: STRING, age: INT>', 2002],
        ['nested', 'ARRAY<STRUCT<k: STRING, vs: ARRAY<DOUBLE>>>', 2003],
      ],
    );
    assert.deepEqual(
      (await query(session, `DESCRIBE ${table}`)).map((c) => [c.col_name, c.data_type]),
      [
        ['id', 'int'],
        ['tags', 'array<int>'],
        ['attrs', 'map<string,int>'],
        ['person', 'struct<name:string,age:int>'],
        ['nested', 'array<struct<k:string,vs:array<double>>>'],
      ],
    );
  } finally {
    await query(session, `DROP TABLE IF EXISTS ${table}`).catch(() => {});
  }
});

// CloudFetch. @databricks/sql 2.1.0: `useCloudFetch` is an executeStatement option (contracts/IDBSQLSession.d.ts),
// defaulting to the client config's useCloudFetch, true (DBSQLClient.getDefaultConfig); it is sent as
// canDownloadResult, and canDecompressLZ4Result is sent only when canDownloadResult is not true
// (thrift-backend/ThriftSessionBackend.js executeStatement), so CloudFetch files come uncompressed. The driver
// downloads each link with its own agent (so NODE_EXTRA_CA_CERTS) and refuses a link whose expiryTime (read as epoch
// milliseconds) has passed (result/CloudFetchResultHandler.js downloadLink).
// Rows, fetched in order: id and a string derived from it; returns [count, sum of id, every s === 'r' + id in order].
function checksum(rows) {
  let sum = 0;
  let inOrder = true;
  rows.forEach((r, i) => {
    sum += Number(r.id);
    if (Number(r.id) !== i || r.s !== `r${i}`) inOrder = false;
  });
  return [rows.length, sum, inOrder];
}

function auditSince(json, count) {
  return json.events.slice(count).filter((e) => e.action_name === 'commandSubmit' || e.action_name === 'fetchResults');
}

test('CloudFetch: a result above the threshold comes as URL_BASED_SET links, downloaded and read back exactly', async () => {
  const n = 123457;
  const sql = `SELECT id, concat('r', CAST(id AS STRING)) s FROM range(${n}) ORDER BY id`;
  const auditBefore = (await (await admin('GET', '/audit')).json()).events.length;
  const op = await session.executeStatement(sql);
  let rows;
  let handler;
  try {
    const metadata = await op.getMetadata();
    assert.equal(TSparkRowSetType[metadata.resultFormat], 'URL_BASED_SET');
    assert.equal(Boolean(metadata.lz4Compressed), false, 'no LZ4: the driver does not ask for it with CloudFetch');
    rows = await op.fetchAll();
    // DBSQLOperation.getResultHandler: the driver's hook for its e2e tests (ResultSlicer > ArrowResultConverter > ...)
    handler = (await op.getResultHandler()).source.source;
  } finally {
    await op.close();
  }
  assert.equal(handler.constructor.name, 'CloudFetchResultHandler');
  assert.deepEqual(checksum(rows), [n, (n * (n - 1)) / 2, true]);

  const events = auditSince(await (await admin('GET', '/audit')).json(), auditBefore);
  assert.equal(events[0].request_params.commandText, sql);
  for (const e of events) assert.equal(e.request_params.resultFormat, 'URL_BASED_SET', JSON.stringify(e.request_params));
  const links = events.reduce((sum, e) => sum + Number(e.request_params.resultLinks ?? 0), 0);
  assert.equal(links, Math.ceil(n / CLOUD_FETCH_FILE_ROWS), `links in ${JSON.stringify(events.map((e) => e.request_params))}`);
});

test('CloudFetch threshold: exactly the threshold stays inline, one row more goes by links; useCloudFetch: false keeps it inline', async () => {
  const sql = (n) => `SELECT id, concat('r', CAST(id AS STRING)) s FROM range(${n}) ORDER BY id`;
  const t = CLOUD_FETCH_THRESHOLD;
  const cases = [
    [t, {}, 'ARROW_BASED_SET', 'ARROW_BASED_SET'],
    [t + 1, {}, 'URL_BASED_SET', 'URL_BASED_SET'],
    // without canDownloadResult the driver asks for LZ4 (useLZ4Compression defaults to true)
    [t + 1, { useCloudFetch: false }, 'ARROW_BASED_SET', 'ARROW_BASED_SET+LZ4'],
  ];
  for (const [n, options, format, audited] of cases) {
    const auditBefore = (await (await admin('GET', '/audit')).json()).events.length;
    const r = await described(session, sql(n), options);
    const what = `${n} rows ${JSON.stringify(options)}`;
    assert.equal(r.format, format, what);
    assert.deepEqual(checksum(r.rows), [n, (n * (n - 1)) / 2, true], what);
    const events = auditSince(await (await admin('GET', '/audit')).json(), auditBefore);
    assert.ok(events.length > 0, what);
    for (const e of events) assert.equal(e.request_params.resultFormat, audited, what);
    const links = events.reduce((sum, e) => sum + Number(e.request_params.resultLinks ?? 0), 0);
    assert.equal(links, format === 'URL_BASED_SET' ? Math.ceil(n / CLOUD_FETCH_FILE_ROWS) : 0, what);
  }
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
