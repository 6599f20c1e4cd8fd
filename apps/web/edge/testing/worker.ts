/**
 * The edge worker as the API contract suite needs it (built with `--mode test` into build-edge-test/): the
 * production wiring with two ports replaced, as every contract server does. The suite's ManualClock lives in
 * the test process, so each request first reads "now" from the suite's control server (TEST_CONTROL_URL);
 * mail goes to the suite's mailbox there. Never deployed: wrangler.jsonc points at the production entry.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '@movie-magic/db';
import type { Mailer } from '@movie-magic/tickets';
import { createEdgeWorker, type EdgeWorker } from '../app.js';
import { buildEdgeRuntime } from '../deps.js';
import { type EdgeEnv, parseEdgeConfig } from '../env.js';

const now = new AsyncLocalStorage<Date>();

/** The suite's clock as of the start of the current request (a ManualClock only moves when told). */
const suiteClock: Clock = {
  now() {
    const instant = now.getStore();
    if (!instant) throw new Error('the test clock is read outside a request');
    return new Date(instant);
  },
};

function controlUrl(env: EdgeEnv): string {
  if (typeof env.TEST_CONTROL_URL !== 'string') throw new Error('TEST_CONTROL_URL is not set');
  return env.TEST_CONTROL_URL;
}

function suiteMailer(control: string): Mailer {
  return {
    async send(message) {
      const response = await fetch(`${control}/mail`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...message, attachments: [] }),
      });
      if (!response.ok) throw new Error(`the test mailbox refused the message: ${response.status}`);
      return { messageId: await response.text() };
    },
  };
}

async function suiteNow(env: EdgeEnv): Promise<Date> {
  const response = await fetch(`${controlUrl(env)}/clock`);
  return new Date(await response.text());
}

const worker = createEdgeWorker((env) =>
  buildEdgeRuntime(parseEdgeConfig(env), { clock: suiteClock, mailer: suiteMailer(controlUrl(env)) }),
);

export default {
  async fetch(request, env, ctx) {
    const instant = await suiteNow(env);
    return now.run(instant, () => worker.fetch(request, env, ctx));
  },
  async scheduled(controller, env, ctx) {
    const instant = await suiteNow(env);
    return now.run(instant, () => worker.scheduled(controller, env, ctx));
  },
} satisfies EdgeWorker;
