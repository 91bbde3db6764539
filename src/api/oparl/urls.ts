/**
 * @module OParl object URLs: every object's `id` is the URL it is served at, under
 * `<origin>/oparl/v1.1`. Built in one place so objects, lists and routes agree.
 */

/** The URL of the body that holds organisations whose authority no document names. */
export const UNKNOWN_BODY = 'ukendt-myndighed';

/** URL builders for one origin ("https://referat.example"). */
export function oparlUrls(origin: string) {
  const base = `${origin.replace(/\/$/, '')}/oparl/v1.1`;
  return {
    base,
    system: `${base}/`,
    bodies: `${base}/body`,
    body: (slug: string) => `${base}/body/${encodeURIComponent(slug)}`,
    bodyList: (slug: string, list: BodyList) => `${base}/body/${encodeURIComponent(slug)}/${list}`,
    term: (slug: string, id: number) => `${base}/body/${encodeURIComponent(slug)}/legislative-term/${id}`,
    organization: (id: number) => `${base}/organization/${id}`,
    organizationMeetings: (id: number) => `${base}/organization/${id}/meeting`,
    person: (id: number) => `${base}/person/${id}`,
    membership: (id: number) => `${base}/membership/${id}`,
    meeting: (id: number) => `${base}/meeting/${id}`,
    agendaItem: (id: number) => `${base}/agenda-item/${id}`,
    consultation: (id: number) => `${base}/consultation/${id}`,
    paper: (id: number) => `${base}/paper/${id}`,
    file: (id: number) => `${base}/file/${id}`,
    location: (id: number) => `${base}/location/${id}`,
    /** The file's bytes, downloaded from the archive itself. */
    download: (id: number) => `${origin.replace(/\/$/, '')}/documents/${id}/original`,
    /** A bilag's bytes (src/web/bilag.ts). */
    bilag: (id: number) => `${origin.replace(/\/$/, '')}/files/${id}`,
    web: (path: string) => `${origin.replace(/\/$/, '')}${path}`,
  };
}

export type OParlUrls = ReturnType<typeof oparlUrls>;

/** The lists a Body links to. */
export type BodyList = 'organization' | 'person' | 'meeting' | 'paper' | 'agenda-item' | 'membership' | 'file' | 'location' | 'legislative-term';
