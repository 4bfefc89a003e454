/**
 * The font families a poster line may use (scripts/sample/posters.ts draws with them): all of them are in
 * Debian's fonts-dejavu-core and fonts-liberation, which `npm test` installs where it can
 * (scripts/test-requirements.ts). Kept apart so that check reads the list without loading sharp.
 */
export const POSTER_FONTS = [
  'DejaVu Sans',
  'DejaVu Serif',
  'DejaVu Sans Mono',
  'Liberation Sans',
  'Liberation Serif',
  'Liberation Sans Narrow',
  'Liberation Mono',
] as const;
export type PosterFont = (typeof POSTER_FONTS)[number];
