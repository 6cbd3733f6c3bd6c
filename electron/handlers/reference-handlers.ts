/**
 * Handler entries for the references channels (shared/contract/references.ts): import, export, citations,
 * styles and citation keys. Kept exports: being written (issue 11, h-clikeep).
 */
import type { Entry } from './channel-entry';
import { LecternError } from '../../shared/errors';
import { referencesChannels } from '../../shared/contract/references';
import { citationKeyPattern, setCitationKey, setCitationKeyPattern } from '../../db/library/citation-keys';
import { citePapers } from '../../db/library/cite-papers';
import { addCslStyle, listCslStyles, removeCslStyle } from '../../db/library/csl-styles';
import { exportReferences } from '../../db/library/reference-export';
import { importReferenceFile, previewReferences } from './reference-file-handlers';
import { listKeptExports, removeKeptExport } from '../../db/library/kept-exports';
import { keptExportsOf } from './kept-exports';

type ReferenceChannel = keyof typeof referencesChannels;

const notYet = (): never => {
  throw new LecternError('INTERNAL', 'This is not built yet.');
};

export const referenceEntries: { [C in ReferenceChannel]: Entry<C> } = {
  'references.preview': { custom: previewReferences },
  'references.import': { custom: importReferenceFile },
  'references.export': (db, input) => exportReferences(db, input),
  'cite.format': (rdb, input) => citePapers(rdb, input),
  'styles.list': (rdb) => listCslStyles(rdb),
  'styles.add': (db, input) => addCslStyle(db, input),
  'styles.remove': (db, input) => {
    removeCslStyle(db, input.styleId);
    return {};
  },
  'papers.setCitationKey': (db, input) => setCitationKey(db, input),
  'citationKeys.pattern': (rdb) => citationKeyPattern(rdb),
  'citationKeys.setPattern': (db, input) => setCitationKeyPattern(db, input.pattern),
  'keptExports.list': (rdb) => listKeptExports(rdb),
  'keptExports.set': { custom: (s, input) => keptExportsOf(s).set(input) },
  'keptExports.remove': (db, { id }) => {
    removeKeptExport(db, id);
    return {};
  },
};
