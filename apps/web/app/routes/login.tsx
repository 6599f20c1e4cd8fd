import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { AuthCard, EmailField, Field, FormAlert, SubmitButton } from '../components/form.js';
import { api, attempt } from '../lib/api.server.js';
import { formErrors } from '../lib/form-errors.server.js';
import { safeRedirect } from '../lib/redirect.js';

export const meta: MetaFunction = () => [{ title: 'Sign in · Movie Magic' }];

export async function loader(args: LoaderFunctionArgs) {
  const { caller } = api(args);
  if (await caller.auth.me()) {
    throw redirect(safeRedirect(new URL(args.request.url).searchParams.get('redirectTo'), '/'));
  }
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const { caller, headers } = api(args);
  const result = await attempt(() => caller.auth.login({ email, password }));
  if (!result.ok) {
    return data({ email, ...formErrors(result.failure) }, { status: 400, headers });
  }
  return redirect(safeRedirect(form.get('redirectTo'), '/'), { headers });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo') ?? '/';
  return (
    <AuthCard title="Sign in">
      {params.get('reset') === '1' ? (
        <FormAlert tone="ok">Your password was changed. Sign in with the new one.</FormAlert>
      ) : null}
      <FormAlert>{actionData?.formError}</FormAlert>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailField defaultValue={actionData?.email} error={actionData?.fieldErrors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={actionData?.fieldErrors.password}
        />
        <SubmitButton>Sign in</SubmitButton>
      </Form>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/forgot-password" className="text-gold underline">
          Forgot your password?
        </Link>
        <Link to={`/register?redirectTo=${encodeURIComponent(redirectTo)}`} className="text-gold underline">
          New here? Create an account
        </Link>
      </p>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
