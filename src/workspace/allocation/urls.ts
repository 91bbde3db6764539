/** @module The allocation workspace's addresses (under /arbejdsrum/fordelinger). */

export const allocationsHomeUrl = () => '/arbejdsrum/fordelinger';
/** Upload (POST) of a FOLK1A file. */
export const populationUploadUrl = () => '/arbejdsrum/fordelinger/folketal';
/** A period's figures, with the form that corrects one. */
export const populationPeriodUrl = (period: string) => `/arbejdsrum/fordelinger/folketal/${encodeURIComponent(period)}`;
/** A meeting's items, each with its allocations. */
export const allocationMeetingUrl = (meetingId: number) => `/arbejdsrum/fordelinger/moeder/${meetingId}`;
/** An item's allocations and the form that creates one. */
export const allocationItemUrl = (meetingId: number, number: string) => `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/${number}`;
