import { describe, expect, it } from 'vitest';
import { alertMail, confirmationMail, MEETINGS_PER_SECTION } from './compose.js';
import { ITEMS_PER_MEETING, type NewsMeeting } from './news.js';

const meeting = (id: number, items = 2): NewsMeeting => ({
  meetingId: id,
  date: '2030-01-02',
  body: 'KKR Midtjylland',
  documents: [{ kind: 'minutes', first: false }],
  items: Array.from({ length: items }, (_, i) => ({ number: String(i + 1), title: `Punkt\n${i + 1}` })),
});

describe('alert mails', () => {
  it('lists meetings and items within bounds, on one line each', () => {
    const mail = alertMail('a@example.dk', 'https://r.example', [
      { sub: { kind: 'body', target: 'kkr-midtjylland', label: 'KKR Midtjylland' }, meetings: [meeting(1, ITEMS_PER_MEETING + 3), ...Array.from({ length: MEETINGS_PER_SECTION + 4 }, (_, i) => meeting(i + 2))], unsubscribeLink: 'https://r.example/u1' },
    ], 'https://r.example/e');
    expect(mail.text).toContain('KKR Midtjylland, 2. januar 2030 – ændret referat');
    expect(mail.text).toContain('  1. Punkt 1');
    expect(mail.text).toContain('… og 3 punkter mere');
    expect(mail.text).toContain('… og 5 møder mere: https://r.example/bodies/kkr-midtjylland');
    expect(mail.text.match(/https:\/\/r\.example\/meetings\//g)).toHaveLength(MEETINGS_PER_SECTION);
    expect(mail.headers).toMatchObject({ 'List-Unsubscribe': '<https://r.example/e>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('asks to confirm with the link and says what happens otherwise', () => {
    const mail = confirmationMail('a@example.dk', { kind: 'search', label: 'klima' }, 'https://r.example/c', 72);
    expect(mail.subject).toBe('Bekræft: e-mail fra Referat om søgningen »klima«');
    expect(mail.text).toContain('https://r.example/c');
    expect(mail.text).toContain('72 timer');
    expect(mail.headers?.['List-Unsubscribe']).toBeUndefined();
  });
});
