/**
 * The search page in the browser, on Pagefind's JS API: runs the search in the address (`?q=…`) on load,
 * searches as the reader types, keeps the address in step (so a search is linkable and Back works), and
 * shows results ten at a time in the site's own markup, as text (three thumbnails were a third of a first
 * search's bytes at 10,000 posts; the post page shows the images). Pagefind loads on first use only: when
 * the page opens with a query (its first files already on the way, asked for by the page's <head>:
 * src/pages/cari.astro), or when the search box gets focus.
 */
import { searchLive } from '#site/i18n/id.ts';
import { FILTER_KEYS, isEmptySearch, readSearch, searchQueryString, toResultItem, type PagefindResultData, type ResultItem, type SearchState } from '#site/utils/search.ts';

/** The part of `pagefind.js` (Pagefind 1.x) used here. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds a bundle to every later search, sharing the first bundle's WebAssembly. */
  mergeIndex(basePath: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: SearchOptions): Promise<PagefindSearch>;
}
interface SearchOptions {
  filters: Record<string, string>;
  sort: Record<string, 'asc' | 'desc'>;
}
type PagefindResult = { data(): Promise<PagefindResultData> };
interface PagefindSearch {
  results: PagefindResult[];
}

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export function startSearch(form: HTMLFormElement): void {
  const bundle = form.dataset.bundle!;
  const base = form.dataset.base!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const failed = document.getElementById('search-failed')!;

  // The yearly bundles (src/integrations/pagefind.ts), newest first. The newest is Pagefind's own bundle
  // (its script and WebAssembly); an older year is merged in only when a search reaches it.
  const years = (form.dataset.years ?? '').split(' ').filter(Boolean);
  const bundleOf = (year: string) => `${bundle}${year}/`;
  let pagefind: Promise<Pagefind> | undefined;
  let merged = new Map<string, Promise<void>>();
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ `${bundleOf(years[0]!)}pagefind.js`) as Promise<Pagefind>).then(async (module) => {
      // noWorker: on the main thread Pagefind needs no second copy of itself (pagefind-worker.js, 12 KB gzip),
      // and a search of 1,000 posts takes 2–16 ms once its index chunk is loaded.
      await module.options({ baseUrl: base, noWorker: true });
      await module.init();
      return module;
    }));
  /** Pagefind, with `year`'s bundle among those it searches. */
  const withYear = async (year: string): Promise<Pagefind> => {
    const module = await load();
    if (year !== years[0] && !merged.has(year)) {
      const merging = module.mergeIndex(bundleOf(year), { baseUrl: base });
      merged.set(year, merging);
      merging.catch(() => merged.delete(year));
    }
    await merged.get(year);
    return module;
  };
  const forget = () => {
    pagefind = undefined; // let the next try load it again
    merged = new Map();
  };

  // A newer search makes older answers stale: every await below is followed by a check of `generation`.
  let generation = 0;
  let current = ''; // the query string of the latest search
  let searching: SearchState = { query: '', filters: {} };
  let results: PagefindResult[] = []; // of the years searched so far, newest first
  let yearsLeft: string[] = [];
  let yearsSearched: string[] = [];
  let shown = 0;
  let loadingMore = false;

  const setStatus = (text: string) => {
    if (status.textContent !== text) status.textContent = text;
  };

  const formState = (): SearchState =>
    readSearch(new URLSearchParams([...new FormData(form)].map(([key, value]) => [key, String(value)])));

  const fillForm = (state: SearchState) => {
    input.value = state.query;
    for (const key of FILTER_KEYS) {
      const select = form.elements.namedItem(key) as HTMLSelectElement | null;
      if (!select) continue;
      const value = state.filters[key] ?? '';
      // A value the form does not offer (an old link) still filters: offer it too, so the form shows it.
      if (![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
      select.value = value;
    }
  };

  // Typing refines one history entry; the first keystroke after a submitted (or restored) search starts a
  // new one, so Back goes from "banjir" to "vaksin" rather than through every letter.
  let typing = false;

  /** Records the search in the address, in a new history entry or in the current one. */
  const remember = (state: SearchState, push: boolean) => {
    const address = `${location.pathname}${searchQueryString(state)}`;
    if (address === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', address);
    else history.replaceState(null, '', address);
  };

  /**
   * Searches the next years, one bundle each, until a page of results is waiting or no year is left:
   * each year comes newest first (Pagefind's date sort), and the years follow each other, so the list
   * is newest first throughout. False when a newer search has started meanwhile.
   */
  async function searchYears(mine: number): Promise<boolean> {
    while (results.length - shown < PAGE_SIZE && yearsLeft.length) {
      const year = yearsLeft[0]!;
      const module = await withYear(year);
      // Every merged bundle answers each search; the year filter keeps this year's answer only. While the
      // newest bundle is the only one loaded it holds nothing else, and the filter would cost its file.
      const filters = { ...(searching.filters as Record<string, string>) };
      if (merged.size) filters.tahun = year;
      const options: SearchOptions = { filters, sort: { date: 'desc' } };
      const search = await module.search(searching.query || null, options); // null: every post that passes the filters
      if (mine !== generation) return false;
      yearsLeft.shift();
      yearsSearched.push(year);
      results.push(...search.results);
    }
    return true;
  }

  const showStatus = () => {
    const { query } = searching;
    if (yearsLeft.length) setStatus(searchLive.resultsSoFar(results.length, query, yearsSearched.at(-1)!, yearsSearched[0]!));
    else setStatus(results.length ? searchLive.results(results.length, query) : searchLive.none(query));
  };

  /**
   * Shows the next page of results, each as soon as it and the results before it have arrived, so one
   * slow fragment of ten does not hold back the first; the status line (announced to screen readers)
   * changes once the page is complete. For a new search (`replace`) the previous list stays until its
   * first result is ready. Returns the first new result's element, if any and if no newer search started.
   */
  async function showNextPage(mine: number, replace: boolean): Promise<HTMLLIElement | undefined> {
    if (!(await searchYears(mine))) return undefined;
    const next = results.slice(shown, shown + PAGE_SIZE);
    // Pagefind fetches a result's fragment only when asked: only the results shown cost bytes.
    const loading = next.map((result) => result.data());
    for (const data of loading) data.catch(() => {}); // awaited in turn below, which throws the first failure
    let first: HTMLLIElement | undefined;
    const clearPrevious = () => {
      if (!replace) return;
      list.replaceChildren();
      more.hidden = true;
    };
    for (const data of loading) {
      const item = toResultItem(await data);
      if (mine !== generation) return undefined;
      if (!item) continue;
      const element = renderResult(item);
      if (!first) clearPrevious();
      first ??= element;
      list.append(element);
    }
    if (!first) clearPrevious();
    shown += next.length;
    more.hidden = shown >= results.length && !yearsLeft.length;
    showStatus();
    return first;
  }

  async function run(state: SearchState, debounce: boolean): Promise<void> {
    const mine = ++generation;
    current = searchQueryString(state);
    failed.hidden = true;
    if (isEmptySearch(state)) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      setStatus('');
      return;
    }
    setStatus(searchLive.searching);
    list.setAttribute('aria-busy', 'true');
    try {
      if (debounce) await sleep(DEBOUNCE_MS); // typing: search once the reader pauses
      if (mine !== generation) return;
      searching = state;
      results = [];
      shown = 0;
      yearsSearched = [];
      // A year asked for is its bundle alone (an old link's year may have none); otherwise every year.
      const year = state.filters.tahun;
      yearsLeft = year ? years.filter((candidate) => candidate === year) : [...years];
      await showNextPage(mine, true);
    } catch (error) {
      if (mine !== generation) return;
      forget();
      console.error('Search failed:', error);
      setStatus('');
      more.hidden = true;
      failed.hidden = false;
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('focus', () => void (years.length ? load() : Promise.resolve()).catch(forget), { once: true });
  input.addEventListener('input', () => {
    const state = formState();
    remember(state, !typing);
    typing = true;
    void run(state, true);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return; // typing is handled above
    const state = formState();
    remember(state, true);
    typing = false;
    void run(state, false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = formState();
    remember(state, true);
    typing = false;
    void run(state, false);
  });
  more.addEventListener('click', async () => {
    if (loadingMore) return;
    loadingMore = true;
    const mine = generation;
    list.setAttribute('aria-busy', 'true');
    try {
      const first = await showNextPage(mine, false);
      // Keyboard and screen-reader users continue at the first new result instead of back at the button.
      if (first) first.querySelector('a')?.focus();
    } catch (error) {
      console.error('Search failed:', error);
      failed.hidden = false;
    } finally {
      loadingMore = false;
      if (mine === generation) list.removeAttribute('aria-busy');
    }
  });
  window.addEventListener('popstate', () => {
    const state = readSearch(location.search);
    if (searchQueryString(state) === current) return; // e.g. the skip link's #isi: same search, keep it
    typing = false;
    fillForm(state);
    void run(state, false);
  });

  const initial = readSearch(location.search);
  fillForm(initial);
  if (!isEmptySearch(initial)) void run(initial, false);
}

/** One result: every string from the index goes in as text; only the excerpt's `<mark>`s are elements. */
function renderResult(item: ResultItem): HTMLLIElement {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  };
  const li = element('li', 'search-result');
  const body = element('div', 'search-result__body');
  const heading = element('h2', 'search-result__title');
  const link = element('a');
  link.href = item.url;
  link.textContent = item.title;
  heading.append(link);
  body.append(heading);
  if (item.details.length) {
    const details = element('p', 'meta');
    details.textContent = item.details.join(' · ');
    body.append(details);
  }
  const excerpt = element('p', 'search-result__excerpt');
  excerpt.append(
    ...item.excerpt.map((part) => {
      if (!part.mark) return part.text;
      const mark = element('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
  body.append(excerpt);
  li.append(body);
  return li;
}
