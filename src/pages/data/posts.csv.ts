/** Every listed post as one CSV row, newest first. */
import type { APIRoute } from 'astro';
import { getArchive } from '#site/lib/archive.ts';
import { CSV_COLUMNS, csvRow } from '#site/lib/open-data.ts';
import { toCsv } from '#site/utils/csv.ts';

export const GET: APIRoute = async () => {
  const { listed } = await getArchive();
  return new Response(toCsv(CSV_COLUMNS, listed.map(csvRow)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
