/**
 * The command line's help text. Its lists (sort columns, query fields and their values) are made from
 * the constants the contract and the query parser check against, so they cannot drift from what
 * `lectern papers` accepts.
 */
import { PAPER_SORT_COLUMNS, READING_STATUSES } from '../../shared/contract';
import { HAS_VALUES, QUERY_FIELDS } from '../../shared/search/parse';
import { FORMAT_IDS } from '../../shared/paste/paste-format';
import { EXPORT_FORMATS } from '../../shared/contract/references';
import { INTEROP_FORMATS } from '../../shared/interop/interop-record';

/** Where the descriptions start (after the command column), and the widest line. */
const INDENT = ' '.repeat(27);
const WIDTH = 100;

/**
 * `label` then the words, each but the last followed by `separator`, wrapped at WIDTH; every line at INDENT.
 * @param separator ', ' for a list, ' ' for words side by side
 */
function wrapped(label: string, words: readonly string[], separator: string): string {
  const lines: string[] = [];
  let line = INDENT + label;
  words.forEach((word, i) => {
    const piece = i < words.length - 1 ? word + separator.trimEnd() : word;
    const next = line === INDENT ? line + piece : `${line} ${piece}`;
    if (next.length > WIDTH && line !== INDENT) {
      lines.push(line);
      line = INDENT + piece;
    } else {
      line = next;
    }
  });
  lines.push(line);
  return lines.join('\n');
}

export const USAGE = `usage: lectern <command> [options]

commands:
  parse FILE|-             print what a pasted page parses to, as JSON (no library needed)
  import FILE|-            import a pasted page into the library and print the report
                           [--source SOURCE] reads the page as that source instead of detecting it
${wrapped('SOURCE:', FORMAT_IDS, ', ')}
                           a .bib, .ris or .json FILE (or content that reads as BibTeX, RIS or
                           CSL-JSON) is imported as a reference file: each entry it could not read
                           goes to stderr as FILE:LINE:COLUMN: message
  convert FILE|-           a reference file in another format on stdout (no library needed)
                           --to FORMAT [--from FORMAT|paste] (--from: read as that, not detected)
${wrapped('FORMAT:', INTEROP_FORMATS, ', ')}
                           problems on stderr, one FILE:LINE:COLUMN: message line each;
                           exit code 1 when no reference could be read
  papers                   list papers  [--sort COLUMN] [--desc] [--filter TEXT] [--query QUERY]
                           [--author NAME] [--limit N] [--json]
${wrapped('COLUMN:', PAPER_SORT_COLUMNS, ', ')}
                           QUERY: words, "phrases", OR, -word, NOT word, ( ), and FIELD:value
                           (unsorted: by relevance)
${wrapped('FIELD:', QUERY_FIELDS.map((f) => `${f}:`), ' ')}
                           e.g. year:2020..2024 year:>=2020 rating:>=4 is:starred
${wrapped('', [`status:${READING_STATUSES.join('|')}`, `has:${HAS_VALUES.join('|')}`], ' ')}
  authors                  list author profiles  [--all] [--json]
  author NAME              an author's card  [--json]
  metrics NAME             an author's metrics  [--json]

references:
  export                   write papers as a file (stdout, or --out FILE written atomically)
                           [--format FORMAT] [--collection NAME] [--tag NAME] [--query QUERY]
                           [--ascii] [--style ID] [--out FILE]
${wrapped('FORMAT:', EXPORT_FORMATS, ', ')} (default bibtex)
                           NAME: case-insensitive; a collection takes in its sub-collections and
                           can be given by its path (Thesis/Chapter 1); --ascii writes BibTeX's
                           non-ASCII as LaTeX commands; --style: markdown and text lists (apa)
  cite IDS...|--query Q    formatted references: IDS are paper ids or citation keys
                           [--style ID] (default apa) [--format text|html|markdown]
                           [--mode bibliography|citation]
  styles list|add FILE|remove ID
                           the CSL styles: the built-in ones and those added from .csl files
  key PAPER [NEW_KEY]      a paper's citation key (PAPER: id or key); with NEW_KEY, set and pin it
  key PAPER --unpin        unpin it: the paper gets the key the pattern gives

backups and repair (the library's backups folder: lectern backups shows where):
  backup [--out FILE]      a checked backup now; with --out, one self-contained copy at FILE
  backups                  list the backups: when, why, size, papers  [--json]
  restore FILE             replace the library's content by a backup's (the library as it was is
                           backed up first; no question asked)
  check [--full]           check the library file (quick_check; integrity_check with --full)
  recover [--out FILE]     keep what can be read of a damaged library (as the library, or into FILE)

options:
  --library FILE           library file (default: $LECTERN_LIBRARY, else the desktop app's library)
  --json                   print JSON instead of text
  -h, --help               this help`;
