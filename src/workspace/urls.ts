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
/** The builder's forms on an agenda draft: the meeting's facts, a new item, one item, moving an item, publishing. */
export const agendaFactsUrl = (draftId: number) => `${agendaDraftUrl(draftId)}/moede`;
export const agendaItemsUrl = (draftId: number) => `${agendaDraftUrl(draftId)}/punkter`;
export const agendaItemUrl = (draftId: number, index: number) => `${agendaItemsUrl(draftId)}/${index}`;
export const agendaItemMoveUrl = (draftId: number, index: number) => `${agendaItemUrl(draftId, index)}/flyt`;
export const publishAgendaUrl = (draftId: number) => `${agendaDraftUrl(draftId)}/offentliggoer`;
/** Renders section markup as the public page would (POST; the builder's script shows it live). */
export const markupPreviewUrl = () => '/arbejdsrum/forhaandsvisning';
/** The builder's one script (src/web/static/workspace-builder.js): toolbar, live preview, moves without reload. */
export const BUILDER_SCRIPT = '/static/workspace-builder.js';
/** The builder's own styles (src/web/static/workspace-builder.css). */
export const BUILDER_STYLES = '/static/workspace-builder.css';
/** Whether a page runs the builder's script (the CSP allows scripts from 'self' there, and nowhere else). */
export const runsBuilderScript = (path: string) => /^\/arbejdsrum\/dagsordener\/\d+(\/|$)/.test(path);
/** The workspace pages that run a script of ours: the agenda builder and the minutes editor; every other page runs none. */
export const runsWorkspaceScript = (path: string) => runsBuilderScript(path) || /^\/arbejdsrum\/referater\/\d+(\/|$)/.test(path);
