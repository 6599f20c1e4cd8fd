/**
 * Password policy (OWASP ASVS 2.1 / NIST SP 800-63B): 8 to 128 characters, no composition rules, and not one
 * of the 10,000 most common passwords. The list is the frequency-ranked `passwords-common` dictionary that
 * @zxcvbn-ts/language-common ships; the Set is built once, on first use.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
const COMMON_PASSWORD_COUNT = 10_000;

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT));
  return common;
}

/** True when the password is among the 10,000 most common (compared case-insensitively). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

export interface PasswordProblem {
  code: 'PASSWORD_LENGTH' | 'PASSWORD_TOO_COMMON';
  message: string;
}

/** Why the password is refused, or null when it is acceptable. Length counts characters, not UTF-16 units. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return {
      code: 'PASSWORD_LENGTH',
      message: `Use between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`,
    };
  }
  if (isCommonPassword(password)) {
    return {
      code: 'PASSWORD_TOO_COMMON',
      message: 'This password is too common; choose one that is harder to guess.',
    };
  }
  return null;
}
