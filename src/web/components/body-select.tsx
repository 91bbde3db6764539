/** @module The "Organ" filter of the plain GET forms (meetings list, people index): every body, or all. */
import type { BodySummary } from '../../archive/types.js';

/** A `body` select with "Alle organer" first; `selected` is the chosen body's slug. */
export function BodySelect(props: { id: string; bodies: BodySummary[]; selected: string | undefined }) {
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>Organ</label>
      <select class="form-select" id={props.id} name="body">
        <option value="" selected={!props.selected}>Alle organer</option>
        {props.bodies.map((b) => <option value={b.slug} selected={b.slug === props.selected}>{b.name}</option>)}
      </select>
    </div>
  );
}
