/**
 * The renderer tests' document, made like the app's page: `<!doctype html>` (renderer/index.html), so
 * it is in no-quirks mode. KaTeX checks `document.compatMode` when it loads and refuses to render (with
 * a console warning) in quirks mode.
 *
 * happy-dom creates its document without a doctype and does not implement `compatMode`; this adds
 * the doctype and defines `compatMode` from it as the DOM standard does: "CSS1Compat" for a document
 * with an html doctype, "BackCompat" otherwise.
 */
if (!document.doctype) {
  document.insertBefore(document.implementation.createDocumentType('html', '', ''), document.documentElement);
}

if (!('compatMode' in document)) {
  Object.defineProperty(Object.getPrototypeOf(document) as object, 'compatMode', {
    configurable: true,
    get(this: Document) {
      return this.doctype?.name.toLowerCase() === 'html' ? 'CSS1Compat' : 'BackCompat';
    },
  });
}

// happy-dom departs from the DOM standard where DOMPurify relies on it (see dom-standard-shims.ts).
import { installDomStandardShims } from './dom-standard-shims';
installDomStandardShims();
