/** The open-data views of the archive: the JSON dump and the flat CSV rows. */
import type { Post } from '#archive/post.ts';
import { paths } from './site.ts';
import { imageTextOf } from './media.ts';

export const CSV_COLUMNS = [
  'platform',
  'id',
  'account_id',
  'account_handle',
  'kind',
  'title',
  'text',
  'hashtags',
  'published_at',
  'duration_seconds',
  'permalink',
  'archive_url',
  'media_count',
  'image_text',
  'first_seen_at',
  'last_seen_at',
  'earlier_versions',
  'removed_at',
  'removed_reason',
  'removed_note',
] as const;

export function csvRow(post: Post): (string | number | undefined)[] {
  return [
    post.platform,
    post.id,
    post.account.id,
    post.account.handle,
    post.kind,
    post.title,
    post.text,
    post.hashtags.join(' '),
    post.publishedAt,
    post.durationSeconds,
    post.permalink,
    paths.absolute(paths.post(post)),
    post.media.length,
    // Words OCR read in the images (machine-read), one image's text after another.
    post.media.flatMap((item) => imageTextOf(item) ?? []).join('\n\n') || undefined,
    post.provenance.firstSeenAt,
    post.provenance.lastSeenAt,
    post.provenance.versions.length,
    post.provenance.removed?.at,
    post.provenance.removed?.reason,
    post.provenance.removed?.note,
  ];
}
