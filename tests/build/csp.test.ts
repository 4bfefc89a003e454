/**
 * The Content-Security-Policy every built page carries in a <meta> (astro.config.mjs, security.csp): the
 * directives issue 18 asks for, no way for an inline script or style to run unless its exact text is
 * hashed into the policy, and the referrer policy beside it. The pages are read with scripting off, so a
 * <noscript> block's elements (which a reader without JavaScript gets) are checked too.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { DIST_DIR, listFiles } from '../helpers/repo.ts';

const PAGES = listFiles(DIST_DIR, (name) => name.endsWith('.html'));

/** Script types the browser does not run (data blocks): CSP does not govern them. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'speculationrules']);
const runs = (type: string | undefined) => type === undefined || !DATA_SCRIPT_TYPES.has(type.trim().toLowerCase());

/** A policy's directives by name, each with its source list (a repeated name is kept apart to be caught). */
function parsePolicy(policy: string): { directives: Map<string, string[]>; repeated: string[] } {
  const directives = new Map<string, string[]>();
  const repeated: string[] = [];
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    if (directives.has(name.toLowerCase())) repeated.push(name);
    else directives.set(name.toLowerCase(), sources);
  }
  return { directives, repeated };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

interface PageCheck {
  page: string;
  policies: string[];
  policyInHead: boolean;
  directives: Map<string, string[]>;
  repeated: string[];
  /** Inline scripts that would run, and inline styles, whose hash the policy lacks (their first 80 characters). */
  unhashedScripts: string[];
  unhashedStyles: string[];
  /** Event-handler and style attributes: the policy allows neither, so none should be written. */
  inlineAttributes: string[];
  referrers: string[];
}

function checkPage(page: string): PageCheck {
  const $ = cheerio.load(readFileSync(path.join(DIST_DIR, page), 'utf8'), { scriptingEnabled: false });
  const metas = $('meta[http-equiv="content-security-policy" i]');
  const policies = metas.toArray().map((meta) => $(meta).attr('content') ?? '');
  const { directives, repeated } = parsePolicy(policies[0] ?? '');
  const scriptSources = new Set(directives.get('script-src') ?? []);
  const styleSources = new Set(directives.get('style-src') ?? []);
  const unhashed = (selector: string, sources: Set<string>) =>
    $(selector)
      .toArray()
      .filter((element) => $(element).attr('src') === undefined && runs($(element).attr('type')))
      .map((element) => $(element).text())
      .filter((text) => !sources.has(sha256(text)))
      .map((text) => text.slice(0, 80));
  const inlineAttributes = $('*')
    .toArray()
    .flatMap((element) => Object.keys((element as { attribs?: Record<string, string> }).attribs ?? {}).filter((name) => /^on|^style$/i.test(name)).map((name) => `<${(element as { name: string }).name} ${name}>`));
  return {
    page,
    policies,
    policyInHead: metas.length > 0 && metas.toArray().every((meta) => $(meta).parent().is('head')),
    directives,
    repeated,
    unhashedScripts: unhashed('script', scriptSources),
    unhashedStyles: unhashed('style', styleSources),
    inlineAttributes,
    referrers: $('head meta[name="referrer" i]')
      .toArray()
      .map((meta) => $(meta).attr('content') ?? ''),
  };
}

const CHECKS = PAGES.map(checkPage);
const failing = (problem: (check: PageCheck) => unknown) =>
  CHECKS.map((check) => ({ page: check.page, problem: problem(check) })).filter(({ problem }) => problem !== undefined && problem !== false);

describe('Content-Security-Policy', () => {
  test('the build has pages to check', () => {
    expect(PAGES.length).toBeGreaterThan(10);
    expect(PAGES).toContain('cari/index.html');
  });

  test('every page carries exactly one policy, in its <head>, naming each directive once', () => {
    expect(failing((check) => check.policies.length !== 1 && `${check.policies.length} policies`)).toEqual([]);
    expect(failing((check) => !check.policyInHead && 'a policy outside <head> (ignored there)')).toEqual([]);
    expect(failing((check) => check.repeated.length > 0 && `repeated: ${check.repeated.join(', ')}`)).toEqual([]);
  });

  test('everything is the site’s own, except the youtube-nocookie player in a frame', () => {
    const exactly = (name: string, sources: string[]) =>
      failing((check) => {
        const actual = check.directives.get(name);
        return JSON.stringify(actual) !== JSON.stringify(sources) && `${name} is ${actual ? actual.join(' ') : 'missing'}`;
      });
    expect(exactly('default-src', ["'self'"])).toEqual([]);
    // No data: either: nothing on the site draws an image from a data: URL, and one in a caption must not show.
    expect(exactly('img-src', ["'self'"])).toEqual([]);
    expect(exactly('frame-src', ['https://www.youtube-nocookie.com'])).toEqual([]);
    expect(exactly('object-src', ["'none'"])).toEqual([]);
    expect(exactly('base-uri', ["'self'"])).toEqual([]);
    expect(exactly('form-action', ["'self'"])).toEqual([]);
  });

  test('scripts: the site’s own files and hashed inline code, Pagefind’s WebAssembly, nothing inline by default', () => {
    expect(
      failing((check) => {
        const sources = check.directives.get('script-src') ?? [];
        const wrong = sources.filter((source) => !["'self'", "'wasm-unsafe-eval'"].includes(source) && !/^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/.test(source));
        const absent = ["'self'", "'wasm-unsafe-eval'"].filter((source) => !sources.includes(source));
        return (wrong.length > 0 || absent.length > 0) && `script-src ${sources.join(' ')}`;
      }),
    ).toEqual([]);
    expect(
      failing((check) => {
        const sources = check.directives.get('style-src') ?? [];
        const wrong = sources.filter((source) => source !== "'self'" && !/^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/.test(source));
        return (wrong.length > 0 || !sources.includes("'self'")) && `style-src ${sources.join(' ')}`;
      }),
    ).toEqual([]);
    // The -elem and -attr directives would override these two; none is written.
    expect(failing((check) => [...check.directives.keys()].filter((name) => /^(script|style)-src-(elem|attr)$/.test(name)).join(' ') || undefined)).toEqual([]);
  });

  test('every inline script and style on every page is hashed in its policy, and no element has an inline handler or style', () => {
    expect(failing((check) => check.unhashedScripts.length > 0 && check.unhashedScripts)).toEqual([]);
    expect(failing((check) => check.unhashedStyles.length > 0 && check.unhashedStyles)).toEqual([]);
    expect(failing((check) => check.inlineAttributes.length > 0 && [...new Set(check.inlineAttributes)])).toEqual([]);
    // The search page's early fetch and its no-JavaScript style are inline: the checks above looked at something.
    const search = CHECKS.find((check) => check.page === 'cari/index.html')!;
    const $ = cheerio.load(readFileSync(path.join(DIST_DIR, 'cari/index.html'), 'utf8'), { scriptingEnabled: false });
    expect($('script:not([src])').length).toBeGreaterThan(0);
    expect($('noscript style').length).toBe(1);
    expect(search.unhashedScripts).toEqual([]);
  });

  test('every page sends no Referer: one referrer policy, no-referrer', () => {
    expect(failing((check) => JSON.stringify(check.referrers) !== JSON.stringify(['no-referrer']) && `referrer: ${check.referrers.join(', ') || 'none'}`)).toEqual([]);
  });
});
