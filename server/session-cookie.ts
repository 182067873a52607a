/**
 * The console session's cookie value: what the server needs to act for the signed-in operator,
 * encrypted and authenticated with AES-256-GCM, so the browser holds it without being able to
 * read or change it, and any copy of the server that has the same key can use it. Nothing about
 * a session is kept in a process.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The session's contents. Short keys: the cookie travels with every request. */
export interface SessionPayload {
  /** The user name; null when the operator continued without credentials (engine checks none). */
  u: string | null;
  /** The password; null with `u`. */
  p: string | null;
  /** The CSRF token requests relying on this session must send (`X-XSRF-TOKEN`). */
  t: string;
  /** When the operator signed in (epoch ms): the session never outlives `s + maximum age`. */
  s: number;
  /** When the session expires unless renewed by use (epoch ms). */
  e: number;
}

/** A 256-bit AES key; made by `sessionKey`. */
export type SessionKey = Buffer & { readonly __sessionKey: never };

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its purpose: the same key used elsewhere cannot produce a session. */
const ADDITIONAL_DATA = Buffer.from('camunda-repair-console session v1');
/** Short secrets are passwords, not keys; the README says how to make one. */
export const MIN_SECRET_LENGTH = 32;

/**
 * The key from `CONSOLE_SESSION_SECRET` (any text of at least 32 characters, stretched with HKDF
 * to 256 bits), or a random one when there is none.
 */
export function sessionKey(secret?: string): SessionKey {
  if (secret === undefined) {
    return randomBytes(32) as SessionKey;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `CONSOLE_SESSION_SECRET must be at least ${String(MIN_SECRET_LENGTH)} characters long, e.g. the output of \`openssl rand -base64 32\``,
    );
  }
  return Buffer.from(
    hkdfSync('sha256', secret, 'camunda-repair-console', 'console session cookie', 32),
  ) as SessionKey;
}

/** `v1.<base64url(iv | ciphertext | tag)>`. */
export function sealSession(key: SessionKey, payload: SessionPayload): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(ADDITIONAL_DATA);
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(payload), 'utf8'),
    cipher.final(),
  ]);
  return `${VERSION}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

/**
 * The payload, or null for a value this key did not seal, one changed since, or one that has
 * expired at `now`.
 */
export function openSession(key: SessionKey, value: string, now: number): SessionPayload | null {
  const [version, data] = value.split('.');
  if (version !== VERSION || data === undefined) {
    return null;
  }
  const bytes = Buffer.from(data, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) {
    return null;
  }
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(ADDITIONAL_DATA);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let payload: unknown;
  try {
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    payload = JSON.parse(plain.toString('utf8'));
  } catch {
    return null;
  }
  return isSessionPayload(payload) && payload.e > now ? payload : null;
}

function isSessionPayload(value: unknown): value is SessionPayload {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { u, p, t, s, e } = value as Record<string, unknown>;
  return (
    (typeof u === 'string' ? typeof p === 'string' : u === null && p === null) &&
    typeof t === 'string' &&
    typeof s === 'number' &&
    typeof e === 'number'
  );
}
