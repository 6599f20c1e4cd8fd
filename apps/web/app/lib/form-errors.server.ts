import type { ApiFailure } from './api.server.js';

/** What a form action returns when the router refused the input: a summary and per-field messages. */
export interface FormErrors {
  formError: string | null;
  fieldErrors: Record<string, string>;
}

/** Field messages from the router's zod issues (`data.zodError.fieldErrors` or the ZodError cause). */
export function formErrors(failure: ApiFailure, fallback?: string): FormErrors {
  const fieldErrors: Record<string, string> = {};
  const issues = (failure.details as { issues?: { path: (string | number)[]; message: string }[] }).issues;
  for (const issue of issues ?? []) {
    const key = String(issue.path[0] ?? '');
    if (key && !fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  const hasFields = Object.keys(fieldErrors).length > 0;
  return {
    formError: hasFields ? (fallback ?? null) : failure.message || fallback || 'That did not work.',
    fieldErrors,
  };
}
