import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/api-server.ts';

/** Every address a served text names: src/href attributes, CSS url(), JS import specifiers. */
function references(text: string): string[] {
  const patterns = [
    /\b(?:src|href)="([^"]*)"/g,
    /url\(\s*['"]?([^'")]+)/g,
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]));
}

// The SVG namespace is a name written in markup and code, never fetched.
const namespaces = ['http://www.w3.org/2000/svg'];

/** Absolute (http://, https://) or protocol-relative ('//host') addresses in a text. */
function foreignHosts(text: string): string[] {
  let rest = text;
  for (const ns of namespaces) rest = rest.replaceAll(ns, '');
  const absolute = [...rest.matchAll(/https?:\/\/[^\s"'`)]*/gi)].map((m) => m[0]);
  const relative = [...rest.matchAll(/["'(=]\s*\/\/[a-z0-9[][^\s"'`)]*/gi)].map((m) => m[0]);
  return [...absolute, ...relative];
}

describe('web page (served by the API server)', () => {
  let server: TestServer;
  let guarded: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    guarded = await startTestServer({ GOVDRAFT_TOKEN: 'page-secret' });
  });
  afterAll(async () => {
    await server?.close();
    await guarded?.close();
  });

  it('scans for other hosts well enough to catch them', () => {
    const samples = [
      '<script src="https://cdn.example.com/x.js"></script>',
      '<link href="//fonts.example.net/a.css">',
      "@import url('//10.0.0.5/a.css');",
      "fetch('http://127.0.0.1:9/x')",
      'import x from "//esm.example.org/x.js";',
    ];
    for (const sample of samples) expect(foreignHosts(sample), sample).not.toEqual([]);
    expect(foreignHosts('// a comment\nconst ns = "http://www.w3.org/2000/svg"; a = b // c')).toEqual([]);
  });

  it('serves the page with a strict CSP, no framing and no sniffing', async () => {
    const res = await server.api('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    // No inline script or style: every script has a src, no style attributes or elements.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle="/);
    for (const label of ['问答', '核查', '语料', '草稿', '访问令牌']) expect(html).toContain(label);
  });

  it('references no host but itself in its HTML, scripts and styles', async () => {
    const seen = new Set<string>();
    const queue = ['/'];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await server.api(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(foreignHosts(text), path).toEqual([]);
      for (const ref of references(text)) {
        if (ref.startsWith('#')) continue;
        const url = new URL(ref, `${server.url}${path}`);
        expect(url.origin, `${path} → ${ref}`).toBe(server.url);
        queue.push(url.pathname);
      }
    }
    const paths = [...seen];
    expect(paths).toContain('/assets/js/web/client/main.js');
    expect(paths).toContain('/assets/js/api/event-stream.js');
    expect(paths.filter((p) => p.endsWith('.css')).length).toBeGreaterThan(0);
    expect(paths.length).toBeGreaterThan(20);
  });

  it('serves assets with their media types and nothing outside its folders', async () => {
    const js = await server.api('/assets/js/web/client/main.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await server.api('/assets/base.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    for (const path of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/js/..%2f..%2fpackage.json',
      '/assets/js/web/client/main.ts',
      '/assets/nothing.css',
      '/assets/js/web/client/absent.js',
    ]) {
      const res = await server.api(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('serves the page without the token; the data stays behind it', async () => {
    expect((await guarded.api('/')).status).toBe(200);
    expect((await guarded.api('/assets/js/web/client/main.js')).status).toBe(200);
    expect((await guarded.api('/api/status')).status).toBe(401);
    const auth = { headers: { Authorization: 'Bearer page-secret' } };
    expect((await guarded.api('/api/status', auth)).status).toBe(200);
  });
});
