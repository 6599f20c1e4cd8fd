/** Creating an account outside a request (the `mm user:add` operations command), with the same policy. */
import type { Clock, IdGenerator, Role, Store, User } from '@movie-magic/db';
import { z } from 'zod';
import { emailInput, nameInput, normalizeEmail } from '../inputs.js';
import type { PasswordHasher } from './password.js';
import { passwordProblem } from './policy.js';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export type AddUserResult = { ok: true; user: User } | { ok: false; problem: string };

export async function addUser(
  deps: { store: Store; passwords: PasswordHasher; clock: Clock; ids: IdGenerator },
  account: NewAccount,
): Promise<AddUserResult> {
  const email = emailInput.safeParse(account.email);
  if (!email.success) return { ok: false, problem: `--email: ${z.prettifyError(email.error)}` };
  const name = nameInput.safeParse(account.name);
  if (!name.success) return { ok: false, problem: `--name: ${z.prettifyError(name.error)}` };
  const problem = await passwordProblem(account.password);
  if (problem) return { ok: false, problem: `--password: ${problem.message}` };
  const result = await deps.store.createUser({
    id: deps.ids.id('usr'),
    email: email.data,
    emailNormalized: normalizeEmail(email.data),
    name: name.data,
    role: account.role,
    passwordHash: await deps.passwords.hash(account.password),
    phone: null,
    homeCityId: null,
    createdAt: deps.clock.now().toISOString(),
  });
  if (!result.ok) return { ok: false, problem: `--email: an account with ${email.data} already exists` };
  return { ok: true, user: result.user };
}
