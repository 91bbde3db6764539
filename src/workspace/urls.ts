/** @module The workspace's addresses, in one place (the parts link to each other's pages). */

export const workspaceUrl = () => '/arbejdsrum';
/** An organisation's page in the workspace: its drafts, meetings and template. */
export const organizationWorkspaceUrl = (slug: string) => `/arbejdsrum/organisationer/${encodeURIComponent(slug)}`;
/** A new meeting of the organisation (the agenda builder's first form). */
export const newMeetingUrl = (slug: string) => `${organizationWorkspaceUrl(slug)}/nyt-moede`;
/** The organisation's own agenda template. */
export const templateUrl = (slug: string) => `${organizationWorkspaceUrl(slug)}/skabelon`;
/** An agenda draft in the builder. */
export const agendaDraftUrl = (draftId: number) => `/arbejdsrum/dagsordener/${draftId}`;
/** Starts (POST) the minutes of a meeting whose agenda is published. */
export const startMinutesUrl = (meetingId: number) => `/arbejdsrum/moeder/${meetingId}/referat`;
/** A minutes draft: attendance and decisions. */
export const minutesDraftUrl = (draftId: number) => `/arbejdsrum/referater/${draftId}`;
/** Importing a document into the workspace (preview, corrections). */
export const importUrl = () => '/arbejdsrum/indlaes';
