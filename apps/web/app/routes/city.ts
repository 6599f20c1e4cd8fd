/** POST /city: remember the chosen city (cookie; and the profile when signed in), then go back. */
import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { api, attempt } from '../lib/api.server.js';
import { cityCookie } from '../lib/city.server.js';
import { safeRedirect } from '../lib/redirect.js';

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const cityId = String(form.get('cityId') ?? '');
  const redirectTo = safeRedirect(form.get('redirectTo'), '/');
  const { caller } = api(args);
  const cities = await caller.catalog.cities();
  if (!cities.some((c) => c.id === cityId)) throw new Response('Unknown city', { status: 400 });
  const user = await caller.auth.me();
  if (user) await attempt(() => caller.account.update({ homeCityId: cityId }));
  // A movie page's ?date belongs to the old city's calendar; the home page's filters still apply.
  const target = redirectTo.startsWith('/movies/') ? (redirectTo.split('?')[0] ?? '/') : redirectTo;
  return redirect(target, {
    headers: { 'Set-Cookie': cityCookie(cityId, args.context.deps.config.secureCookies) },
  });
}

export function loader() {
  return redirect('/');
}
