/**
 * @module Password hashing: scrypt (memory-hard, node:crypto) with a 16-byte random salt per
 * password. Stored as `scrypt$N$r$p$salt$hash` (base64url), so the parameters travel with each
 * hash: when SCRYPT_PARAMS change, `needsRehash` says so and the next log-in stores a new hash.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s a hash on this kind of machine. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
type Params = { N: number; r: number; p: number; keyLength: number };

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A new hash string for the password. */
export async function hashPassword(password: string, params: Params = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: Params; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (key.length < 16 || key.length > 64) return null;
  return { params: { N, r, p, keyLength: key.length }, salt, key };
}

/** Whether the password matches the stored hash (constant-time comparison; false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash was made with other parameters than today's. */
export function needsRehash(stored: string, params: Params = SCRYPT_PARAMS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p || parsed.params.keyLength !== params.keyLength;
}

/** A hash no password matches, verified against when an address is unknown so both take as long. */
export const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));

/** The smallest password length accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** Why a new password is refused, in Danish, or null. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (password.length > 1000) return 'Adgangskoden er for lang (højst 1000 tegn).';
  return null;
}
