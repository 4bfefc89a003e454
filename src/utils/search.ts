/**
 * The search page's logic without the DOM, so tests call it directly: the search in the address
 * (`?q=…&platform=…&akun=…&tahun=…`, what the form submits) and one Pagefind result as the page shows it.
 * The browser script (src/lib/search-ui.ts) imports this module; keep it free of the dictionary and of
 * anything else the page does not need.
 */

/** Pagefind filters of a post page (`data-pagefind-filter`), which are also the form's field names. */
export const FILTER_KEYS = ['platform', 'akun', 'tahun'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

export interface SearchState {
  /** The words typed, trimmed; empty when only filters are set. */
  query: string;
  /** The filters set, each one value; an empty field is left out. */
  filters: FilterValues;
}

/** The search in an address's query string (or the form's fields). Unknown parameters are ignored. */
export function readSearch(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: FilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { query: params.get('q')?.trim() ?? '', filters };
}

/** The query string of a search ("" for none): only what is set, in one order, so one search has one address. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Nothing to search: no words and no filter. */
export function isEmptySearch(state: SearchState): boolean {
  return !state.query && FILTER_KEYS.every((key) => !state.filters[key]);
}

/** The part of Pagefind's `result.data()` the page reads. */
export interface PagefindResultData {
  url: string;
  /** Pagefind's HTML: the page text with `<` and `>` escaped and the matched words in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ResultItem {
  url: string;
  title: string;
  /** Date, account and platform, those the page gave; shown in this order. */
  details: string[];
  excerpt: ExcerptPart[];
}

/**
 * Pagefind's excerpt as text runs, marked or not, for the page to insert as text nodes and `<mark>`
 * elements: `<mark>` is the only markup Pagefind adds, and it escapes `<` and `>` of the text (only
 * those), so everything else is text and nothing in a caption can become an element.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      mark = piece === '<mark>';
      continue;
    }
    if (!piece) continue;
    const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

/** A site path ("/warta/…"), never another host or scheme: results link and load only from this site. */
function sitePath(value: string | undefined): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

/**
 * One result as the page shows it. Title and details are plain strings (the page sets them as text);
 * a result without a usable URL is dropped (undefined).
 */
export function toResultItem(data: PagefindResultData): ResultItem | undefined {
  const url = sitePath(data.url);
  if (!url) return undefined;
  const first = (key: string) => data.filters[key]?.[0];
  const details = [data.meta.date, first('akun'), first('platform')].filter((value): value is string => Boolean(value?.trim()));
  return {
    url,
    title: data.meta.title?.trim() || url,
    details,
    excerpt: excerptParts(data.excerpt),
  };
}
