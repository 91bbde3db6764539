/**
 * @module A meeting's documents and their versions: the current version of each with its original
 * file (when the viewer may download it), and the earlier versions, each readable and comparable.
 */
import type { StoredDocumentInfo, VersionListing } from '../../archive/types.js';
import type { DocumentKind } from '../../model/index.js';
import { danishDateTime, formatLabel, kindLabel } from '../format.js';
import { compareUrl, originalUrl, versionUrl } from '../urls.js';

/** "version 2, 1. december 2026 kl. 10.04, import (referat import)". */
function VersionLine(props: { meetingId: number; kind: DocumentKind; version: VersionListing; link: boolean }) {
  const v = props.version;
  const label = `version ${v.version}`;
  return (
    <>
      {props.link ? <a href={versionUrl(props.meetingId, props.kind, v.version)}>{label}</a> : label}
      <span class="version-meta">, {danishDateTime(v.createdAt)}, {v.source === 'file' ? `indlæst fra ${v.fileName ?? 'fil'}` : 'skrevet i Referat'}</span>
      {v.fileId !== null && v.format && (
        <>
          {' · '}
          <a href={originalUrl(v.fileId)} download>
            original som {formatLabel(v.format)}
          </a>
        </>
      )}
    </>
  );
}

/** The documents list of the meeting page. */
export function Documents(props: { meetingId: number; documents: StoredDocumentInfo[] }) {
  return (
    <ul class="nobullet-list document-links">
      {props.documents.map((d) => {
        const earlier = d.versions.filter((v) => !v.current);
        return (
          <li>
            <strong>{kindLabel(d.kind)}</strong>: gældende <VersionLine meetingId={props.meetingId} kind={d.kind} version={d.current} link={earlier.length > 0} />
            {earlier.length > 0 && (
              <ul class="version-list">
                {earlier.map((v) => (
                  <li>
                    <VersionLine meetingId={props.meetingId} kind={d.kind} version={v} link={true} />
                    {' · '}
                    <a href={compareUrl(props.meetingId, d.kind, v.version)}>sammenlign med gældende</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
