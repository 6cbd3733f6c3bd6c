/**
 * The renderer's Content Security Policy, used by the Electron window and the browser-mode server alike:
 * only the app's own scripts, no remote loads, no eval. Inline styles are allowed because the charting
 * library and React style attributes need them.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** As an HTTP header (browser mode, Electron responses). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** As a `<meta>` tag in index.html (file:// has no headers); browsers ignore frame-ancestors there and warn. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
