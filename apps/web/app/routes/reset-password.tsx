import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { AuthCard, FormAlert, NewPasswordField, SubmitButton } from '../components/form.js';
import { api, attempt } from '../lib/api.server.js';
import { formErrors } from '../lib/form-errors.server.js';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Movie Magic' }];

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return { token };
}

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  const { caller, headers } = api(args);
  const result = await attempt(() => caller.auth.resetPassword({ token, password }));
  if (!result.ok) {
    const errors = formErrors(result.failure);
    if (result.failure.domainCode === 'RESET_TOKEN_INVALID' || errors.fieldErrors.token) {
      return data(
        {
          invalidLink: true,
          formError: 'This reset link is invalid or has expired.',
          fieldErrors: {} as Record<string, string>,
        },
        { status: 400, headers },
      );
    }
    return data({ invalidLink: false, ...errors }, { status: 400, headers });
  }
  return redirect('/login?reset=1', { headers });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!token || actionData?.invalidLink) {
    return (
      <AuthCard title="This link doesn't work">
        <p className="text-muted">Reset links work once and for 30 minutes. You can ask for a new one.</p>
        <Link to="/forgot-password" className="btn-primary">
          Send a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <FormAlert>{actionData?.fieldErrors.password ? null : actionData?.formError}</FormAlert>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="token" value={token} />
        <NewPasswordField
          label="New password"
          name="password"
          hint="At least 8 characters. Signing in again will be needed on your other devices."
          error={actionData?.fieldErrors.password}
        />
        <SubmitButton>Save new password</SubmitButton>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
