import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureExpected, PROFILES, REPO, tempLibraryFile } from './helpers/fixtures';

function lectern(args: string[], options: { input?: string; library?: string } = {}) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], {
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, LECTERN_LIBRARY: options.library ?? tempLibraryFile() },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lectern CLI', () => {
  it('parse prints exactly the fixture shape', () => {
    const r = lectern(['parse', join(PROFILES, 'seed-profile.txt')]);
    expect(r.code).toBe(0);
    const { source_file: _file, _notes: _n, ...expected } = fixtureExpected('seed-profile') as Record<string, unknown>;
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('parse reads standard input with -', () => {
    const r = lectern(['parse', '-'], { input: 'Chong Ruan\nCL\nh-index38\n18papers\n\nCLAug 15, 2024Code\nA title\n\nA. Author\n\nAn abstract.' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).papers[0]).toMatchObject({ title: 'A title', authors: ['A. Author'], date: '2024-08-15', has_code: true });
  });

  it('--source reads a paste as the source named instead of detecting it, and refuses an unknown one', () => {
    const asDblp = lectern(['parse', '--source', 'dblp', join(PROFILES, 'seed-profile.txt')]);
    expect(asDblp.code).toBe(1);
    expect(asDblp.stderr).toMatch(/^lectern: This looks like a dblp person page, but no papers were found: /);
    const asScholar = lectern(['parse', '--source', 'google_scholar', join(PROFILES, 'google-scholar.txt')]);
    expect(JSON.parse(asScholar.stdout)).toMatchObject({ source: 'google_scholar', author: { name: 'Henrik Ødegård' } });
    const bad = lectern(['import', '--source', 'myspace', join(PROFILES, 'seed-profile.txt')]);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, `lectern: --source takes one of scholarfeed, scholarfeed_paper, google_scholar, semantic_scholar, dblp, arxiv_author, arxiv_listing, arxiv_search, openreview, orcid, researchgate, acm_dl, scopus, paperswithcode, huggingface_papers, generic`]);
  });

  it('imports, lists sorted papers, authors, a card and metrics from one library', () => {
    const library = tempLibraryFile();
    const imported = lectern(['import', join(PROFILES, 'seed-profile.txt')], { library });
    expect(imported.stdout).toContain('Imported the scholarfeed author page of Chong Ruan: 18 added, 0 updated, 0 unchanged.');
    const papers = JSON.parse(lectern(['papers', '--sort', 'date', '--desc', '--json'], { library }).stdout);
    expect(papers.total).toBe(18);
    expect(papers.rows[0].title).toBe('DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models');
    const text = lectern(['papers', '--sort', 'title'], { library }).stdout.split('\n');
    expect(text[2]).toMatch(/^2024-06-17 {2}SE {3}code {2}DeepSeek-Coder-V2: Breaking the Barrier/);
    expect(lectern(['authors'], { library }).stdout).toMatch(/Chong Ruan {2}CL {8}18 {6}38 {7}14,139/);
    const card = JSON.parse(lectern(['author', 'chong ruan', '--json'], { library }).stdout);
    expect(card.metrics).toMatchObject({ hIndex: 38, citations: 14139 });
    // Issue 9: the affiliations are the papers', and the text says so.
    expect(card.paperAffiliations[0]).toEqual({ name: 'pku', count: 6 });
    expect(lectern(['author', 'chong ruan'], { library }).stdout).toContain('\non papers with: pku (6), stanford (4), tsinghua (4), microsoft-research (2)\n');
    expect(lectern(['metrics', 'Ruan'], { library }).stdout).toContain('with code: 9 of 18 (50%)');
  });

  it('writes errors to stderr with a non-zero exit code', () => {
    const bad = lectern(['import', '-'], { input: 'not a profile' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^lectern: This text is not a page Lectern can read\./);
    const usage = lectern(['papers', '--sort', 'colour']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--sort takes one of');
    const unknown = lectern(['papers', '--colour']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'lectern: Unknown option --colour']);
    expect(lectern([]).code).toBe(2);
    expect(lectern(['--help']).code).toBe(0);
    const missing = lectern(['author', 'Nobody Here']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('lectern: No author named "Nobody Here" in the library.\n');
    expect(lectern(['parse', '/no/such/file.txt']).stderr).toBe('lectern: Cannot read /no/such/file.txt: there is no such file.\n');
  });
});
