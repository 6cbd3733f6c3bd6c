/**
 * Handler entries for the references channels (shared/contract/references.ts): import, export, citations,
 * styles, citation keys and kept exports. STUBS: being written (issue 11).
 */
import type { Entry } from './channel-entry';
import { LecternError } from '../../shared/errors';
import { referencesChannels } from '../../shared/contract/references';
import { listKeptExports, removeKeptExport } from '../../db/library/kept-exports';
import { keptExportsOf } from './kept-exports';

type ReferenceChannel = keyof typeof referencesChannels;

const notYet = (): never => {
  throw new LecternError('INTERNAL', 'This is not built yet.');
};

export const referenceEntries: { [C in ReferenceChannel]: Entry<C> } = {
  'references.preview': { custom: notYet },
  'references.import': { custom: notYet },
  'references.export': notYet,
  'cite.format': notYet,
  'styles.list': notYet,
  'styles.add': notYet,
  'styles.remove': notYet,
  'papers.setCitationKey': notYet,
  'citationKeys.pattern': notYet,
  'citationKeys.setPattern': notYet,
  'keptExports.list': (rdb) => listKeptExports(rdb),
  'keptExports.set': { custom: (s, input) => keptExportsOf(s).set(input) },
  'keptExports.remove': (db, { id }) => {
    removeKeptExport(db, id);
    return {};
  },
};
