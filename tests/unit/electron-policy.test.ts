/**
 * The desktop window's policies, Electron-free: which links may open in the OS browser, and which
 * files an app://lectern URL may read.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyExternalLink, TRUSTED_LINK_HOSTS } from '../../electron/main/external-links';
import { APP_ENTRY_URL, contentTypeFor, isAppUrl, resolveAppFile } from '../../electron/main/app-url';

describe('external links', () => {
  it.each([
    'https://doi.org/10.48550/arXiv.2405.04434',
    'https://arxiv.org/abs/2405.04434',
    'https://www.scholarfeed.org/author/abc',
    'https://scholar.google.com/citations?user=x',
    'https://dblp.org/pid/1/2.html',
    'https://orcid.org/0000-0002-1825-0097',
    'https://www.semanticscholar.org/author/1',
    'https://openreview.net/forum?id=x',
    'https://www.researchgate.net/profile/x',
    'https://dl.acm.org/doi/10.1145/1',
    'https://www.scopus.com/authid/detail.uri?authorId=1',
    'https://paperswithcode.com/paper/x',
    'https://huggingface.co/papers/2405.04434',
    'https://github.com/deepseek-ai/DeepSeek-V2',
    'HTTPS://ARXIV.ORG/abs/1',
  ])('opens %s at once', (url) => {
    expect(classifyExternalLink(url)).toEqual({ action: 'open', url: new URL(url).href });
  });

  it.each([
    'https://example.com/',
    'https://evilarxiv.org/abs/1',
    'https://arxiv.org.evil.example/abs/1',
    'https://acm.org/',
    'https://user:pw@arxiv.org/abs/1',
    'https://arxiv.org:8443/abs/1',
    'https://doi.org@evil.example/',
  ])('asks before opening %s, naming the normalised URL', (url) => {
    expect(classifyExternalLink(url)).toEqual({ action: 'confirm', url: new URL(url).href });
  });

  it.each(['http://arxiv.org/abs/1', 'file:///etc/passwd', 'javascript:alert(1)', 'app://lectern/index.html', 'mailto:a@b.c', 'ms-settings:', 'smb://host/share', 'not a url', ''])('refuses %j', (url) => {
    expect(classifyExternalLink(url).action).toBe('refuse');
  });

  it('never lets a non-https link through, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file'] }), fc.string()), (raw) => {
        const verdict = classifyExternalLink(raw);
        return verdict.action === 'refuse' || new URL(verdict.url).protocol === 'https:';
      }),
      { numRuns: 2000 },
    );
    expect(TRUSTED_LINK_HOSTS).toContain('doi.org');
  });
});

describe('app:// URLs', () => {
  const root = mkdtempSync(join(tmpdir(), 'lectern-app-'));

  it('maps the app origin to files under the renderer folder', () => {
    expect(APP_ENTRY_URL).toBe('app://lectern/index.html');
    expect(resolveAppFile('app://lectern/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://lectern/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://lectern/papers', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://lectern/assets/index-1a2b.js?v=1#x', root)).toBe(join(root, 'assets', 'index-1a2b.js'));
    expect(resolveAppFile('app://lectern/assets/a%20b.css', root)).toBe(join(root, 'assets', 'a b.css'));
    expect(contentTypeFor('x/index-1a2b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('KaTeX_Main-Regular.woff2')).toBe('font/woff2');
  });

  it.each([
    // URL parsing resolves plain and %2e dot segments within the origin first: they stay inside.
    ['app://lectern/../../etc/passwd', join(root, 'index.html')],
    ['app://lectern/%2e%2e/%2e%2e/etc/passwd.txt', join(root, 'etc', 'passwd.txt')],
    // Encoded slashes are decoded after URL parsing: climbing out is refused.
    ['app://lectern/..%2f..%2fetc%2fpasswd', null],
    ['app://lectern/assets/..%2f..%2f..%2fsecret.js', null],
    ['app://lectern/a%00.js', null],
    ['app://lectern/%E0%A4%A.js', null],
    ['app://other/index.html', null],
    ['app://user@lectern/index.html', null],
    ['file:///etc/passwd', null],
    ['https://lectern/index.html', null],
    ['nonsense', null],
  ])('confines %s', (url, expected) => {
    expect(resolveAppFile(url, root)).toBe(expected);
  });

  it('refuses a backslash climb where backslash separates paths, keeps it a file name elsewhere', () => {
    const file = resolveAppFile('app://lectern/..%5c..%5csecret.js', root);
    if (process.platform === 'win32') expect(file).toBeNull();
    else expect(file).toBe(join(root, '..\\..\\secret.js'));
  });

  it('never resolves outside the renderer folder, whatever the URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('.', '/', '%', '2', 'e', 'f', 'c', '5', 'a', '\\\\') }), (tail) => {
        const file = resolveAppFile(`app://lectern/${tail}`, root);
        return file === null || file.startsWith(join(root, '/'));
      }),
      { numRuns: 5000 },
    );
  });

  it('recognises app pages only', () => {
    expect(isAppUrl('app://lectern/index.html#/papers')).toBe(true);
    for (const url of ['app://lectern.evil/index.html', 'file:///app/out/renderer/index.html', 'http://lectern/', undefined, '']) expect(isAppUrl(url), String(url)).toBe(false);
  });
});
