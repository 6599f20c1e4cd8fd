import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import {
  AuthCard,
  EmailField,
  Field,
  FormAlert,
  NewPasswordField,
  SubmitButton,
} from '../components/form.js';
import { api, attempt } from '../lib/api.server.js';
import { formErrors } from '../lib/form-errors.server.js';
import { safeRedirect } from '../lib/redirect.js';

export const meta: MetaFunction = () => [{ title: 'Create an account · Movie Magic' }];

export async function loader(args: LoaderFunctionArgs) {
  if (await api(args).caller.auth.me()) throw redirect('/');
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const name = String(form.get('name') ?? '');
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const { caller, headers } = api(args);
  const result = await attempt(() => caller.auth.register({ name, email, password }));
  if (!result.ok) {
    const errors = formErrors(result.failure);
    if (result.failure.domainCode === 'EMAIL_TAKEN') errors.fieldErrors.email = result.failure.message;
    if (result.failure.domainCode === 'PASSWORD_TOO_COMMON')
      errors.fieldErrors.password = result.failure.message;
    return data({ name, email, ...errors }, { status: 400, headers });
  }
  return redirect(safeRedirect(form.get('redirectTo'), '/'), { headers });
}

export default function Register() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const fieldErrorShown = actionData && Object.keys(actionData.fieldErrors).length > 0;
  return (
    <AuthCard title="Create your account">
      <FormAlert>{fieldErrorShown ? null : actionData?.formError}</FormAlert>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <Field
          label="Name"
          name="name"
          autoComplete="name"
          required
          defaultValue={actionData?.name}
          error={actionData?.fieldErrors.name}
        />
        <EmailField defaultValue={actionData?.email} error={actionData?.fieldErrors.email} />
        <NewPasswordField
          label="Password"
          name="password"
          hint="At least 8 characters. A passphrase is easiest to remember."
          error={actionData?.fieldErrors.password}
        />
        <SubmitButton>Create account</SubmitButton>
      </Form>
      <p className="text-sm">
        Already have an account?{' '}
        <Link to="/login" className="text-gold underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
