/** A mirrored image is decoded in full before it is kept: one declaring more pixels than any platform serves is refused first. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectImage, MAX_IMAGE_PIXELS } from '#sync/media.ts';

describe('inspectImage', () => {
  it('refuses an image of more than MAX_IMAGE_PIXELS before decoding it, and keeps a real photo', async () => {
    // 8000×7000 (56 MP) of one colour: a few hundred kilobytes that would decode to 168 MB.
    const bomb = await sharp({ create: { width: 8_000, height: 7_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(8_000 * 7_000).toBeGreaterThan(MAX_IMAGE_PIXELS);
    await expect(inspectImage(bomb)).rejects.toThrow(/not a readable image .*pixel limit/);
    const photo = await sharp({ create: { width: 1_080, height: 1_350, channels: 3, background: '#08f' } }).jpeg().toBuffer();
    expect(await inspectImage(photo)).toEqual({ format: 'jpeg', width: 1_080, height: 1_350 });
  }, 30_000);
});
