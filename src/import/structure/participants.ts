/**
 * @module Participant lines in their real shapes: "Name (V), Norddjurs", "Name, (F), Odder",
 * "Name, Skive kommune, i stedet deltog Thomas Lindberg", "Chefkonsulent Name (referent)".
 */
import type { Absence, Attendee, Participant } from '../../model/index.js';

const PARTY = /,?\s*\(([A-ZÆØÅ]{1,2})\)\s*,?/;
const SUBSTITUTE = /,?\s*(?:i stedet (?:deltog|deltager|mødte|møder)|i stedet for .+? (?:deltog|deltager|mødte|møder)|stedfortræder:?|suppleant:?)\s+(.+)$/i;
const ROLE = /^(formand|næstformand|borgmester|viceborgmester|suppleant|medlem|stedfortræder)\b/i;
const JOB = /(direktør|konsulent|chef|leder|sekretær|fuldmægtig|specialist|rådgiver|medarbejder|borgmester|formand|koordinator|referent|assistent)\b/i;

/** Official spellings of municipality names that documents write in other ways. */
const MUNICIPALITY_SPELLINGS: Record<string, string> = {
  'ikast brande': 'Ikast-Brande',
  'ringkøbing skjern': 'Ringkøbing-Skjern',
  'lyngby taarbæk': 'Lyngby-Taarbæk',
  'høje taastrup': 'Høje-Taastrup',
  århus: 'Aarhus',
};

/**
 * One spelling per municipality, so people can be followed across documents:
 * "Skive kommune" → "Skive", "Ikast Brande" → "Ikast-Brande".
 */
export function municipalityName(text: string): string {
  const name = text.replace(/\s+kommune$/i, '').trim();
  return MUNICIPALITY_SPELLINGS[name.toLowerCase()] ?? name;
}

/** Reads a member line: name, party letter, municipality. */
export function parseParticipant(text: string): Participant {
  let rest = text.trim().replace(/\.$/, '');
  const party = PARTY.exec(rest);
  if (party) rest = `${rest.slice(0, party.index)},${rest.slice(party.index + party[0].length)}`;
  const [name = '', ...parts] = rest.split(',').map((s) => s.trim()).filter(Boolean);
  // A capitalised part is the municipality; a lower-case one ("formand") is a role.
  const municipality = parts.find((p) => /^\p{Lu}/u.test(p) && !ROLE.test(p));
  const roles = parts.filter((p) => p !== municipality);
  return {
    name,
    party: party?.[1] ?? null,
    municipality: municipality ? municipalityName(municipality) : null,
    role: roles.length > 0 ? roles.join(', ') : null,
  };
}

/** Reads an afbud line, with the substitute who attended instead when stated. */
export function parseAbsence(text: string): Absence {
  const sub = SUBSTITUTE.exec(text);
  const person = parseParticipant(sub ? text.slice(0, sub.index) : text);
  // The substitute's party letter, if written, belongs to the substitute: keep the name only.
  return { ...person, substitute: sub ? sub[1]!.replace(PARTY, '').trim().replace(/\.$/, '') : null };
}

/** Reads a line of others present under a group heading ("Fra KL-sekretariatet"). */
export function parseAttendee(text: string, group: string | null): Attendee {
  let rest = text.trim();
  const minuteTaker = /\(referent\)/i.test(rest);
  rest = rest.replace(/\s*\(referent\)/i, '').trim();
  const parts = rest.split(',').map((s) => s.trim()).filter(Boolean);
  let name = parts[0] ?? rest;
  let title: string | null = null;
  let organisation: string | null = null;
  if (parts.length >= 2 && JOB.test(parts[0]!) && !JOB.test(parts[1]!) && parts[1]!.split(' ').length >= 2) {
    // "Leder af KKR, Henrik Haue Fabiansson"
    title = parts[0]!;
    name = parts[1]!;
    organisation = parts.slice(2).join(', ') || null;
  } else if (parts.length >= 2 && JOB.test(parts[1]!) && /^\p{Ll}/u.test(parts[1]!)) {
    // "Christian Brincker Nordbek, chefkonsulent, KKR-sekretariatet"
    title = parts[1]!;
    organisation = parts.slice(2).join(', ') || null;
  } else {
    // "Kommunaldirektør Jesper Kaas Schmidt, Randers"
    const words = name.split(' ');
    if (words.length > 2 && JOB.test(words[0]!)) {
      title = words[0]!;
      name = words.slice(1).join(' ');
    }
    organisation = parts.slice(1).join(', ') || null;
  }
  return { name, title, organisation: organisation && municipalityName(organisation), group, minuteTaker };
}
