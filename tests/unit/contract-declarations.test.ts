import { describe, expect, it } from 'vitest';
import { getTableName, isTable } from 'drizzle-orm';
import * as schema from '../../db/schema';
import { CHANNELS, LIBRARY_TABLES, channelsOfKind, contract, overlaps, tablesChanged, tablesRead } from '../../shared/contract';

describe('the contract declares how each channel runs and what it touches', () => {
  it('names exactly the tables of the Drizzle schema', () => {
    const names = Object.values(schema)
      .filter((v) => isTable(v))
      .map((t) => getTableName(t as Parameters<typeof getTableName>[0]))
      .sort();
    expect([...LIBRARY_TABLES].sort()).toEqual(names);
  });

  it('gives every channel a kind, and every write the tables it changes', () => {
    for (const channel of CHANNELS) {
      const spec = contract[channel];
      expect(['read', 'slowRead', 'write', 'undoableWrite', 'session']).toContain(spec.kind);
      if (spec.kind === 'write' || spec.kind === 'undoableWrite') expect('changes' in spec).toBe(true);
      else expect('reads' in spec).toBe(true);
    }
  });

  it('marks the slow reads with the label the status bar shows', () => {
    expect(channelsOfKind('slowRead').sort()).toEqual(['authors.metrics', 'metrics.selection', 'papers.facets']);
    expect(contract['papers.facets'].label).toBe('Counting filter values');
  });

  it('leaves year facets alone after a note edit, unless the facets search text', () => {
    const changed = tablesChanged('notes.update');
    expect(changed).toEqual(['notes']);
    expect(overlaps(tablesRead('papers.facets', { query: '' }), changed)).toBe(false);
    expect(overlaps(tablesRead('papers.facets', { query: 'note:proof' }), changed)).toBe(true);
    // The table shows each paper's note count.
    expect(overlaps(tablesRead('papers.list', {}), changed)).toBe(true);
    expect(overlaps(tablesRead('tags.list', {}), changed)).toBe(false);
  });

  it('treats undo and restore as changing everything, and undo labels as following every write', () => {
    expect(tablesChanged('undo.undo')).toBe('everything');
    expect(overlaps(tablesRead('tags.list', {}), tablesChanged('backups.restore'))).toBe(true);
    expect(overlaps(tablesRead('undo.state', {}), tablesChanged('papers.setStarred'))).toBe(true);
    expect(overlaps(tablesRead('jobs.progress', { jobId: 'x' }), 'everything')).toBe(false);
  });
});
