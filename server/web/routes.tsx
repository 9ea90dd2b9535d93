/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import { GovdraftError } from '../errors.ts';
import { readAsset } from './assets.ts';
import { Page } from './page.tsx';

const self = ["'self'"];

/**
 * The page's headers: everything from this server only (no CDN, font or script from elsewhere), no
 * inline script or style, never framed, no MIME sniffing.
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: self,
    scriptSrc: self,
    styleSrc: self,
    imgSrc: self,
    fontSrc: self,
    connectSrc: self,
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: self,
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  // Served over plain HTTP on an intranet: HSTS would say nothing useful.
  strictTransportSecurity: false,
});

/**
 * The web page (GET /) and its assets (GET /assets/…). They hold no office data, so they need no
 * token; every figure and report comes from /api/* under the token rules.
 */
export function webRoutes() {
  return new Hono()
    .get('/', pageHeaders, (c) => c.html(html`<!DOCTYPE html>${<Page />}`))
    .get('/assets/*', pageHeaders, async (c) => {
      const path = c.req.path.slice('/assets/'.length);
      const asset = await readAsset(path);
      if (!asset) {
        throw new GovdraftError('not_found', `没有这个文件：${c.req.path}`, `No asset ${c.req.path}`);
      }
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': asset.type,
        'Cache-Control': 'no-cache',
      });
    });
}
