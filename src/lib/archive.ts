/**
 * The site's single entry into `content/`: loads the posts collection once per build, checks that each
 * file sits in the folder its own id names, applies staff withdrawals, and answers the questions pages ask.
 */
import { getCollection } from 'astro:content';
import type { Post } from '#archive/post.ts';
import { archiveStateSchema, type ArchiveState } from '#archive/state.ts';
import {
  ARCHIVE_STATE_FILE,
  EMPTY_ARCHIVE_STATE,
  POST_FILE,
  postFolderProblem,
  POSTS_DIR,
  withdrawalFile,
  withdrawalFileProblem,
  WITHDRAWALS_DIR,
} from '#archive/layout.ts';
import { siteConfig } from '../site.config.ts';
import { isListed, sortNewestFirst } from '../utils/posts.ts';
import { resolveAccounts, type SiteAccount } from '../utils/accounts.ts';
import { applyWithdrawals } from '../utils/withdrawals.ts';
import { parseWithFriendlyErrors } from '#archive/parse.ts';

export interface Archive {
  /** Every archived post, newest first, including removed and withdrawn ones. */
  all: Post[];
  /** Posts shown in lists, feeds, search and open data: everything but staff withdrawals. */
  listed: Post[];
  /** Accounts from the config plus any account found in posts, each with its listed posts. */
  accounts: SiteAccount[];
  state: ArchiveState;
}

let cached: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  cached ??= loadArchive();
  return cached;
}

async function loadArchive(): Promise<Archive> {
  const entries = await getCollection('posts');
  const posts = entries.map((entry) => {
    // The folder names the id readers' links use; a file elsewhere is a damaged or unmigrated archive.
    const folder = `${POSTS_DIR}/${entry.id}`;
    const problem = postFolderProblem(folder, entry.data);
    if (problem) throw new Error(`content/${folder}/${POST_FILE} ${problem}.`);
    return entry.data;
  });
  const withdrawals = (await getCollection('withdrawals')).map((entry) => {
    const file = `${WITHDRAWALS_DIR}/${entry.id}.json`;
    const problem = withdrawalFileProblem(file, entry.data);
    if (problem) throw new Error(`content/${file} ${problem}.`);
    return entry.data;
  });
  const applied = applyWithdrawals(posts, withdrawals);
  const stray = applied.unmatched[0];
  if (stray) {
    throw new Error(`content/${withdrawalFile(stray.platform, stray.id)} withdraws a post that is not in the archive.`);
  }
  const all = sortNewestFirst(applied.posts);
  const listed = all.filter(isListed);
  return { all, listed, accounts: resolveAccounts(siteConfig.accounts, all), state: readArchiveState() };
}

/** `content/archive.json`, read through Vite so the path is the project's, not the built chunk's. */
const stateFiles = import.meta.glob<unknown>('/content/archive.json', { eager: true, import: 'default' });

function readArchiveState(): ArchiveState {
  const raw = stateFiles[`/content/${ARCHIVE_STATE_FILE}`];
  if (raw === undefined) return EMPTY_ARCHIVE_STATE;
  return parseWithFriendlyErrors(archiveStateSchema, raw, `content/${ARCHIVE_STATE_FILE} is not valid:`);
}
