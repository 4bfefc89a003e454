/** A caption rendered by PostText through Astro's container API: hostile text stays text, only http(s) links. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import PostText from '#site/components/PostText.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (text: string, platform: 'youtube' | 'instagram' = 'instagram') =>
  cheerio.load(await container.renderToString(PostText, { props: { text, platform } }), null, false);

describe('PostText', () => {
  it('renders markup in a caption as text, never as elements', async () => {
    const $ = await render('Awas <script>alert(1)</script> dan <img src=x onerror=alert(2)> <b>tebal</b>');
    expect($('script, img, b').length).toBe(0);
    expect($('p').text()).toBe('Awas <script>alert(1)</script> dan <img src=x onerror=alert(2)> <b>tebal</b>');
  });

  it('links http(s) URLs with rel="noopener nofollow ugc", and nothing else that looks like a link', async () => {
    const $ = await render('Info: https://tapselkab.go.id/a?b=1&c=2. Jangan klik javascript:alert(1) atau data:text/html,x');
    const links = $('a').toArray().map((a) => [$(a).attr('href'), $(a).attr('rel')]);
    expect(links).toEqual([['https://tapselkab.go.id/a?b=1&c=2', 'noopener nofollow ugc']]);
  });

  it('keeps paragraphs and line breaks, and links hashtags to the archive and Instagram mentions to the profile', async () => {
    const $ = await render('Baris satu\nbaris dua #Tapsel @prokopim.tapsel\n\nParagraf kedua');
    expect($('p')).toHaveLength(2);
    expect($('p').first().find('br')).toHaveLength(1);
    expect($('a.hashtag').attr('href')).toMatch(/\/tagar\/tapsel\/$/);
    expect($('a.mention').attr('href')).toBe('https://www.instagram.com/prokopim.tapsel/');
    const youtube = await render('Halo @prokopim.tapsel', 'youtube');
    expect(youtube('a.mention')).toHaveLength(0);
    expect(youtube('span.mention').text()).toBe('@prokopim.tapsel');
  });
});
