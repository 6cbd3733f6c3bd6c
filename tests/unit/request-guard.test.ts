/** Browser mode's request target parser and Host/Origin rules (pure functions, no server). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../electron/server/request-target';
import { allowedHosts, hostAllowed, originAllowed } from '../../electron/server/request-guard';

describe('parseRequestTarget', () => {
  it('reads paths and queries without looking for an authority', () => {
    expect(parseRequestTarget('/')).toEqual({ ok: true, path: '/', query: '' });
    expect(parseRequestTarget('/?token=abc')).toEqual({ ok: true, path: '/', query: 'token=abc' });
    expect(parseRequestTarget('/assets/index-1a2b.js')).toEqual({ ok: true, path: '/assets/index-1a2b.js', query: '' });
    expect(parseRequestTarget('/a%20b/%C3%A9?q=%zz#frag')).toEqual({ ok: true, path: '/a b/é', query: 'q=%zz' });
    expect(parseRequestTarget('/api/papers.list')).toEqual({ ok: true, path: '/api/papers.list', query: '' });
  });

  it.each(['//[', '//%', '//:99999/', '//a:b:c/', '%', '*', 'http://evil/', 'evil.example:443', '', '/%', '/%g0', '/%ff', '/a%00', '/a b', '/\u00e9', '/a\u0001'])('refuses %j with a reason', (target) => {
    const r = parseRequestTarget(target);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^[a-z].*\.$/);
  });

  it('never throws, whatever the target', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = parseRequestTarget(s);
        return r.ok ? s.startsWith('/') && !s.startsWith('//') && r.path.startsWith('/') : r.reason.length > 0;
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('Host and Origin', () => {
  const local = allowedHosts('127.0.0.1', 4321);

  it('allows the loopback names with the port, and only those by default', () => {
    expect([...local].sort()).toEqual(['127.0.0.1:4321', '[::1]:4321', 'localhost:4321']);
    expect(hostAllowed('LocalHost:4321', local)).toBe(true);
    expect(hostAllowed('localhost', local)).toBe(false);
    expect(hostAllowed('evil.example:4321', local)).toBe(false);
    expect(hostAllowed(undefined, local)).toBe(false);
  });

  it('adds the --host given, IPv6 in brackets, and the interfaces for a wildcard', () => {
    expect(allowedHosts('192.168.1.5', 80)).toEqual(new Set(['127.0.0.1:80', '127.0.0.1', 'localhost:80', 'localhost', '[::1]:80', '[::1]', '192.168.1.5:80', '192.168.1.5']));
    expect(allowedHosts('fe80::1', 5555).has('[fe80::1]:5555')).toBe(true);
    expect(allowedHosts('Lectern.Local', 5555).has('lectern.local:5555')).toBe(true);
    const wild = allowedHosts('0.0.0.0', 5555, () => ['10.0.0.7', 'fe80::2%eth0']);
    expect(wild.has('10.0.0.7:5555')).toBe(true);
    expect(wild.has('[fe80::2]:5555')).toBe(true);
    expect(wild.has('0.0.0.0:5555')).toBe(false);
  });

  it('accepts no Origin or the own origin; refuses others, null and https', () => {
    expect(originAllowed(undefined, local)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4321', local)).toBe(true);
    expect(originAllowed('http://localhost:4321', local)).toBe(true);
    for (const o of ['null', 'http://evil.example', 'https://127.0.0.1:4321', 'http://127.0.0.1:4322', 'http://127.0.0.1:4321/x', '']) expect(originAllowed(o, local), o).toBe(false);
  });
});
