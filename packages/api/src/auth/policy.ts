/**
 * Password policy (OWASP ASVS 2.1 / NIST SP 800-63B): 8 to 128 characters, no composition rules, and not one
 * of the 10,000 most common passwords. The list is the frequency-ranked `passwords-common` dictionary that
 * @zxcvbn-ts/language-common ships. It is imported on first use (decompressing it costs start-up time that
 * catalog requests on a cold edge isolate should not pay) and the Set is built once.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
const COMMON_PASSWORD_COUNT = 10_000;

let common: Promise<Set<string>> | null = null;

function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT)),
  );
  return common;
}

/** True when the password is among the 10,000 most common (compared case-insensitively). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase());
}

export interface PasswordProblem {
  code: 'PASSWORD_LENGTH' | 'PASSWORD_TOO_COMMON';
  message: string;
}

/** Why the password is refused, or null when it is acceptable. Length counts characters, not UTF-16 units. */
export async function passwordProblem(password: string): Promise<PasswordProblem | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return {
      code: 'PASSWORD_LENGTH',
      message: `Use between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`,
    };
  }
  if (await isCommonPassword(password)) {
    return {
      code: 'PASSWORD_TOO_COMMON',
      message: 'This password is too common; choose one that is harder to guess.',
    };
  }
  return null;
}
