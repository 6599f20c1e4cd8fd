/**
 * Benchmark (not a test): CPU cost of one argon2id hash at the OWASP parameters with the pure-JS
 * implementation the API uses. Run: `pnpm --filter @movie-magic/api exec tsx scripts/bench-password.ts`.
 */
import { argon2id } from '@noble/hashes/argon2.js';
import { createPasswordHasher, OWASP_ARGON2ID } from '../src/auth/password.js';

const RUNS = 10;
const hasher = createPasswordHasher();
await hasher.hash('warm-up-the-jit-first');
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await hasher.hash(`benchmark-password-${i}`);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const p50 = times[Math.floor(RUNS / 2)] ?? 0;
const { m, t, p } = OWASP_ARGON2ID;
console.log(
  `argon2id m=${m} KiB t=${t} p=${p} on Node ${process.versions.node}: p50 ${p50.toFixed(0)} ms, ` +
    `min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms per hash (${RUNS} runs)`,
);

// The same derivation without yielding to the event loop: the pure CPU cost of one hash.
const salt = crypto.getRandomValues(new Uint8Array(16));
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  argon2id(`benchmark-password-${i}`, salt, { ...OWASP_ARGON2ID, dkLen: 32 });
  cpu.push(performance.now() - start);
}
cpu.sort((a, b) => a - b);
console.log(
  `  pure CPU (synchronous): p50 ${(cpu[Math.floor(RUNS / 2)] ?? 0).toFixed(0)} ms, min ${cpu[0]?.toFixed(0)} ms`,
);
