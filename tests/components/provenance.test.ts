/** The post's history through Astro's container API: an edited media list says what changed and when. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostMedia } from '#archive/post.ts';
import Provenance from '#site/components/Provenance.astro';
import { versionMediaChange } from '#site/utils/changes.ts';
import { makePost } from '../fixtures/posts.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const slide = (childId: string): PostMedia => ({
  status: 'mirrored',
  role: 'image',
  childId,
  file: `${childId}.jpg`,
  width: 640,
  height: 640,
  sha256: 'c'.repeat(64),
  mirroredAt: '2026-03-01T02:10:00Z',
});
const four = ['17900000000000011', '17900000000000022', '17900000000000033', '17900000000000044'].map(slide);

/** A carousel whose second slide was deleted on 5 March, then whose caption was edited on 9 March. */
const carousel = makePost({
  kind: 'carousel',
  media: [four[0]!, four[2]!, four[3]!],
  provenance: {
    ...makePost().provenance,
    versions: [
      { title: 'Rapat koordinasi', text: 'Teks pertama', media: four, replacedAt: '2026-03-05T01:00:00Z' },
      { title: 'Rapat koordinasi', text: 'Teks pertama', replacedAt: '2026-03-09T01:00:00Z' },
    ],
  },
});

describe('versionMediaChange', () => {
  it('compares a version’s media list with the list that replaced it, by item id', () => {
    expect(versionMediaChange(carousel, 0)).toEqual({ removed: 1, added: 0, before: 4, after: 3 });
    expect(versionMediaChange(carousel, 1)).toBeUndefined();
    const moved = makePost({ kind: 'carousel', media: [four[1]!, four[0]!], provenance: { ...carousel.provenance, versions: [{ title: '', text: '', media: [four[0]!, four[1]!], replacedAt: '2026-03-05T01:00:00Z' }] } });
    expect(versionMediaChange(moved, 0)).toEqual({ removed: 0, added: 0, before: 2, after: 2 });
  });
});

describe('Provenance', () => {
  it('says a slide was deleted, and when, beside the earlier text', async () => {
    const $ = cheerio.load(await container.renderToString(Provenance, { props: { post: carousel } }), null, false);
    const versions = $('.versions li').toArray().map((item) => $(item).text().replace(/\s+/g, ' ').trim());
    expect(versions).toHaveLength(2);
    // Newest first: the caption edit says nothing of images; the earlier one says one of four was deleted.
    expect(versions[0]).not.toContain('Gambar');
    expect(versions[1]).toContain('Gambar: 1 dihapus (4 gambar sebelumnya, 3 sesudahnya');
    expect(versions[1]).toMatch(/Diganti pada .*2026/);
  });
});
