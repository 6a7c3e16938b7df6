/**
 * Content Security Policy for the renderer, the same under Electron and the
 * browser host. Mantine sets style attributes at run time, hence
 * 'unsafe-inline' for styles only; no script may come from anywhere else.
 * An attachment is shown from a blob: URL the page made of the bytes it
 * fetched over RPC: images in <img>, PDFs in an <iframe> (the browser's own
 * viewer), so frames may show blob: documents and nothing from elsewhere;
 * <object>/<embed> stay forbidden.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every renderer file. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
