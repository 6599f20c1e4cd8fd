/** POST /logout: ends the session on the server and clears the cookie. */
import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { api, attempt } from '../lib/api.server.js';

export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = api(args);
  // A cross-site POST is refused by the API's CSRF check (FORBIDDEN): nothing happens, and we go home.
  await attempt(() => caller.auth.logout());
  return redirect('/', { headers });
}

export function loader() {
  return redirect('/');
}
