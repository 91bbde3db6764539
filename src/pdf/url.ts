/** @module The PDF downloads' address, for the pages that link them and the routes that serve them. */
import type { DocumentKind } from '../model/index.js';
import { kindSegment, meetingUrl } from '../web/urls.js';

/** `/meetings/12/documents/minutes.pdf`: a meeting document's current version as PDF. */
export function pdfUrl(meetingId: number, kind: DocumentKind): string {
  return `${meetingUrl(meetingId)}/documents/${kindSegment(kind)}.pdf`;
}
