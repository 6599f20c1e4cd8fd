/**
 * A toolchain probe for workerd (run by `edge/bench.mjs`, not deployed): proves the AWS SDK reaches
 * DynamoDB from inside the runtime and measures what one password hash costs there.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { argon2id } from '@noble/hashes/argon2.js';

interface ProbeEnv {
  DYNAMODB_ENDPOINT?: string;
  AWS_REGION?: string;
}

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1), the parameters packages/api hashes with. */
const ARGON2_PARAMS = { m: 19_456, t: 2, p: 1, dkLen: 32 } as const;

async function listTables(env: ProbeEnv): Promise<Response> {
  const client = new DynamoDBClient({
    endpoint: env.DYNAMODB_ENDPOINT,
    region: env.AWS_REGION ?? 'ap-south-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const result = await client.send(new ListTablesCommand({}));
  return Response.json({ tables: result.TableNames ?? [] });
}

function hashOnce(): Response {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const started = performance.now();
  argon2id('correct horse battery staple', salt, ARGON2_PARAMS);
  return Response.json({ ms: performance.now() - started, params: ARGON2_PARAMS });
}

export default {
  async fetch(request: Request, env: ProbeEnv): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/dynamo') return listTables(env);
    if (pathname === '/argon2') return hashOnce();
    return new Response('not found', { status: 404 });
  },
};
