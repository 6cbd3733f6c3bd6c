/**
 * Packaging settings that are security policy: the Electron fuses electron-builder flips, and that the
 * app's own code stays inside app.asar (under the integrity check) rather than unpacked beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixtures';

const config = readFileSync(join(REPO, 'electron-builder.yml'), 'utf8');

/** The `key: value` lines of a top-level mapping of the YAML file (enough for this flat config). */
function section(name: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.indexOf(`${name}:`);
  expect(start, `${name}: in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (.+)$/.exec(line);
    if (!match) break;
    entries[match[1]!] = match[2]!;
  }
  return entries;
}

describe('electron-builder.yml', () => {
  it('sets the Electron fuses', () => {
    expect(section('electronFuses')).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('unpacks only the native SQLite module, not the app code (the reader thread loads from app.asar)', () => {
    const after = config.slice(config.indexOf('asarUnpack:')).split('\n').slice(1);
    const unpack = after.slice(0, after.findIndex((l) => !l.startsWith('  - '))).map((l) => l.slice(4));
    expect(unpack).toEqual(['"**/node_modules/better-sqlite3/**"', '"**/*.node"']);
    expect(config).not.toMatch(/asar: false/);
  });
});
