/**
 * Hashes for the Content-Security-Policy Astro writes into every page (astro.config.mjs, security.csp).
 * Astro hashes the scripts and styles it bundles; an `is:inline` script or a `<style>` a page writes
 * itself is the page's to declare, with `Astro.csp.insertScriptHash(await cspHash(text))` (or
 * insertStyleHash), where `text` is exactly what the element holds (render it with set:html={text}).
 */

/** The CSP source expression of a text's SHA-256, e.g. "sha256-…" (Astro adds the quotes). */
export async function cspHash(text: string): Promise<`sha256-${string}`> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}
