/**
 * Operations command: `pnpm mm user:add --email E --password P --name N --role customer|staff|admin`.
 * Creates the user on the configured store (STORE, DATA_DIR, DYNAMODB_* as for `pnpm start`), with the same
 * password policy and hashing as sign-up. Exit codes: 0 created, 1 refused (policy, duplicate e-mail),
 * 2 usage error, 78 invalid configuration (EX_CONFIG).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@movie-magic/config';
import { ROLES, type Role, randomIds, systemClock } from '@movie-magic/db';
import { openStore } from '@movie-magic/db/open';
import { createPasswordHasher } from '../src/auth/password.js';
import { addUser } from '../src/auth/users.js';

const USAGE = `Usage: pnpm mm user:add --email E --password P --name N [--role customer|staff|admin]`;

function usage(message: string): never {
  console.error(`mm: ${message}\n${USAGE}`);
  process.exit(2);
}

async function userAdd(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'customer' },
      },
      strict: true,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const { email, password, name, role } = values;
  if (!email || !password || !name) usage('--email, --password and --name are required');
  if (!ROLES.includes(role as Role)) usage(`--role must be one of ${ROLES.join(', ')}`);

  const config = loadConfig();
  // `pnpm --filter` runs this script inside packages/api; a relative DATA_DIR means the folder the user ran
  // pnpm from (INIT_CWD, set by pnpm), exactly as for `pnpm start`.
  const store = await openStore(config, { cwd: process.env.INIT_CWD ?? process.cwd() });
  try {
    await store.migrate();
    const result = await addUser(
      { store, passwords: createPasswordHasher(), clock: systemClock, ids: randomIds },
      { email, password, name, role: role as Role },
    );
    if (!result.ok) {
      console.error(`mm: user not created: ${result.problem}`);
      return 1;
    }
    console.log(`Created ${result.user.role} ${result.user.email} (${result.user.id}) on ${store.kind}.`);
    return 0;
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'user:add') return userAdd(rest);
  usage(command ? `unknown command "${command}"` : 'missing command');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    console.error(`mm: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
