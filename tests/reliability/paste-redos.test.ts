/**
 * The slow inputs found in issue 8 item 2 ("a 2 KB paste freezes the app"), each under a time budget on
 * a thread that is terminated past it. Before the fix: the "et al." pattern of the author line was cubic
 * on a run of spaces (2-3 KB: 20-70 s), and the trailing-space trim of every line and the URL test at the
 * end of the last abstract were quadratic (1 MB: minutes). Each now runs in milliseconds; the budget is
 * generous (a shared, busy machine) and still far below what the old patterns took.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetedModule } from './helpers/budgeted-module';

const BUDGET_MS = 2_000;
const parsers = new BudgetedModule(new URL('./helpers/parsers.ts', import.meta.url));
afterAll(() => parsers.close());

const spaces = (n: number) => ' '.repeat(n);
/** A scholarfeed page with one paper whose author line is `authorLine`. */
const page = (authorLine: string) => `h-index3\n5papers\n\nCLAug 15, 2024Code\nA Title\n\n${authorLine}\n\nAn abstract that ends.`;

const cases: Array<{ name: string; fn: string; args: unknown[] }> = [
  { name: 'an author line with 3 KB of spaces before the last name (the "et al." pattern)', fn: 'parseAuthorLine', args: [`Ann Lee,${spaces(3_000)}x`] },
  { name: 'a 2 KB paste whose author line is mostly spaces', fn: 'detectAndParse', args: [page(`Ann Lee,${spaces(2_000)}Bo Chen`)] },
  { name: 'a 2 KB paste whose author line has 2 KB of spaces before "Bo Chen et al."', fn: 'detectAndParse', args: [page(`Ann Lee,${spaces(2_000)}Bo Chen et al.`)] },
  { name: 'a 1 MB line of spaces ending in a letter (the trailing-space trim)', fn: 'normaliseLines', args: [`a${spaces(1_000_000)}x`] },
  { name: 'a 100 KB paste with a line of spaces ending in a letter', fn: 'detectAndParse', args: [page(`Ann Lee`).replace('A Title', `A Title${spaces(100_000)}.`)] },
  { name: 'a 1 MB abstract made of "www." (the URL test at its end)', fn: 'endsLikeAbstract', args: [`${'www.'.repeat(250_000)} x`] },
  { name: 'a 1 MB last abstract made of "http://" cut off mid-word', fn: 'detectAndParse', args: [page('Ann Lee').replace('An abstract that ends.', `${'http://'.repeat(150_000)} cut`)] },
];

describe('slow paste inputs finish within the time budget', () => {
  it.each(cases)('$name', async ({ fn, args }) => {
    const result = await parsers.call(fn, args, BUDGET_MS);
    expect(result.timedOut ? `${fn} still running after ${BUDGET_MS} ms` : 'finished').toBe('finished');
    if (!result.timedOut && !result.ok) expect(result.error.name).toBe('LecternError');
  });

  it('keep what the old patterns found', async () => {
    const byline = await parsers.call('parseAuthorLine', [`Ann Lee, Bo Chen ,  et al.`], BUDGET_MS);
    expect(byline).toMatchObject({ ok: true, value: { authors: ['Ann Lee', 'Bo Chen'], truncated: true, affiliations: [] } });
    const parsed = await parsers.call('detectAndParse', [page(`Ann Lee,${spaces(2_000)}Bo Chen et al · pku`)], BUDGET_MS);
    expect(parsed).toMatchObject({ ok: true, value: { profile: { papers: [{ authors: ['Ann Lee', 'Bo Chen'], authors_truncated: true, affiliations: ['pku'] }] } } });
    expect(await parsers.call('normaliseLines', [`a${spaces(1_000)}\t \nb \t`], BUDGET_MS)).toMatchObject({ ok: true, value: ['a', 'b'] });
    expect(await parsers.call('endsLikeAbstract', [`Code at ${'www.'.repeat(1_000)}x`], BUDGET_MS)).toMatchObject({ ok: true, value: true });
    expect(await parsers.call('endsLikeAbstract', [`${'www.'.repeat(1_000)} cut`], BUDGET_MS)).toMatchObject({ ok: true, value: false });
  });
});
