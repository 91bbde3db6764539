import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, SCRYPT_PARAMS, verifyPassword } from './password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('korrekt hest batteri hæfteklamme');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('korrekt hest batteri hæfteklamme', hash)).toBe(true);
    expect(await verifyPassword('korrekt hest batteri haefteklamme', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash: the same password twice gives two hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('samme adgangskode'), hashPassword('samme adgangskode')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('samme adgangskode', b)).toBe(true);
  });

  it('says when a hash was made with other parameters, and still verifies it', async () => {
    const old = await hashPassword('gamle parametre her', { ...SCRYPT_PARAMS, N: 2 ** 14 });
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword('gamle parametre her', old)).toBe(true);
    expect(needsRehash(await hashPassword('nye parametre her'))).toBe(false);
  });

  it('refuses malformed hashes without throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$1$1$x$y', 'bcrypt$2$8$1$aaaa$bbbb', 'scrypt$99999999$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('asks for at least 12 characters', () => {
    expect(passwordProblem('kort')).toMatch(/mindst 12 tegn/);
    expect(passwordProblem('tolv tegn ok')).toBeNull();
  });
});
