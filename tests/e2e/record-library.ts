/**
 * Fills a library file for the bibliographic-record spec, as another process would (the window follows
 * the library live): the Google Scholar fixture's papers as the parser's output (the parser may not be
 * on this branch), read on 2026-12-07, a Semantic Scholar count for one of them a day later, and a paper
 * with a DOI, an arXiv id with its version, a URL and a code link.
 * Run: node --import tsx tests/e2e/record-library.ts <library file>
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importProfile } from '../../db/library/import-profile';
import { openLibrary } from '../../db/open';
import type { ParsedPaper, ParsedProfile } from '../../shared/paste/parsed';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const report = { skipped: [], incompleteTail: null, warnings: [] };
const gs = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'profiles', 'google-scholar.expected.json'), 'utf8')) as ParsedProfile;
const cl = gs.papers.find((p) => p.venue === 'Computational Linguistics 59 (11), 713-726')!;

const lib = openLibrary(process.argv[2]!);
importProfile(lib.db, 'google scholar page', { profile: { source: 'google_scholar', author: gs.author, papers: gs.papers }, report }, { now: '2026-12-07T10:00:00.000Z' });
importProfile(lib.db, 'semantic scholar page', { profile: { source: 'semantic_scholar', author: null, papers: [{ ...cl, venue: 'Computational Linguistics', citations: 402 }] }, report }, {
  now: '2026-12-08T10:00:00.000Z',
});
const withLinks: ParsedPaper = {
  ...cl,
  title: 'Linked record of a speech corpus',
  venue: "INTERSPEECH '24: Proceedings of the Annual Conference",
  pages: '1201–1205',
  type: 'research-article',
  citations: 7,
  ids: { doi: '10.21437/Interspeech.2024-118', arxiv: '2406.01234v2' },
  has_code: true,
  extra: { article_no: '118', code_url: 'https://github.com/example/speech-corpus', url: 'https://www.isca-archive.org/interspeech_2024/x24_interspeech.html' },
};
importProfile(lib.db, 'acm page', { profile: { source: 'acm_dl', author: null, papers: [withLinks] }, report }, { now: '2026-12-07T11:00:00.000Z' });
lib.close();
