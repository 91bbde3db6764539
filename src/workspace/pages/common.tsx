/** @module Pieces the workspace's pages share: the CSRF field, a draft's revision, messages, access-level choices. */
import { CSRF_FIELD } from '../../auth/csrf.js';
import { currentAccount } from '../../auth/current.js';
import type { AccessLevel } from '../../model/index.js';
import { Alert } from '../../web/components/alert.js';
import { workspaceUrl } from '../urls.js';

/** The session's CSRF token as a hidden field (every workspace form). */
export function Csrf() {
  return <input type="hidden" name={CSRF_FIELD} value={currentAccount()?.csrf ?? ''} />;
}

/** The draft revision the form was opened on (saves are refused against a newer one). */
export function Revision(props: { revision: number }) {
  return <input type="hidden" name="revision" value={String(props.revision)} />;
}

export interface Notice {
  error?: string;
  saved?: string;
}

/** An error (not saved) or a confirmation. */
export function Message(props: Notice) {
  if (props.error) return <Alert variant="error" heading="Ikke gemt"><p>{props.error}</p></Alert>;
  if (props.saved) return <Alert variant="success" heading={props.saved} />;
  return null;
}

/** Item access levels as the builder names them. */
export const ITEM_ACCESS: Array<[AccessLevel, string]> = [
  ['public', 'Åbent punkt'],
  ['closed', 'Lukket punkt'],
  ['confidential', 'Fortroligt punkt'],
];
/** Bilag access levels. */
export const BILAG_ACCESS: Array<[AccessLevel, string]> = [
  ['public', 'Åbent'],
  ['closed', 'Lukket'],
  ['confidential', 'Fortroligt'],
];

export function AccessSelect(props: { id: string; name: string; value: AccessLevel; options: Array<[AccessLevel, string]>; label: string }) {
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>{props.label}</label>
      <select class="form-select" id={props.id} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>{label}</option>
        ))}
      </select>
    </div>
  );
}

/** Breadcrumbs from the workspace down. */
export function crumbs(...rest: Array<{ text: string; href?: string }>) {
  return [{ text: 'Forside', href: '/' }, { text: 'Arbejdsrum', href: workspaceUrl() }, ...rest];
}
