/**
 * The four real renderings in ../shared/real-documents (outside the repository: real names) import
 * to what their case-system XML twins say: the same items, numbers, titles, case numbers and
 * decisions, the same meeting header, and the same attendance where the rendering prints it (the
 * eDoc 4 HTML pages print no participant list). Skipped without ../shared; required in CI.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realEntries, scoreEntry, SHARED } from './run.js';

const HAVE_SHARED = existsSync(join(SHARED, 'real-documents'));
if (!HAVE_SHARED) {
  if (process.env.REFERAT_REQUIRE_SHARED) throw new Error(`${SHARED}/real-documents is missing: the real renderings are needed here`);
  console.warn(`skipping the real renderings: ${SHARED}/real-documents is not there (it is outside the repository)`);
}

/** Attendance each rendering prints (the Syddjurs minutes list the members; the eDoc agendas list none). */
const PRINTS_ATTENDANCE: Record<string, boolean> = {
  'syddjurs-puk-referat-2013-06-20.docx': true,
  'syddjurs-puk-referat-2013-06-20.pdf': true,
  'fujitsu-test-dagsorden-41a93779.html': false,
  'fujitsu-test-dagsorden-e9117c72.html': false,
};

describe.skipIf(!HAVE_SHARED)('real renderings against their XML twins', () => {
  for (const entry of realEntries()) {
    it(`${entry.name} imports to its twin's items, numbers, titles, case numbers, decisions and header`, async () => {
      const row = await scoreEntry(entry);
      expect(row.refused, entry.name).toBeNull();
      const { meta, items, titles, caseNumbers, decisions, participants, absences } = row.scores;
      expect({ meta, items, titles, caseNumbers, decisions }, entry.name).toEqual({
        meta: 1,
        items: 1,
        titles: 1,
        caseNumbers: caseNumbers === null ? null : 1,
        decisions: decisions === null ? null : 1,
      });
      if (PRINTS_ATTENDANCE[entry.name]) expect({ participants, absences }, entry.name).toEqual({ participants: participants === null ? null : 1, absences: absences === null ? null : 1 });
    });
  }
  it('finds all four renderings', () => {
    expect(realEntries()).toHaveLength(4);
  });
});
