/**
 * A Google Scholar profile paste of any length, in the layout of ../shared/profiles/google-scholar.txt
 * (FORMATS.md section 4.2): header, sidebar, then one title / authors / venue-TAB-cites-TAB-year row per
 * article. Deterministic (a small linear congruential generator), so benchmark runs compare.
 */
const WORDS = ['Learning', 'Sparse', 'Attention', 'Graphs', 'Speech', 'Translation', 'Robust', 'Causal', 'Retrieval', 'Kernels', 'Optimal', 'Transport', 'Diffusion', 'Agents', 'Reasoning', 'Low-Resource', 'Benchmark', 'Scaling', 'Federated', 'Quantized'];
const SURNAMES = ['Ødegård', 'van der Berg', 'Zielińska', "O'Connor", 'Núñez-Ortega', 'Chen', 'Kaya', 'Mehta-Sharma', 'bin Yusof', 'Sørensen', 'Wang', 'Di Lorenzo'];
const VENUES = ['Transactions of the Association for Computational Linguistics 7, 453-466', 'Proc. Interspeech 2014, 1589-1593', 'Computational Linguistics 59 (11), 713-726', 'arXiv preprint arXiv:2401.01234', 'Findings of the Association for Computational Linguistics: EMNLP 2020', 'ICASSP 2016-2016 IEEE International Conference on Acoustics, Speech and ...'];

/**
 * @param papers number of article rows
 * @returns the paste text (LF line endings)
 */
export function googleScholarPaste(papers: number): string {
  let state = 42;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const lines = [
    'Skip to main content', 'Sign in', 'Get my own profile', 'Henrik Ødegård', 'Professor of Computational Linguistics, Northvale University',
    'Verified email at northvale.edu - Homepage', 'Speech RecognitionLow-Resource NLPComputational Linguistics', 'Follow',
    'Cited by', 'View all', '\tAll\tSince 2020', 'Citations\t94150\t55880', 'h-index\t138\t91', 'i10-index\t840\t660',
    'TITLE\tCITED BY\tYEAR',
  ];
  for (let i = 0; i < papers; i++) {
    const title = Array.from({ length: 4 + next(6) }, () => WORDS[next(WORDS.length)]).join(' ');
    const authors = Array.from({ length: 1 + next(6) }, () => `${'ABCDEHJKLMS'[next(11)]} ${SURNAMES[next(SURNAMES.length)]}`);
    if (next(5) === 0) authors.push('...');
    lines.push(`${title} ${i}`, authors.join(', '), `${VENUES[next(VENUES.length)]}\t${next(3000)}${next(9) === 0 ? '*' : ''}\t${2000 + next(26)}`);
  }
  lines.push(`Articles 1–${papers}`, 'Show more', 'Dates and citation counts are estimated and are determined automatically by a computer program.', 'Help Privacy Terms');
  return lines.join('\n');
}

/**
 * About `bytes` of English prose in paragraphs (no page of any source): what detection must turn down fast.
 */
export function prose(bytes: number): string {
  const sentence = 'The committee met on Tuesday to discuss the budget, and after a long debate about the library hours it agreed to meet again next week. ';
  const paragraph = `${sentence.repeat(6)}\n\n`;
  return paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes);
}
