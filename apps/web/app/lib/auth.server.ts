import { redirect } from '@remix-run/node';
import { api, type RouteArgs } from './api.server.js';

/** The signed-in user, or a redirect to sign-in that comes back here afterwards (epic-stack's requireUserId). */
export async function requireUser(args: RouteArgs) {
  const { caller, headers } = api(args);
  const user = await caller.auth.me();
  if (!user) {
    const url = new URL(args.request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`, { headers });
  }
  return { user, caller, headers };
}
