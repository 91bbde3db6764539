/**
 * @module An item's bilag list: each bilag by title, a stored one as a download link with its
 * type and size ("PDF, 1,2 MB"). Only bilag the viewer may read reach it (archive/view.ts).
 */
import { storedBilagOf, type StoredBilag } from '../../archive/bilag.js';
import { ACCESS_LABELS, mediaTypeOf, type Attachment } from '../../model/index.js';
import { bilagUrl } from '../urls.js';
import { Icon } from './icon.js';

/** A file size as Danish readers write it: "820 kB", "1,2 MB". */
export function danishFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** A media type as a reader names it. */
export function fileTypeLabel(mediaType: string): string {
  if (mediaType === mediaTypeOf('pdf')) return 'PDF';
  if (mediaType === mediaTypeOf('docx')) return 'Word';
  return 'fil';
}

/** One bilag: its title, a link to its file when stored. */
function BilagLine(props: { attachment: Attachment; stored: StoredBilag | null }) {
  const { attachment: a, stored } = props;
  const title = a.title || 'Bilag uden titel';
  return (
    <li>
      <Icon name="attach-file" />
      {stored ? (
        <>
          <a href={bilagUrl(stored.fileId)}>{title}</a>
          <span class="attachment-file"> ({fileTypeLabel(stored.mediaType)}, {danishFileSize(stored.size)})</span>
        </>
      ) : (
        title
      )}
      {a.access !== 'public' && <span class="badge">{ACCESS_LABELS[a.access]}</span>}
    </li>
  );
}

/** The list of an item's bilag. */
export function BilagList(props: { itemNumber: string; attachments: Attachment[]; stored?: StoredBilag[] }) {
  return (
    <ul class="nobullet-list attachment-list">
      {props.attachments.map((a) => (
        <BilagLine attachment={a} stored={storedBilagOf(props.itemNumber, a, props.stored)} />
      ))}
    </ul>
  );
}
