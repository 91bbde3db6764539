/** @module The JSON shape of `/api/search`, kept apart from the archive's richer hit type. */
import type { SearchResult } from '../archive/types.js';

export interface ApiSearchHit {
  title: string;
  itemNumber: string;
  meetingDate: string | null;
  body: string | null;
  /** HTML: escaped text with <mark> around the matched words. */
  snippet: string;
  url: string;
}

export interface ApiSearchResponse {
  total: number;
  /** True when `total` is an estimate (very common words); the results themselves are exact. */
  totalIsEstimate: boolean;
  page: number;
  limit: number;
  results: ApiSearchHit[];
}

/** Map an archive search result to the public JSON response. */
export function apiSearchResponse(result: SearchResult): ApiSearchResponse {
  return {
    total: result.total,
    totalIsEstimate: result.totalIsEstimate ?? false,
    page: result.page,
    limit: result.limit,
    results: result.results.map((h) => ({
      title: h.title,
      itemNumber: h.itemNumber,
      meetingDate: h.meetingDate,
      body: h.body,
      snippet: h.snippet,
      url: h.url,
    })),
  };
}
