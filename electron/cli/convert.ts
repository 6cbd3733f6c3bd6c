/**
 * `lectern convert FILE|- [--from FORMAT] --to FORMAT`: a reference file (or a pasted profile page) in
 * another format, without opening the library. Output on stdout; one `FILE:LINE:COLUMN: message` line
 * on stderr per problem; exit code 0 when at least one record was read, 1 when none.
 */
import { detectAndParse } from '../../shared/paste/detect';
import { DEFAULT_CITATION_KEY_PATTERN, formatCitationKey, uniqueCitationKey } from '../../shared/interop/citation-key';
import { decodeFileBytes } from '../../shared/interop/encoding';
import { recordsFromPaste } from '../../shared/interop/from-paste';
import { INTEROP_FORMATS, problemLine, type InteropFormat, type InteropProblem, type InteropRecord } from '../../shared/interop/interop-record';
import { readReferences } from '../../shared/interop/read-references';
import { writeReferences } from '../../shared/interop/write-references';
import { UsageError } from './error-report';

export const CONVERT_FROM = [...INTEROP_FORMATS, 'paste'] as const;
export type ConvertFrom = (typeof CONVERT_FROM)[number];

/** What the command prints and its exit code (main.ts writes them). */
export interface ConvertOutput {
  stdout: string;
  /** One line per problem, `FILE:LINE:COLUMN: message`, and a last line when nothing was read. */
  stderr: string[];
  code: 0 | 1;
}

/**
 * @param from the `--from` value, or undefined to detect the format
 * @param to the `--to` value
 * @throws UsageError for a missing or unknown format
 */
export function convertFormats(from: string | undefined, to: string | undefined): { from: ConvertFrom | null; to: InteropFormat } {
  if (to === undefined) throw new UsageError(`convert needs --to, one of ${INTEROP_FORMATS.join(', ')}`);
  if (!(INTEROP_FORMATS as readonly string[]).includes(to)) throw new UsageError(`--to takes one of ${INTEROP_FORMATS.join(', ')}`);
  if (from !== undefined && !(CONVERT_FROM as readonly string[]).includes(from)) throw new UsageError(`--from takes one of ${CONVERT_FROM.join(', ')}`);
  return { from: (from as ConvertFrom | undefined) ?? null, to: to as InteropFormat };
}

/**
 * @param bytes the file's bytes (decoded as UTF-8, UTF-8 with BOM, UTF-16 with BOM or Latin-1)
 * @param fileName the name problems are printed with (`<stdin>` for standard input)
 * @throws LecternError `INVALID_INPUT` when the format is not given and cannot be detected;
 *   `PASTE_EMPTY`/`PASTE_UNRECOGNISED` for `--from paste` when the paste has no papers
 */
export async function convert(bytes: Uint8Array, fileName: string, from: ConvertFrom | null, to: InteropFormat): Promise<ConvertOutput> {
  const { text } = decodeFileBytes(bytes);
  let records: InteropRecord[];
  let problems: InteropProblem[];
  if (from === 'paste') {
    ({ records, problems } = recordsFromPaste(detectAndParse(text)));
  } else {
    ({ records, problems } = await readReferences(text, from));
  }
  const stderr = problems.map((p) => problemLine(fileName, p));
  if (records.length === 0) {
    stderr.push(`lectern: no reference could be read from ${fileName}; nothing written.`);
    return { stdout: '', stderr, code: 1 };
  }
  return { stdout: writeReferences(withCitationKeys(records), to), stderr, code: 0 };
}

/**
 * Records whose file gave no key (RIS without `ID`, CSL-JSON without `id`) get the key an export from the
 * library would give them (the default pattern), unique within the file, instead of the reader's `ris-1`.
 */
function withCitationKeys(records: readonly InteropRecord[]): InteropRecord[] {
  const taken = new Set(records.map((r) => r.citationKey).filter((k): k is string => k !== null && k !== ''));
  return records.map((r) => {
    if (r.citationKey !== null && r.citationKey !== '') return r;
    const key = uniqueCitationKey(formatCitationKey(r.item, DEFAULT_CITATION_KEY_PATTERN), (k) => taken.has(k));
    taken.add(key);
    return { ...r, citationKey: key, item: { ...r.item, id: key } };
  });
}
