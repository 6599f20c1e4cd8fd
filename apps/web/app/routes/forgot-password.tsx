import { type ActionFunctionArgs, data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { AuthCard, EmailField, FormAlert, SubmitButton } from '../components/form.js';
import { api, attempt } from '../lib/api.server.js';
import { formErrors } from '../lib/form-errors.server.js';

export const meta: MetaFunction = () => [{ title: 'Forgot password · Movie Magic' }];

export async function action(args: ActionFunctionArgs) {
  const form = await args.request.formData();
  const email = String(form.get('email') ?? '');
  const { caller, headers } = api(args);
  const result = await attempt(() => caller.auth.requestPasswordReset({ email }));
  if (!result.ok)
    return data({ sent: false, email, ...formErrors(result.failure) }, { status: 400, headers });
  return data({ sent: true, email, formError: null, fieldErrors: {} as Record<string, string> }, { headers });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  return (
    <AuthCard title="Reset your password">
      {actionData?.sent ? (
        <FormAlert tone="ok">
          If an account exists for {actionData.email}, we've sent it a link to choose a new password. The link
          works for 30 minutes.
        </FormAlert>
      ) : (
        <>
          <FormAlert>{actionData?.formError}</FormAlert>
          <p className="text-sm text-muted">
            Enter your e-mail and we'll send you a link to choose a new password.
          </p>
          <Form method="post" className="space-y-4">
            <EmailField defaultValue={actionData?.email} error={actionData?.fieldErrors.email} />
            <SubmitButton>Send reset link</SubmitButton>
          </Form>
        </>
      )}
      <p className="text-sm">
        <Link to="/login" className="text-gold underline">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
