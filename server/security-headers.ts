/**
 * The headers every response carries, the console's pages as much as `/engine-rest` (in proxy mode
 * too), its errors and 401s included: a Content-Security-Policy, frame protection,
 * `X-Content-Type-Options: nosniff` and a Referrer-Policy.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** CSP `frame-ancestors`: who may show this server's pages in a frame. */
export const DEFAULT_FRAME_ANCESTORS = "'none'";

export interface SecurityHeaderOptions {
  /** A CSP source list, e.g. `'self' https://portal.example.com`; default `'none'`. */
  frameAncestors?: string;
  /**
   * CSP sources (`'sha256-…'`) of the inline scripts of the page being served; asked only for
   * HTML responses.
   */
  inlineScripts?: () => readonly string[];
}

/**
 * `X-Frame-Options` says what `frame-ancestors` says for browsers that predate CSP level 2. It
 * cannot name other origins: for a list, only browsers that read CSP let those origins frame it.
 */
function xFrameOptions(frameAncestors: string): string | false {
  const sources = frameAncestors.trim().toLowerCase();
  if (sources === "'none'") {
    return 'DENY';
  }
  return sources === "'self'" ? 'SAMEORIGIN' : false;
}

/**
 * The console loads everything from this origin, inline code only by hash: the scripts `vite build`
 * writes into index.html. No `'unsafe-inline'` for styles either: Carbon, bpmn-js and React set
 * styles through the CSSOM (`element.style`), which CSP does not govern, and Chromium reported no
 * violation on any screen of the built console. `data:` images are bpmn-js's logo.
 */
export function contentSecurityPolicy(
  frameAncestors: string,
  inlineScripts: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScripts].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

function isHtml(contentType: string | null): boolean {
  return contentType?.toLowerCase().startsWith('text/html') ?? false;
}

export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const configured = options.frameAncestors?.trim() ?? '';
  const frameAncestors = configured === '' ? DEFAULT_FRAME_ANCESTORS : configured;
  const policy = contentSecurityPolicy(frameAncestors);
  const common = secureHeaders({
    xFrameOptions: xFrameOptions(frameAncestors),
    xContentTypeOptions: true,
    // Same-origin requests keep their Referer; addresses of instances never leave for other sites.
    referrerPolicy: 'same-origin',
    // Whether to insist on HTTPS is for whoever terminates TLS in front of this server.
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await common(c, next);
    const inline = isHtml(c.res.headers.get('content-type')) ? options.inlineScripts?.() : [];
    c.res.headers.set(
      'Content-Security-Policy',
      inline?.length ? contentSecurityPolicy(frameAncestors, inline) : policy,
    );
  };
}
