/**
 * Whether a built site fits its host, and what to say when it does not. A host with a size limit
 * (GitHub Pages: 1 GB) refuses or breaks a deploy past it; the build stops first, naming the biggest
 * folders and the ways out, so staff learn it from the build log and not from a half-published site.
 */
export interface FolderSize {
  /** Top-level folder of dist/, or "(top level)" for files directly in it. */
  folder: string;
  bytes: number;
  files: number;
}

const mb = (bytes: number) => `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: bytes < 1e7 ? 1 : 0 })} MB`;

/** The message that stops the build, or undefined when the site fits (or the host has no limit). */
export function hostLimitProblem(folders: readonly FolderSize[], limitMB: number | null, setting: string): string | undefined {
  const total = folders.reduce((sum, folder) => sum + folder.bytes, 0);
  if (limitMB === null || total <= limitMB * 1e6) return undefined;
  const biggest = [...folders]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5)
    .map((folder) => `${folder.folder}/ ${mb(folder.bytes)} (${folder.files.toLocaleString('en')} files)`);
  return [
    `The built site is ${mb(total)}, more than the host limit of ${mb(limitMB * 1e6)} (${setting}).`,
    `Biggest folders of dist/: ${biggest.join(', ')}.`,
    'Options: publish to an S3-compatible bucket or the office\'s own server instead (README, "Deploying past GitHub Pages") and set the limit to that host\'s (null for none);',
    'or make the image copies smaller (src/utils/media-variants.ts) and rebuild.',
  ].join('\n');
}
