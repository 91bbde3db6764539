/**
 * @module Earlier versions of a meeting document: the version at its own URL (laid out as the
 * meeting page, under a notice saying which version it is) and the version compared with the
 * current one, item by item, side by side: paragraphs removed (before) | added (after).
 */
import type { VersionComparison, VersionView } from '../../archive/types.js';
import { danishDateTime, kindDefinite, kindLabel, meetingTitle } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { bodyUrl, compareUrl, meetingUrl, versionUrl } from '../urls.js';
import { renderMeetingPage } from './meeting.js';

/** One version of a document, as the meeting page lays it out, with a notice on top. */
export function renderVersionPage(view: VersionView): string {
  const { meeting, kind, version, versions } = view;
  const current = versions.find((v) => v.current);
  const notice = (
    <div class={`alert ${version.current ? 'alert-info' : 'alert-warning'}`} role="note">
      <div class="alert-body">
        <p class="alert-heading">
          Version {version.version} af {versions.length} af {kindDefinite(kind)}, fra {danishDateTime(version.createdAt)}
        </p>
        <p class="alert-text">
          {version.current || !current ? (
            <>Dette er den gældende version.</>
          ) : (
            <>
              Den gældende version er version {current.version}. <a href={meetingUrl(meeting.id)}>Se den gældende version</a> eller{' '}
              <a href={compareUrl(meeting.id, kind, version.version)}>sammenlign de to</a>.
            </>
          )}
        </p>
      </div>
    </div>
  );
  const documents = [{ kind, current: current ?? version, versions }];
  return renderMeetingPage(
    { meeting, document: view.document, documents, people: [] },
    { notice, title: `${kindLabel(kind)} version ${version.version}: ${meetingTitle(meeting)}` },
  );
}

/** A version compared with the current one. */
export function renderComparePage(view: VersionComparison): string {
  const { meeting, kind, version, current, change, items } = view;
  const title = `${kindLabel(kind)}: version ${version.version} sammenlignet med version ${current.version}`;
  const crumbs = [
    { text: 'Forside', href: '/' },
    ...(meeting.body ? [{ text: meeting.body.name, href: bodyUrl(meeting.body.slug) }] : []),
    { text: meetingTitle(meeting), href: meetingUrl(meeting.id) },
    { text: `Version ${version.version}` },
  ];
  return renderPage(
    <Layout title={title} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      <p class="font-lead">
        {meetingTitle(meeting)}. <a href={versionUrl(meeting.id, kind, version.version)}>Version {version.version}</a> er fra{' '}
        {danishDateTime(version.createdAt)}; den gældende <a href={meetingUrl(meeting.id)}>version {current.version}</a> er fra{' '}
        {danishDateTime(current.createdAt)}.
      </p>
      <ul class="compare-summary">
        <li>Punkter tilføjet: {change.itemsAdded.length}, fjernet: {change.itemsRemoved.length}, ændret: {change.itemsChanged.length}</li>
        <li>Beslutninger: {change.decisionsBefore} → {change.decisionsAfter}</li>
        <li>Ord: {change.wordsBefore} → {change.wordsAfter}</li>
      </ul>
      {items.length === 0 && <p>Teksten er den samme i de to versioner.</p>}
      {items.map((item) => (
        <section class="compare-item">
          <h2>
            {item.key} <span class="badge">{item.status === 'added' ? 'Tilføjet' : item.status === 'removed' ? 'Fjernet' : 'Ændret'}</span>
          </h2>
          <table class="table table--compact compare-columns">
            <caption class="sr-only">Punkt {item.key}: før og efter</caption>
            <thead>
              <tr>
                <th scope="col">Før: kun i version {version.version}</th>
                <th scope="col">Efter: kun i version {current.version}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  {item.removed.length === 0 ? <p class="form-hint">Intet fjernet.</p> : item.removed.map((p) => <p><del>{p}</del></p>)}
                </td>
                <td>
                  {item.added.length === 0 ? <p class="form-hint">Intet tilføjet.</p> : item.added.map((p) => <p><ins>{p}</ins></p>)}
                </td>
              </tr>
            </tbody>
          </table>
        </section>
      ))}
    </Layout>,
  );
}
