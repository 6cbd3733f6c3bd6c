import { describe, expect, it } from 'vitest';
import { detectAndParse } from '../../shared/paste/detect';
import { huggingfacePapersFormat, parseHuggingfacePapersLines } from '../../shared/paste/huggingface-papers';
import { describeSourceDetection } from './helpers/parser-checks';
import { linesOf, ownFixtures } from './helpers/source-fixtures';

const parse = (text: string) => parseHuggingfacePapersLines(linesOf(text));
const fixture = (name: string) => ownFixtures('huggingface_papers').find((f) => f.name.endsWith(name))!.text;

describeSourceDetection('Hugging Face papers detection', 'huggingface_papers', huggingfacePapersFormat.signatures, 'Hugging Face');

describe('Hugging Face papers', () => {
  it('reads "N authors" as a count with no names, and makes no author card', () => {
    const { profile } = detectAndParse(fixture('daily.txt'));
    expect(profile.author).toBeNull();
    expect(profile.papers.map((p) => [p.author_count, p.authors, p.authors_truncated])).toEqual([
      [12, [], true],
      [1, [], true],
      [214, [], true],
      [4, [], true],
    ]);
  });

  it('never takes the "today" line under the heading for a paper date, nor upvote counts for titles', () => {
    const { papers } = parse(fixture('daily.txt')).profile;
    expect(papers.map((p) => [p.title.slice(0, 20), p.date])).toEqual([
      ['MiniMind-V: Scaling ', '2025-06-10'],
      ['Reasoning Traces Are', '2025-06-09'],
      ['ÆGIS: Adversarially ', '2025-06-11'],
      ['Dense Retrieval for ', '2025-05-30'],
    ]);
  });

  it('reads the "• N authors" variant, the date on the same line, and "Published on" dates', () => {
    expect(parse(fixture('search-bullets.txt')).profile.papers.map((p) => p.author_count)).toEqual([7, 3, 2]);
    const same = parse('Title A\nAbstract A.\n3 authors · Jan 5, 2025\nTitle B\n2 authors\n·\nPublished on Feb 1, 2025').profile.papers;
    expect(same.map((p) => [p.title, p.abstract, p.date])).toEqual([
      ['Title A', 'Abstract A.', '2025-01-05'],
      ['Title B', null, '2025-02-01'],
    ]);
  });

  it('leaves out a card cut at the start and reports the card cut at the end', () => {
    const { profile, report } = parse(fixture('cut-crlf.txt'));
    expect(profile.papers.map((p) => p.title)).toEqual(['Scaling Test-Time Compute with Verifier Trees', '小型语言模型的知识蒸馏']);
    expect(report.skipped.slice(0, 4).map((s) => [s.line, s.reason])).toEqual([
      [1, 'paper cut off at the start of the paste'],
      [2, 'paper cut off at the start of the paste'],
      [3, 'paper cut off at the start of the paste'],
      [4, 'paper cut off at the start of the paste'],
    ]);
    expect(report.incompleteTail).toEqual({ line: 15, text: 'Curriculum Sampling for Offline Reinforcement Learning', missing: 'its author count and date' });
  });

  it('reports heading and footer text as skipped, not as papers', () => {
    const { report } = parse(fixture('daily.txt'));
    expect(report.skipped.find((s) => s.text === 'Jun 12')?.reason).toBe('page text, not a paper');
    expect(report.skipped.find((s) => s.text === 'System theme')?.reason).toBe('page text, not a paper');
    expect(report.incompleteTail).toBeNull();
  });
});
