/**
 * "Two files for one post". A path holds one post (`posts/<platform>/<shard>/<id>/post.json`), so on disk a post
 * can be doubled only in these ways, each checked:
 *
 * - a second JSON file inside its folder (`post (1).json`, `post.json.bak`): see media.unnamedFiles;
 * - a half-written copy (`.post.json.<pid>.<hex>.tmp`) from a killed sync: see layout.ts;
 * - the same post archived under a second id, e.g. a folder copied and renamed: two posts with one
 *   permalink, below (an error: the site would list the post twice);
 * - two paths that differ only in letter case, below: one folder on a case-insensitive file system.
 *
 * Not duplicates: the same id under both platforms (every key, path and URL is `<platform>/<id>`, so
 * they are two posts), and the same image bytes in two posts (an office reposts a poster).
 */
import { POST_FILE, postFolder } from '#archive/layout.ts';
import type { Post } from '#archive/post.ts';
import { error, warning, type Problem } from './problems.ts';

/**
 * Posts whose permalinks are the same address. Each later one (in path order) is reported against the
 * first. URLs are compared after parsing, so `HTTPS://www.instagram.com/p/X/` equals its lower-case form.
 */
export function samePermalinkProblems(posts: readonly Post[]): Problem[] {
  const firstByPermalink = new Map<string, Post>();
  const problems: Problem[] = [];
  for (const post of posts) {
    const permalink = new URL(post.permalink).href;
    const first = firstByPermalink.get(permalink);
    if (!first) firstByPermalink.set(permalink, post);
    else {
      problems.push(error(
        `${postFolder(post.platform, post.id)}/${POST_FILE}`,
        `has the permalink of ${postFolder(first.platform, first.id)} (${permalink}): one post archived under two ids; keep the folder named by the platform's id`,
      ));
    }
  }
  return problems;
}

/**
 * Entries of one folder whose names differ only in letter case. YouTube ids are case-sensitive, so
 * `abcDEF12345` and `ABCdef12345` are two real videos (mostly in two shards, but not always), and the archive on
 * Linux (CI, the server) is right. But a checkout on macOS or Windows would put both in one folder, each
 * post.json overwriting the other. That is a warning, not an error: nothing in content/ is wrong or can
 * be fixed (the folder name is the id, and the id is the post's address), and failing CI would stop
 * every build of a correct archive. Instagram ids are digits, so only YouTube ids can meet this; stray
 * names that clash (`Post.json`) are errors of their own anyway.
 */
export function letterCaseClashes(paths: readonly string[]): Problem[] {
  const firstByFoldedPath = new Map<string, string>();
  const problems: Problem[] = [];
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    // The parent exactly, the name folded: a clash of two folders is reported once, not for every file inside.
    const folded = `${path.slice(0, slash + 1)}${path.slice(slash + 1).toLowerCase()}`;
    const first = firstByFoldedPath.get(folded);
    if (first === undefined) firstByFoldedPath.set(folded, path);
    else {
      problems.push(warning(
        path,
        `differs from ${first} only in letter case: a checkout on a case-insensitive file system (macOS, Windows) merges the two`,
      ));
    }
  }
  return problems;
}
