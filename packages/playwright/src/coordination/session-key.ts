/**
 * The key kept sign-ins are encrypted under in Redis: $MFA_AUTOFILL_SESSION_KEY, 32 random bytes
 * written as 64 hex digits or as base64 (`openssl rand -base64 32`), the same on every machine of
 * the run (a CI secret). Never printed.
 */
export const SESSION_KEY_VARIABLE = 'MFA_AUTOFILL_SESSION_KEY';

export class SessionKeyError extends Error {
  override name = 'SessionKeyError';
}

/** The key's 32 bytes; null when the variable is not set; SessionKeyError when it is set but malformed. */
export function sessionKeyFrom(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const text = env[SESSION_KEY_VARIABLE]?.trim();
  if (!text) return null;
  let key: Buffer | null = null;
  if (/^[0-9a-f]{64}$/i.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) key = Buffer.from(text, 'base64');
  if (key?.length !== 32) {
    throw new SessionKeyError(
      `MFA Autofill: ${SESSION_KEY_VARIABLE} must be 32 random bytes, as 64 hex digits or 44 base64 ` +
        `characters (make one with: openssl rand -base64 32); it is ${text.length} characters that are neither.`,
    );
  }
  return key;
}
