/**
 * Once per edge test run: builds both worker targets (production into build-edge/, the contract suite's into
 * build-edge-test/) and starts one DynamoDB Local that every test file shares through its own table.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startDynamoLocal } from '@movie-magic/db/testing';
import type { TestProject } from 'vitest/node';

const webRoot = join(import.meta.dirname, '..', '..');

function build(mode: 'production' | 'test'): void {
  const remix = join(webRoot, 'node_modules', '.bin', 'remix');
  const result = spawnSync(remix, ['vite:build', '--config', 'vite.edge.config.ts', '--mode', mode], {
    cwd: webRoot,
    encoding: 'utf8',
    // vitest sets NODE_ENV=test, which would bundle React's development build: build as `pnpm edge:build` does.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0)
    throw new Error(`edge build (${mode}) failed:\n${result.stdout}\n${result.stderr}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  build('production');
  build('test');
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
