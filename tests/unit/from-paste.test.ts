import { describe, expect, it } from 'vitest';
import { recordsFromPaste } from '../../shared/interop/from-paste';
import { detectAndParse } from '../../shared/paste/detect';
import { fixtureText } from './helpers/fixtures';

describe('recordsFromPaste', () => {
  it("reads a Google Scholar paper's venue line into container, volume and pages, and names by their parts", () => {
    const { records } = recordsFromPaste(detectAndParse(fixtureText('google-scholar')));
    expect(records).toHaveLength(30);
    expect(records[0]).toEqual({
      item: {
        id: 'paste-1',
        type: 'article-journal',
        title: 'Near-Optimal $\\ell_1$ Bounds for Quantized Inference',
        author: [{ family: 'Ødegård', given: 'H.' }],
        issued: { 'date-parts': [[2019]] },
        'container-title': 'Transactions of the Association for Computational Linguistics',
        volume: '7',
        page: '453-466',
      },
      citationKey: null,
      tags: [],
      note: null,
      files: [],
      arxivId: null,
      extra: { paste_source: 'google_scholar', citations: '2317' },
      at: { line: 1, column: 1 },
    });
  });

  it("keeps dblp's particles, volume, issue and pages, and reports the lines the paste parser skipped", () => {
    const outcome = detectAndParse(fixtureText('dblp'));
    const { records, problems } = recordsFromPaste(outcome);
    expect(records[0]!.item).toMatchObject({
      author: [{ family: 'Wróbel', given: 'Łukasz' }, { family: 'Horst', given: 'Jan-Hendrik', 'non-dropping-particle': 'ter' }, { family: 'Meulen', given: 'Thibault', 'non-dropping-particle': 'van der' }],
      volume: '11',
      issue: '4',
      page: '79-91',
      'container-title': 'IEEE Trans. Pattern Anal. Mach. Intell.',
    });
    expect(problems).toHaveLength(outcome.report.skipped.length + (outcome.report.incompleteTail ? 1 : 0));
    expect(problems[0]).toMatchObject({ line: outcome.report.skipped[0]!.line, column: 1, severity: 'warning' });
  });
});
