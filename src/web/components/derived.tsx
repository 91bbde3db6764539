/** @module Where a derived record came from and whether a secretary has gone through it: "Udledt af punkt 4.1 (17. juni 2020) · rettet af sekretariatet". */
import type { CorrectionState } from '../../archive/types.js';
import { danishDate } from '../format.js';
import { itemUrl } from '../urls.js';

const STATE: Record<CorrectionState['action'] | 'none', string> = {
  none: 'ikke gennemgået af sekretariatet',
  confirm: 'bekræftet af sekretariatet',
  change: 'rettet af sekretariatet',
  reject: 'afvist af sekretariatet',
};

/** The correction state in words. */
export function correctionText(correction: CorrectionState | null | undefined): string {
  return STATE[correction?.action ?? 'none'];
}

/** "Udledt af punkt N (date)" linking the item, and the correction state. */
export function DerivedFrom(props: { meetingId: number; number: string; date: string | null; correction?: CorrectionState | null }) {
  return (
    <span class="derived-from">
      <a href={itemUrl(props.meetingId, props.number)}>
        Udledt af punkt {props.number}
        {props.date ? ` (${danishDate(props.date)})` : ''}
      </a>
      <span class={`derived-state derived-state-${props.correction?.action ?? 'none'}`}> · {correctionText(props.correction)}</span>
    </span>
  );
}
