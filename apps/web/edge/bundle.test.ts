/**
 * Node-only code never enters the edge bundle (composition roots per target), and the bundle fits
 * Cloudflare's limit for a Worker on the Free plan (3 MB gzip; https://developers.cloudflare.com/workers/platform/limits/#worker-size).
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations.
import { FORBIDDEN_MODULES, inspectEdgeBundle } from '../scripts/edge-bundle.mjs';

interface BundleFacts {
  gzipBytes: number;
  modules: string[];
  imports: string[];
  forbiddenModules: { name: string }[];
  forbiddenImports: string[];
}

describe('the edge bundle', () => {
  const bundle = inspectEdgeBundle() as BundleFacts;

  it('contains the edge composition root, the API and the DynamoDB adapter', () => {
    const has = (suffix: string) => bundle.modules.some((id) => id.replaceAll('\\', '/').endsWith(suffix));
    expect(has('apps/web/edge/worker.ts')).toBe(true);
    expect(has('packages/api/src/http.ts')).toBe(true);
    expect(has('packages/db/src/dynamo/store.ts')).toBe(true);
  });

  it('contains no Node-only module: no SQLite, SMTP, pdfkit or the Node server', () => {
    expect(bundle.forbiddenModules).toEqual([]);
    expect(bundle.forbiddenImports).toEqual([]);
    expect(FORBIDDEN_MODULES.length).toBeGreaterThan(5);
  });

  it('the check catches a Node-only module when one is listed', () => {
    const sqlite = FORBIDDEN_MODULES.find((rule: { name: string }) => rule.name === 'better-sqlite3');
    expect(
      sqlite.pattern.test(
        '/repo/node_modules/.pnpm/better-sqlite3@12.11.1/node_modules/better-sqlite3/lib/index.js',
      ),
    ).toBe(true);
    expect(sqlite.pattern.test('/repo/packages/db/src/dynamo/store.ts')).toBe(false);
  });

  it('imports only what workerd provides under nodejs_compat', () => {
    // The AWS SDK's optional SigV4a signers stay lazy imports that only multi-region access points reach.
    for (const specifier of bundle.imports)
      expect(specifier).toMatch(/^node:|^@aws-sdk\/signature-v4(a|-crt)$/);
  });

  it("ships React's production build", () => {
    const reactDom = bundle.modules.filter((id) => id.includes('react-dom/cjs/'));
    expect(reactDom.length).toBeGreaterThan(0);
    for (const id of reactDom) expect(id).toContain('.production.');
  });

  it('fits the Free plan limit of 3 MB gzip', () => {
    expect(bundle.gzipBytes).toBeLessThan(3 * 1024 * 1024);
  });
});
