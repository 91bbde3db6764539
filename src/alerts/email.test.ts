import { describe, expect, it } from 'vitest';
import { maskEmail, normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it('takes common addresses, lower-cased, the domain in ASCII', () => {
    expect(normalizeEmail('  Borger.Navn+referat@Example.DK ')).toEqual({ ok: true, email: 'borger.navn+referat@example.dk' });
    expect(normalizeEmail('a@kommune.dk')).toEqual({ ok: true, email: 'a@kommune.dk' });
    expect(normalizeEmail('ole@æblegård.dk')).toEqual({ ok: true, email: 'ole@xn--blegrd-luad.dk' });
  });

  it('refuses what is no address, with a Danish reason', () => {
    for (const bad of ['', 'ingen-snabel-a', '@example.dk', 'a@', 'a@localhost', 'a@example', 'a b@example.dk', 'a..b@example.dk', '.a@example.dk',
      'a@-example.dk', 'a@example.d', 'a@example.123', '"quoted"@example.dk', 'a@[127.0.0.1]', 'a@example.dk\r\nBcc: x@y.dk', 'a,b@example.dk']) {
      const result = normalizeEmail(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/e-mailadresse/i);
    }
    expect(normalizeEmail(`${'a'.repeat(65)}@example.dk`).ok).toBe(false);
    expect(normalizeEmail(`a@${'b'.repeat(250)}.dk`)).toEqual({ ok: false, error: 'E-mailadressen er for lang.' });
    expect(normalizeEmail(42).ok).toBe(false);
  });

  it('masks addresses for logs', () => {
    expect(maskEmail('borger@example.dk')).toBe('b…@example.dk');
  });
});
