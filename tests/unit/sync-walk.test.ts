/**
 * The listing walk (scripts/sync/walk.ts) over an in-memory listing: which passes a run makes, where it
 * stops, what it records as its place, and how it copes with a refused cursor or a paging loop.
 */
import { describe, expect, it } from 'vitest';
import { StaleCursorError, type ListingPage, type PlatformSource, type SourceItem } from '#sync/source.ts';
import { planPasses, walkListing, type WalkItem, type WalkOptions } from '#sync/walk.ts';
import type { UpstreamPost } from '#sync/upstream.ts';

/** Instagram-like ids, newest first; pages of `size`, cursors "c<offset>". */
function listing(count: number, size: number, options: { staleCursors?: Set<string>; loopAt?: string } = {}) {
  const ids = Array.from({ length: count }, (_, index) => String(9_000_000_000_000 - index));
  const pagesRead: (string | null)[] = [];
  const detailCalls: string[][] = [];
  const source: PlatformSource = {
    platform: 'instagram',
    async listPage(cursor): Promise<ListingPage> {
      pagesRead.push(cursor);
      // A saved cursor is refused once; the same position reached afresh is a new, valid cursor.
      if (cursor && options.staleCursors?.delete(cursor)) throw new StaleCursorError('the saved place was refused');
      const start = cursor ? Number(cursor.slice(1)) : 0;
      const end = start + size;
      const next = end < ids.length ? (options.loopAt && end >= Number(options.loopAt.slice(1)) ? options.loopAt : `c${end}`) : null;
      return { ids: ids.slice(start, end), notes: [], next };
    },
    async *details(wanted): AsyncGenerator<SourceItem> {
      detailCalls.push([...wanted]);
      for (const id of wanted) yield { type: 'post', post: { id } as UpstreamPost };
    },
    async explainMissing() {
      return new Map();
    },
  };
  return { ids, source, pagesRead, detailCalls };
}

async function collect(source: PlatformSource, options: WalkOptions): Promise<WalkItem[]> {
  const items: WalkItem[] = [];
  for await (const item of walkListing(source, options)) items.push(item);
  return items;
}

const posts = (items: WalkItem[]) => items.flatMap((item) => (item.type === 'post' ? [item.post.id] : []));
const checkpoints = (items: WalkItem[]) => items.flatMap((item) => (item.type === 'checkpoint' ? [item.cursor] : []));
const endOf = (items: WalkItem[]) => items.at(-1);
const none = new Set<string>();

describe('planPasses', () => {
  it('plans one pass from the top unless an unfinished walk has a place to continue from', () => {
    expect(planPasses({ complete: false, resumeFrom: null }, false)).toEqual([{ from: null, stopAtKnown: false }]);
    expect(planPasses({ complete: true, resumeFrom: null }, false)).toEqual([{ from: null, stopAtKnown: true }]);
    expect(planPasses({ complete: false, resumeFrom: 'c20' }, false)).toEqual([
      { from: null, stopAtKnown: true },
      { from: 'c20', stopAtKnown: false },
    ]);
    expect(planPasses({ complete: false, resumeFrom: 'c20' }, true)).toEqual([{ from: null, stopAtKnown: false }]);
  });
});

describe('walkListing', () => {
  it('walks a new account to the end, with a checkpoint after every page', async () => {
    const { ids, source, pagesRead } = listing(25, 10);
    const items = await collect(source, { passes: planPasses({ complete: false, resumeFrom: null }, false), known: none, includeKnown: false, refresh: none });
    expect(posts(items)).toEqual(ids);
    expect(checkpoints(items)).toEqual([null, 'c10', 'c20']);
    expect(pagesRead).toEqual([null, 'c10', 'c20']);
    expect(endOf(items)).toEqual({ type: 'end', how: 'listing-end' });
  });

  it('stops at the cap inside a page, without a checkpoint for the page it cut', async () => {
    const { ids, source } = listing(40, 10);
    const items = await collect(source, { passes: [{ from: null, stopAtKnown: false }], known: none, includeKnown: false, refresh: none, maxNew: 15 });
    expect(posts(items)).toEqual(ids.slice(0, 15));
    expect(checkpoints(items)).toEqual([null]);
    expect(endOf(items)).toEqual({ type: 'end', how: 'capped' });
  });

  it('takes what is new at the top, then continues from the saved place, skipping archived posts without asking for them', async () => {
    const { ids, source, pagesRead, detailCalls } = listing(40, 10);
    // Earlier runs archived the first 20; two new posts appeared at the top since.
    const fresh = ['19000000000000001', '19000000000000002'];
    ids.unshift(...fresh);
    const known = new Set(ids.slice(2, 22));
    const items = await collect(source, { passes: planPasses({ complete: false, resumeFrom: 'c10' }, false), known, includeKnown: false, refresh: none });
    expect(posts(items)).toEqual([...fresh, ...ids.slice(22)]);
    // Page 1 (caught up), then the saved page again, then on to the end.
    expect(pagesRead).toEqual([null, 'c10', 'c20', 'c30', 'c40']);
    expect(detailCalls.flat()).not.toContain(ids[5]);
    expect(checkpoints(items)).toEqual(['c10', 'c20', 'c30', 'c40']);
    expect(endOf(items)).toEqual({ type: 'end', how: 'listing-end' });
  });

  it('an incremental run over a finished history stops after the first page holding an archived post', async () => {
    const { ids, source, pagesRead } = listing(40, 10);
    const known = new Set(ids.slice(12));
    const items = await collect(source, { passes: planPasses({ complete: true, resumeFrom: null }, false), known, includeKnown: false, refresh: none });
    expect(posts(items)).toEqual(ids.slice(0, 12));
    expect(pagesRead).toEqual([null, 'c10']);
    expect(checkpoints(items)).toEqual([]);
    expect(endOf(items)).toEqual({ type: 'end', how: 'caught-up' });
  });

  it('asks for archived posts to look at again once, where the walk ends', async () => {
    const { ids, source, detailCalls } = listing(40, 10);
    const known = new Set(ids.slice(3));
    const refresh = new Set([ids[2 + 5]!, ids[35]!]);
    const items = await collect(source, { passes: [{ from: null, stopAtKnown: true }], known, includeKnown: false, refresh });
    // ids[7] is on the first page read and handed out there; ids[35] is never reached and asked for last.
    expect(detailCalls).toEqual([[ids[0], ids[1], ids[2], ids[7]], [ids[35]]]);
    expect(posts(items)).toHaveLength(5);
  });

  it('a refused saved cursor makes the pass start again from the newest page', async () => {
    const { ids, source, pagesRead } = listing(30, 10, { staleCursors: new Set(['c10']) });
    const known = new Set(ids.slice(0, 10));
    const items = await collect(source, { passes: [{ from: 'c10', stopAtKnown: false }], known, includeKnown: false, refresh: none });
    expect(items[0]).toMatchObject({ type: 'warning', message: expect.stringMatching(/^Instagram: the saved place was refused; walking again from the newest post/) });
    expect(pagesRead).toEqual(['c10', null, 'c10', 'c20']);
    expect(posts(items)).toEqual(ids.slice(10));
    expect(endOf(items)).toEqual({ type: 'end', how: 'listing-end' });
  });

  it('a cursor refused again after starting over is an outage, not a loop', async () => {
    const { source } = listing(30, 10);
    const refusing: PlatformSource = { ...source, platform: 'instagram', listPage: async (cursor) => (cursor ? Promise.reject(new StaleCursorError('refused')) : source.listPage(null)) };
    await expect(collect(refusing, { passes: [{ from: 'c10', stopAtKnown: false }], known: none, includeKnown: false, refresh: none })).rejects.toThrow(
      /Instagram: refused, again after starting from the newest post/,
    );
  });

  it('a paging loop ends the walk with a warning', async () => {
    const { source, pagesRead } = listing(50, 10, { loopAt: 'c10' });
    const items = await collect(source, { passes: [{ from: null, stopAtKnown: false }], known: none, includeKnown: false, refresh: none });
    expect(pagesRead).toEqual([null, 'c10']);
    expect(items.filter((item) => item.type === 'warning')).toHaveLength(1);
    expect(endOf(items)).toEqual({ type: 'end', how: 'loop' });
  });

  it('reports ids that are not valid for the platform and never asks for them', async () => {
    const source: PlatformSource = {
      platform: 'instagram',
      listPage: async () => ({ ids: ['1789', '../../x', '1790'], notes: [], next: null }),
      async *details(wanted) {
        for (const id of wanted) yield { type: 'post', post: { id } as UpstreamPost };
      },
      explainMissing: async () => new Map(),
    };
    const items = await collect(source, { passes: [{ from: null, stopAtKnown: false }], known: none, includeKnown: false, refresh: none });
    expect(posts(items)).toEqual(['1789', '1790']);
    expect(items.find((item) => item.type === 'error')).toMatchObject({ error: { itemId: '../../x', message: 'is not a valid Instagram media id' } });
  });
});
