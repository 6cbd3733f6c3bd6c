/**
 * Abstracts are stored verbatim, LaTeX included. For reading, unwrap inline math that is only a
 * number or a percent ("$63.5\%$" -> "63.5%"); anything with real commands stays as written.
 */
export function readableAbstract(text: string): string {
  return text.replace(/\$([^$]{1,40})\$/g, (whole, inner: string) => {
    const plain = inner.replace(/\\%/g, '%');
    return /\\[a-zA-Z]|[\^_{}]/.test(plain) ? whole : plain;
  });
}
