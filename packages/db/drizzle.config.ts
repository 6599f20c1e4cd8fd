import { defineConfig } from 'drizzle-kit';

/** `pnpm --filter @movie-magic/db run db:generate` writes SQL migrations to ./drizzle (committed). */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/sqlite/schema.ts',
  out: './drizzle',
});
