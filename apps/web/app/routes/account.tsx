import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { Field, FormAlert, NewPasswordField } from '../components/form.js';
import { attempt } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';
import { formErrors } from '../lib/form-errors.server.js';

export const meta: MetaFunction = () => [{ title: 'Your account · Movie Magic' }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, caller, headers } = await requireUser(args);
  const cities = await caller.catalog.cities();
  return data({ user, cities }, { headers });
}

export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = await requireUser(args);
  const form = await args.request.formData();
  const intent = form.get('intent');
  if (intent === 'password') {
    const result = await attempt(() =>
      caller.account.changePassword({
        currentPassword: String(form.get('currentPassword') ?? ''),
        newPassword: String(form.get('newPassword') ?? ''),
      }),
    );
    if (!result.ok) {
      const errors = formErrors(result.failure);
      if (result.failure.domainCode === 'WRONG_PASSWORD')
        errors.fieldErrors.currentPassword = result.failure.message;
      if (result.failure.domainCode === 'PASSWORD_TOO_COMMON')
        errors.fieldErrors.newPassword = result.failure.message;
      return data({ intent, ok: false, ...errors }, { status: 400, headers });
    }
    return data(
      { intent, ok: true, formError: null, fieldErrors: {} as Record<string, string> },
      { headers },
    );
  }
  const phone = String(form.get('phone') ?? '').trim();
  const homeCityId = String(form.get('homeCityId') ?? '');
  const result = await attempt(() =>
    caller.account.update({
      name: String(form.get('name') ?? ''),
      phone: phone === '' ? null : phone,
      homeCityId: homeCityId === '' ? null : homeCityId,
    }),
  );
  if (!result.ok)
    return data({ intent: 'profile', ok: false, ...formErrors(result.failure) }, { status: 400, headers });
  return data(
    { intent: 'profile', ok: true, formError: null, fieldErrors: {} as Record<string, string> },
    { headers },
  );
}

export default function Account() {
  const { user, cities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const profile = actionData?.intent === 'profile' ? actionData : null;
  const password = actionData?.intent === 'password' ? actionData : null;
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-3xl font-extrabold">Your account</h1>
      <section aria-labelledby="profile-heading" className="card space-y-4">
        <h2 id="profile-heading" className="text-xl font-bold">
          Profile
        </h2>
        <p className="break-all text-sm text-muted">Signed in as {user.email}</p>
        {profile?.ok ? (
          <FormAlert tone="ok">Your profile was saved.</FormAlert>
        ) : (
          <FormAlert>{profile?.formError}</FormAlert>
        )}
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="profile" />
          <Field
            label="Name"
            name="name"
            autoComplete="name"
            required
            defaultValue={user.name}
            error={profile?.fieldErrors.name}
          />
          <Field
            label="Phone (optional)"
            name="phone"
            type="tel"
            autoComplete="tel"
            defaultValue={user.phone ?? ''}
            error={profile?.fieldErrors.phone}
          />
          <div>
            <label htmlFor="field-homeCityId" className="label">
              Home city
            </label>
            <select
              id="field-homeCityId"
              name="homeCityId"
              defaultValue={user.homeCityId ?? ''}
              className="field"
            >
              <option value="">No home city</option>
              {cities.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            Save profile
          </button>
        </Form>
      </section>

      <section aria-labelledby="password-heading" className="card space-y-4">
        <h2 id="password-heading" className="text-xl font-bold">
          Change password
        </h2>
        {password?.ok ? (
          <FormAlert tone="ok">Your password was changed. Other devices have been signed out.</FormAlert>
        ) : (
          <FormAlert>
            {password && Object.keys(password.fieldErrors).length === 0 ? password.formError : null}
          </FormAlert>
        )}
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="password" />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={password?.fieldErrors.currentPassword}
          />
          <NewPasswordField
            label="New password"
            name="newPassword"
            error={password?.fieldErrors.newPassword}
          />
          <button type="submit" className="btn-primary" disabled={busy}>
            Change password
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
