/** POST /logout: ends the session on the server and clears the cookie. */
import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { api } from '../lib/api.server.js';

export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = api(args);
  await caller.auth.logout();
  return redirect('/', { headers });
}

export function loader() {
  return redirect('/');
}
