/**
 * The Cloudflare Workers entry of Movie Magic: the edge composition root's production wiring. Built by
 * `vite.edge.config.ts` into build-edge/server/index.js and served by `wrangler.jsonc`.
 */
import { createEdgeWorker } from './app.js';
import { buildEdgeRuntime } from './deps.js';
import { parseEdgeConfig } from './env.js';

export default createEdgeWorker((env) => buildEdgeRuntime(parseEdgeConfig(env)));
