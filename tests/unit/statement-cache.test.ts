/** The import's statement cache: one compilation per text, default mode on reuse, the connection's own prepare back after each step. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { statementCache } from '../../db/library/statement-cache';

describe('statementCache', () => {
  it('compiles a text once within its steps, hands it back out of raw mode, and lends itself only for a step', () => {
    const client = new Database(':memory:');
    client.exec('CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, \'x\')');
    const cache = statementCache(client);
    const first = cache.run(() => client.prepare('SELECT a, b FROM t'));
    expect(first.raw().get()).toEqual([1, 'x']);
    const again = cache.run(() => client.prepare('SELECT a, b FROM t'));
    expect(again).toBe(first);
    expect(again.get()).toEqual({ a: 1, b: 'x' });
    // Outside a step the connection compiles afresh, as everywhere else in the app.
    expect(client.prepare('SELECT a, b FROM t')).not.toBe(first);
    expect(Object.hasOwn(client, 'prepare')).toBe(false);
    // A step that throws still gives the connection its prepare back.
    expect(() => cache.run(() => { throw new Error('step failed'); })).toThrow('step failed');
    expect(Object.hasOwn(client, 'prepare')).toBe(false);
    client.close();
  });
});
