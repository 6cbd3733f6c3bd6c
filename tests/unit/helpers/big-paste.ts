/** Large generated scholarfeed pastes for tests of long imports, busy libraries and crashes. */
import { fixtureText } from './fixtures';

/**
 * A scholarfeed page with `n` papers: the seed profile's head and cards, each card's title numbered
 * (` (part i)`, plus `tag` when given) so every card is a new paper.
 * @param n papers in the page
 * @param tag text added to every title, so two pastes with different tags share no paper
 */
export function bigPaste(n: number, tag = ''): string {
  const seed = fixtureText('seed-profile');
  const head = seed.slice(0, seed.indexOf('CLAug 15, 2024Code'));
  const cards = seed.slice(head.length).split(/\n\n(?=[A-Z]{2,}[A-Z][a-z]{2} \d)/);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const card = cards[i % cards.length]!;
    out.push(card.replace(/\n(.+)\n/, (_m, title: string) => `\n${title} (part ${i + 1}${tag})\n`));
  }
  return head + out.join('\n\n');
}
