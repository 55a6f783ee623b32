import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, CSP_DIRECTIVES } from '../src/common/csp';

const directive = (name: string) => CSP_DIRECTIVES.find(([d]) => d === name)?.[1];

describe('the Content-Security-Policy (src/common/csp.ts)', () => {
  it('is the policy the issue asks for, word for word', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; " +
        "img-src 'self' data: blob:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('allows no inline script, eval or inline style', () => {
    for (const name of ['default-src', 'script-src', 'style-src']) {
      expect(directive(name), name).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:/);
    }
    expect(new Set(CSP_DIRECTIVES.map(([d]) => d)).size).toBe(CSP_DIRECTIVES.length);
  });

  it('index.html holds no inline script or style, for the build to keep the policy', () => {
    const html = readFileSync('index.html', 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('docs/deploy.md sends the same policy in its nginx and Caddy configurations', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    const policies = doc.match(/default-src[^"\n]*/g) ?? [];
    // The policy shown once on its own, once in nginx's snippet and once in the Caddyfile.
    expect(policies).toEqual([
      CONTENT_SECURITY_POLICY_HEADER,
      CONTENT_SECURITY_POLICY_HEADER,
      CONTENT_SECURITY_POLICY_HEADER,
    ]);
    expect(doc).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY_HEADER}" always;`);
    expect(doc).toContain(`Content-Security-Policy "${CONTENT_SECURITY_POLICY_HEADER}"\n`);
  });
});
