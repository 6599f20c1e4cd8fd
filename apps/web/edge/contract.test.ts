/**
 * The API's HTTP contract suite (issue 3) against the app served by workerd (`wrangler dev` on the edge
 * build) with DynamoDB Local behind it: the same journey, errors and concurrency as on Node.
 */
import { describeApiContract } from '@movie-magic/api/testing';
import { inject } from 'vitest';
import {
  ManualClock,
  RecordingMailer,
  seededTable,
  startControlServer,
  startEdge,
} from './testing/harness.js';

describeApiContract('workerd + DynamoDB Local', async () => {
  const clock = new ManualClock(new Date());
  const mailbox = new RecordingMailer();
  const dynamoEndpoint = inject('dynamoEndpoint');
  const table = await seededTable(dynamoEndpoint, clock.now());
  const control = await startControlServer(clock, mailbox);
  const edge = await startEdge({
    dynamoEndpoint,
    table,
    config: 'edge/testing/wrangler.jsonc',
    env: { TRUST_PROXY: 'on', RATE_LIMITS: 'on' },
    extraVars: { TEST_CONTROL_URL: control.url },
  });
  return {
    url: `${edge.url}/api/trpc`,
    clock,
    mailbox,
    async close() {
      await edge.stop();
      await control.close();
    },
  };
});
