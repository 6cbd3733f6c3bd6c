/**
 * A small, linear XML reader for checking .csl files where there is no DOM (Node, the main process).
 * citeproc-js's own Node parser does not check anything (it splits the text at `><`), so a broken style
 * would otherwise fail only when a citation is formatted, or format wrongly. This reader checks
 * well-formedness (one root, tags closed in order, quoted attributes, no duplicate attribute, known
 * entities, closed comments, CDATA and processing instructions) and returns the element tree; the first
 * fault is reported with its 1-based line and column.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  /** Where the start tag's `<` is (1-based). */
  line: number;
  column: number;
}

/** The first fault in a file that is not well-formed XML. */
export class XmlSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  /** The fault alone, without its position ("the tag <layout> is never closed"). */
  readonly reason: string;

  constructor(reason: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'XmlSyntaxError';
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]/;

/**
 * @param text the file's text (a leading byte-order mark is allowed)
 * @returns the root element
 * @throws XmlSyntaxError at the first fault, with its line and column
 */
export function scanXml(text: string): XmlElement {
  return new Scanner(text).document();
}

class Scanner {
  private pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: string) {
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  document(): XmlElement {
    this.misc(true);
    if (this.pos >= this.src.length) this.fail(this.src.trim() === '' ? 'the file is empty' : 'there is no element in the file', this.pos);
    if (this.src[this.pos] !== '<') this.fail('text before the first element; an XML file starts with `<`', this.pos);
    const root = this.element();
    this.misc(false);
    if (this.pos < this.src.length) {
      this.fail(this.src[this.pos] === '<' ? 'a second top-level element; an XML file has exactly one root element' : 'text after the root element', this.pos);
    }
    return root;
  }

  /** Whitespace, comments and processing instructions (and, before the root, one DOCTYPE). */
  private misc(prolog: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else if (this.src.startsWith('<?', this.pos)) this.instruction();
      else if (prolog && this.src.startsWith('<!DOCTYPE', this.pos)) this.doctype();
      else return;
    }
  }

  private element(): XmlElement {
    const start = this.pos;
    this.pos++; // '<'
    const name = this.name('an element name after `<`');
    const at = this.position(start);
    const node: XmlElement = { name, attrs: {}, children: [], line: at.line, column: at.column };
    for (;;) {
      const spaced = this.skipSpace();
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`the start tag <${name}> is not finished (no \`>\`)`, start);
      if (c === '/') {
        if (this.src[this.pos + 1] !== '>') this.fail('expected `>` after `/` in an empty-element tag', this.pos + 1);
        this.pos += 2;
        return node;
      }
      if (c === '>') {
        this.pos++;
        break;
      }
      if (!spaced) this.fail(`expected a space, \`>\` or \`/>\` in the start tag <${name}>`, this.pos);
      this.attribute(node);
    }
    this.content(node, start);
    return node;
  }

  private attribute(node: XmlElement): void {
    const at = this.pos;
    const attr = this.name(`an attribute name or \`>\` in the start tag <${node.name}>`);
    this.skipSpace();
    if (this.src[this.pos] !== '=') this.fail(`the attribute '${attr}' has no value (expected \`=\`)`, this.pos);
    this.pos++;
    this.skipSpace();
    const quote = this.src[this.pos];
    if (quote !== '"' && quote !== "'") this.fail(`the value of the attribute '${attr}' must be in quotes`, this.pos);
    const end = this.src.indexOf(quote, this.pos + 1);
    if (end === -1) this.fail(`the value of the attribute '${attr}' is never closed (no matching ${quote})`, this.pos);
    const lt = this.src.indexOf('<', this.pos + 1);
    if (lt !== -1 && lt < end) this.fail(`\`<\` in the value of the attribute '${attr}' (write &lt;)`, lt);
    if (Object.prototype.hasOwnProperty.call(node.attrs, attr)) this.fail(`the attribute '${attr}' appears twice in <${node.name}>`, at);
    node.attrs[attr] = this.decode(this.pos + 1, end);
    this.pos = end + 1;
  }

  private content(node: XmlElement, start: number): void {
    for (;;) {
      const lt = this.src.indexOf('<', this.pos);
      if (lt === -1) this.fail(`the element <${node.name}> is never closed`, start);
      if (lt > this.pos) node.children.push(this.decode(this.pos, lt));
      this.pos = lt;
      if (this.src.startsWith('</', lt)) {
        this.pos += 2;
        const closing = this.name('an element name after `</`');
        this.skipSpace();
        if (this.src[this.pos] !== '>') this.fail(`expected \`>\` to end the end tag </${closing}>`, this.pos);
        if (closing !== node.name) {
          const open = this.position(start);
          this.fail(`</${closing}> closes <${node.name}>, opened at line ${open.line}, column ${open.column}`, lt);
        }
        this.pos++;
        return;
      }
      if (this.src.startsWith('<!--', lt)) this.comment();
      else if (this.src.startsWith('<![CDATA[', lt)) {
        const end = this.src.indexOf(']]>', lt + 9);
        if (end === -1) this.fail('a CDATA section is never closed (no `]]>`)', lt);
        node.children.push(this.src.slice(lt + 9, end));
        this.pos = end + 3;
      } else if (this.src.startsWith('<?', lt)) this.instruction();
      else if (this.src.startsWith('<!', lt)) this.fail('unexpected `<!` (only comments and CDATA may appear inside elements)', lt);
      else node.children.push(this.element());
    }
  }

  private comment(): void {
    const end = this.src.indexOf('-->', this.pos + 4);
    if (end === -1) this.fail('a comment is never closed (no `-->`)', this.pos);
    this.pos = end + 3;
  }

  private instruction(): void {
    const end = this.src.indexOf('?>', this.pos + 2);
    if (end === -1) this.fail('a processing instruction (`<?…`) is never closed (no `?>`)', this.pos);
    this.pos = end + 2;
  }

  private doctype(): void {
    const start = this.pos;
    let depth = 0;
    for (let i = this.pos + 9; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.pos = i + 1;
        return;
      }
    }
    this.fail('the DOCTYPE declaration is never closed', start);
  }

  private name(expected: string): string {
    const start = this.pos;
    if (!NAME_START.test(this.src[this.pos] ?? '')) this.fail(`expected ${expected}`, this.pos);
    this.pos++;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos]!)) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** @returns whether any whitespace was skipped */
  private skipSpace(): boolean {
    const start = this.pos;
    for (;;) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return this.pos > start;
    }
  }

  /** Text between `from` and `to` with its entity and character references replaced; checks each one. */
  private decode(from: number, to: number): string {
    let out = '';
    let i = from;
    for (let amp = this.src.indexOf('&', i); amp !== -1 && amp < to; amp = this.src.indexOf('&', i)) {
      out += this.src.slice(i, amp);
      const semi = this.src.indexOf(';', amp);
      if (semi === -1 || semi >= to || semi - amp > 12) this.fail('`&` that starts no entity (write &amp; for an ampersand)', amp);
      const ref = this.src.slice(amp + 1, semi);
      out += this.reference(ref, amp);
      i = semi + 1;
    }
    return out + this.src.slice(i, to);
  }

  private reference(ref: string, at: number): string {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const digits = ref.slice(hex ? 2 : 1);
      const code = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code > 0 && code <= 0x10ffff)) this.fail(`'&${ref};' is not a valid character reference`, at);
      return String.fromCodePoint(code);
    }
    const known = PREDEFINED[ref];
    if (known === undefined) this.fail(`unknown entity '&${ref};' (XML knows only &amp; &lt; &gt; &quot; &apos; and &#…; references)`, at);
    return known;
  }

  private position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private fail(reason: string, offset: number): never {
    const { line, column } = this.position(Math.min(offset, this.src.length));
    throw new XmlSyntaxError(reason, line, column);
  }
}
