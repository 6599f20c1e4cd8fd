/** Form building blocks with labels, hints and errors wired for assistive technology. */
import { useNavigation } from '@remix-run/react';
import type { InputHTMLAttributes, ReactNode } from 'react';

export function Field({
  label,
  name,
  error,
  hint,
  ...input
}: {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The e-mail field of the account forms. */
export function EmailField({
  defaultValue,
  error,
}: {
  defaultValue?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <Field
      label="E-mail"
      name="email"
      type="email"
      autoComplete="email"
      required
      defaultValue={defaultValue}
      error={error}
    />
  );
}

/** A new password: the API's policy (8 to 128 characters, no composition rules) as browser hints too. */
export function NewPasswordField({
  label,
  name,
  hint,
  error,
}: {
  label: string;
  name: string;
  hint?: string;
  error?: string | undefined;
}) {
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={128}
      {...(hint ? { hint } : {})}
      error={error}
    />
  );
}

/** A form's main button, disabled while the form is being submitted (no double submits). */
export function SubmitButton({
  children,
  className = 'btn-primary w-full',
}: {
  children: ReactNode;
  className?: string;
}) {
  const navigation = useNavigation();
  return (
    <button type="submit" className={className} disabled={navigation.state === 'submitting'}>
      {children}
    </button>
  );
}

export function FormAlert({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'ok' }) {
  if (!children) return null;
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`break-words rounded-lg border px-4 py-3 text-sm ${tone === 'error' ? 'border-rose text-ink' : 'border-ok text-ink'}`}
    >
      {children}
    </div>
  );
}

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mx-auto max-w-md">
      <div className="card space-y-5">
        <h1 className="text-2xl font-bold">{title}</h1>
        {children}
      </div>
    </section>
  );
}
