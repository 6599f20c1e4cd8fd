import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@movie-magic/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, sqliteFilePath } from './open.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mm-open-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('opens SQLite in <DATA_DIR>/movie-magic.db, creating the directory, with a relative DATA_DIR resolved against cwd', async () => {
    const config = parseConfig({ DATA_DIR: 'nested/data' });
    expect(sqliteFilePath(config, { cwd: dir })).toBe(join(dir, 'nested', 'data', 'movie-magic.db'));
    const store = await openStore(config, { cwd: dir });
    try {
      expect(store.kind).toBe('sqlite');
      await store.migrate();
      expect(await store.isEmpty()).toBe(true);
      expect(existsSync(join(dir, 'nested', 'data', 'movie-magic.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('keeps an absolute DATA_DIR as it is', () => {
    const config = parseConfig({ DATA_DIR: join(dir, 'abs') });
    expect(sqliteFilePath(config, { cwd: '/elsewhere' })).toBe(join(dir, 'abs', 'movie-magic.db'));
  });

  it('builds the DynamoDB store when STORE=dynamodb', async () => {
    const config = parseConfig({
      STORE: 'dynamodb',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      DYNAMODB_TABLE: 'mm-open-test',
    });
    const store = await openStore(config);
    expect(store.kind).toBe('dynamodb');
    await store.close();
  });
});
