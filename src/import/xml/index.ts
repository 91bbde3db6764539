/**
 * @module Agenda and minutes XML exported by Danish case systems — SBSYS (and the Aarhus
 * variant), Acadre MM, eDoc and eDoc 4 / Fujitsu — read into the same model as every other
 * import. The format is told from the root element and namespace, never the file name.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { closedNumbers, type MeetingDocument } from '../../model/index.js';
import type { ImportOptions } from '../line.js';
import { isAcadreAgenda, isAcadreManifest, manifestAgendaPath, readAcadreAgenda, readAcadreManifest, type LoadRelated } from './acadre.js';
import { decodeXml, kids, localName, parseXml, rootOf, type Element } from './dom.js';
import { readEdoc } from './edoc.js';
import { isFujitsu, readFujitsu } from './fujitsu.js';
import { readSbsys, sbsysVariant } from './sbsys.js';

export type { LoadRelated } from './acadre.js';

export type CaseSystemFormat = 'sbsys' | 'sbsys-aarhus' | 'acadre-manifest' | 'acadre' | 'edoc' | 'edoc4';

export interface CaseSystemOptions extends ImportOptions {
  /**
   * Loads a file another names, by its path relative to the file being read: an Acadre
   * manifest names its agenda file (`Files_1863_3687982/3687981.xml`). Without it a manifest
   * cannot be read; the agenda file itself always can.
   */
  loadRelated?: LoadRelated;
}

export interface CaseSystemDocument {
  document: MeetingDocument;
  format: CaseSystemFormat;
}

/** The case system that wrote a parsed XML root, or null when it is none of the known ones. */
export function caseSystemOf(root: Element): CaseSystemFormat | null {
  const name = localName(root);
  if (name === 'Publication' && kids(root, 'Agendas').length > 0) return sbsysVariant(root);
  if (root.name === 'root' && isAcadreManifest(root)) return 'acadre-manifest';
  if (root.name === 'root' && isAcadreAgenda(root)) return 'acadre';
  if (name === 'Meeting' && kids(root, 'MeetingAgendaTypes').length > 0) return 'edoc';
  if (isFujitsu(root)) return 'edoc4';
  return null;
}

/** The case system that wrote an XML file, from its content; null for other XML. */
export function detectCaseSystem(bytes: Uint8Array): CaseSystemFormat | null {
  const root = rootOf(parseXml(decodeXml(bytes)));
  return root ? caseSystemOf(root) : null;
}

/** Reads a case-system XML file into a validated MeetingDocument; throws for XML it does not know. */
export async function readCaseSystemXml(bytes: Uint8Array, fileName: string, options: CaseSystemOptions = {}): Promise<CaseSystemDocument> {
  const root = rootOf(parseXml(decodeXml(bytes)));
  if (!root) throw new Error(`${fileName} holds no XML element`);
  const format = caseSystemOf(root);
  switch (format) {
    case 'sbsys':
    case 'sbsys-aarhus':
      return { document: readSbsys(root, options), format };
    case 'acadre-manifest':
      return { document: await readAcadreManifest(root, options.loadRelated, options), format };
    case 'acadre':
      return { document: readAcadreAgenda(root, options), format };
    case 'edoc':
      return { document: readEdoc(root, options), format };
    case 'edoc4':
      return { document: readFujitsu(root, options), format };
    case null:
      // The name as the file has it, cut: a mutated file's "name" can run to kilobytes.
      throw new Error(`XML with root <${root.name.length > 60 ? `${root.name.slice(0, 60)}…` : root.name}> is not an agenda export Referat knows (SBSYS, Acadre, eDoc, eDoc 4)`);
  }
}

/** How much of a document the public archive keeps back. */
export interface ClosedCounts {
  /** Closed items, sub-items of closed items included. */
  items: number;
  /** Bilag that are closed themselves or belong to a closed item. */
  attachments: number;
}

/** For an Acadre manifest, the path of the agenda file it imports (relative to it); else null. */
export function acadreAgendaPathOf(bytes: Uint8Array): string | null {
  try {
    const root = rootOf(parseXml(decodeXml(bytes)));
    return root && caseSystemOf(root) === 'acadre-manifest' ? manifestAgendaPath(root) : null;
  } catch {
    return null;
  }
}

/** Counts the closed items and closed bilag of a document, for the import summary. */
export function closedCounts(doc: MeetingDocument): ClosedCounts {
  const closed = closedNumbers(doc.items);
  let items = 0;
  let attachments = 0;
  for (const item of doc.items) {
    const shut = closed.has(item.number);
    if (shut) items++;
    attachments += item.attachments.filter((a) => shut || a.access !== 'public').length;
  }
  return { items, attachments };
}

/**
 * A loader for the files a manifest names, relative to the manifest's folder. Names are matched
 * without regard to case (Acadre writes "3687981.xml" for a file saved as "3687981.XML"), and a
 * path that leaves the folder is refused: the manifest is input, not a licence to read anywhere.
 */
export function siblingLoader(manifestPath: string): LoadRelated {
  return async (relative) => {
    const parts = relative.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    if (isAbsolute(relative) || parts.some((p) => p === '..')) return null;
    let dir = dirname(manifestPath);
    for (const part of parts) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return null;
      }
      const match = names.find((n) => n === part) ?? names.find((n) => n.toLowerCase() === part.toLowerCase());
      if (!match) return null;
      dir = join(dir, match);
    }
    try {
      return await readFile(dir);
    } catch {
      return null;
    }
  };
}
