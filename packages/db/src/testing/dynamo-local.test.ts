import { createServer, type Server } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DYNAMO_LOCAL_CREDENTIALS, DYNAMO_LOCAL_REGION, startDynamoLocal } from './dynamo-local.js';

async function listTables(endpoint: string): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint,
    region: DYNAMO_LOCAL_REGION,
    credentials: DYNAMO_LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
}

describe('DynamoDB Local harness', () => {
  it('starts an engine that answers on its own free port and stops it so the port no longer answers', async () => {
    const local = await startDynamoLocal();
    expect(local.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await listTables(local.endpoint)).toEqual([]);
    await local.stop();
    await expect(listTables(local.endpoint)).rejects.toThrow();
  });

  it('fails with the engine’s exit instead of talking to whoever owns a taken port', async () => {
    const squatter: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(0, '0.0.0.0', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      await expect(startDynamoLocal({ port })).rejects.toThrow(/exited/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
