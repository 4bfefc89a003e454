/**
 * What rclone said, read back: its JSON log lines (--use-json-log) as files uploaded and deleted and
 * the totals of each pass, and its errors as one message a staff member can act on. Pure.
 */
import type { DeployTarget } from './settings.ts';

/** rclone's totals (the `stats` of its last log line); only the fields read here. */
export interface RcloneStats {
  bytes: number;
  transfers: number;
  deletes: number;
  errors: number;
}

export type LogEvent =
  | { kind: 'uploaded'; file: string; change: 'new' | 'changed' }
  | { kind: 'deleted'; file: string }
  | { kind: 'stats'; stats: RcloneStats }
  | { kind: 'problem'; level: 'error' | 'warning'; text: string }
  | { kind: 'other'; text: string };

interface JsonLine {
  level?: string;
  msg?: string;
  object?: string;
  stats?: Partial<RcloneStats>;
}

/** One line of rclone's output. Lines that are not JSON (rclone's last words before exiting) are problems. */
export function parseLogLine(line: string): LogEvent {
  let entry: JsonLine;
  try {
    entry = JSON.parse(line) as JsonLine;
  } catch {
    return { kind: 'problem', level: 'error', text: line.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, '') };
  }
  const msg = (entry.msg ?? '').trim();
  const file = entry.object ?? '';
  if (entry.stats) {
    const { bytes = 0, transfers = 0, deletes = 0, errors = 0 } = entry.stats;
    return { kind: 'stats', stats: { bytes, transfers, deletes, errors } };
  }
  if (msg === 'Copied (new)') return { kind: 'uploaded', file, change: 'new' };
  if (msg.startsWith('Copied (replaced')) return { kind: 'uploaded', file, change: 'changed' };
  if (msg === 'Deleted') return { kind: 'deleted', file };
  if (entry.level === 'error' || entry.level === 'critical') return { kind: 'problem', level: 'error', text: file ? `${file}: ${msg}` : msg };
  if (entry.level === 'warning' || entry.level === 'notice') return { kind: 'problem', level: 'warning', text: file ? `${file}: ${msg}` : msg };
  return { kind: 'other', text: msg };
}

export interface DeploySummary {
  uploadedNew: number;
  uploadedChanged: number;
  deleted: number;
  bytes: number;
}

/** The files and bytes of all passes: files from the per-file lines, bytes from each pass's last totals. */
export function summarise(passes: readonly (readonly LogEvent[])[]): DeploySummary {
  const summary: DeploySummary = { uploadedNew: 0, uploadedChanged: 0, deleted: 0, bytes: 0 };
  for (const events of passes) {
    for (const event of events) {
      if (event.kind === 'uploaded') summary[event.change === 'new' ? 'uploadedNew' : 'uploadedChanged'] += 1;
      else if (event.kind === 'deleted') summary.deleted += 1;
    }
    // rclone logs its totals every minute (--stats) and at the end of the pass: the last one counts.
    const totals = events.filter((event) => event.kind === 'stats').at(-1);
    summary.bytes += totals?.stats.bytes ?? 0;
  }
  return summary;
}

/** 1536 → "1.5 KB" (powers of 1024, as rclone counts). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** "5 files uploaded (4 new, 1 changed), 1 deleted, 2.0 KB sent; 120 unchanged." */
export function formatSummary(summary: DeploySummary, filesInDist: number): string {
  const uploaded = summary.uploadedNew + summary.uploadedChanged;
  const unchanged = Math.max(0, filesInDist - uploaded);
  return (
    `${uploaded} file${uploaded === 1 ? '' : 's'} uploaded (${summary.uploadedNew} new, ${summary.uploadedChanged} changed), ` +
    `${summary.deleted} deleted, ${formatBytes(summary.bytes)} sent; ${unchanged} unchanged.`
  );
}

/** Where the site was to go, in the words of the settings staff set. */
export function describeTarget(target: DeployTarget): string {
  if (target.kind === 's3') {
    const where = target.endpoint ?? `AWS${target.region ? ` ${target.region}` : ''}`;
    return `bucket "${target.bucket}"${target.path ? `, folder "${target.path}"` : ''} at ${where}`;
  }
  return `folder "${target.path}" on ${target.user}@${target.host}:${target.port}`;
}

/**
 * What went wrong and what to do, from rclone's error lines: refused credentials, a missing bucket or
 * folder, an unreachable host, an unknown server key. Anything else is named with rclone's own words.
 */
export function explainFailure(target: DeployTarget, problems: readonly string[]): string {
  const text = problems.join('\n');
  const where = describeTarget(target);
  const reason = firstLine(text);
  if (target.kind === 'sftp') {
    if (/knownhosts|host key/i.test(text)) {
      return `The server's SSH host key is not the one in DEPLOY_SFTP_KNOWN_HOSTS, so nothing was sent to ${where}. If the server was reinstalled, set the variable again from \`ssh-keyscan -p ${target.port} ${target.host}\`; otherwise ask who runs the server.`;
    }
    if (/unable to authenticate|no supported methods remain/i.test(text)) {
      return `The server refused the SSH key for ${where}. Check DEPLOY_SFTP_USER and the secret DEPLOY_SFTP_KEY, and that its public key is in ~${target.user}/.ssh/authorized_keys on the server.`;
    }
    if (/permission denied/i.test(text)) {
      return `The user ${target.user} may not write to ${where} (${reason}). Give the user write access to the folder, or choose another with DEPLOY_SFTP_PATH.`;
    }
  }
  if (target.kind === 's3' && /InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|InvalidToken|ExpiredToken|status code: 40[13]\b|Forbidden|Unauthorized/i.test(text)) {
    return `The storage service refused the credentials for ${where}. Check the secrets DEPLOY_S3_ACCESS_KEY_ID and DEPLOY_S3_SECRET_ACCESS_KEY (a key of this account, allowed to list, read, write and delete in the bucket).`;
  }
  if (/NoSuchBucket|directory not found|no such file/i.test(text)) {
    return target.kind === 's3'
      ? `The bucket "${target.bucket}" does not exist at ${target.endpoint ?? 'AWS'}. Create it in the storage service's console, or correct DEPLOY_S3_BUCKET (and DEPLOY_S3_ENDPOINT, DEPLOY_S3_REGION).`
      : `The folder "${target.path}" does not exist on ${target.host}. Create it (the folder the web server serves), or correct DEPLOY_SFTP_PATH.`;
  }
  const unreachable = /connection refused|no such host|i\/o timeout|network is unreachable|no route to host|connection reset|certificate[^\n"]*/i.exec(text);
  if (unreachable) {
    const [address, settings] =
      target.kind === 's3' ? [target.endpoint ?? 'AWS', 'DEPLOY_S3_ENDPOINT'] : [`${target.host}:${target.port}`, 'DEPLOY_SFTP_HOST and DEPLOY_SFTP_PORT'];
    return `Could not reach ${address} (${unreachable[0]}). Check ${settings}, and that the service is up, then run the deploy again.`;
  }
  return `rclone could not finish the deploy to ${where}: ${reason || 'it gave no reason'}. The files already sent stay; the next deploy sends the rest.`;
}

/** rclone's most telling line: its own summary of the failure when there is one, else the first error. */
function firstLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = lines.find((line) => /last error was:/.test(line));
  return (last ? last.replace(/^.*last error was: /, '') : lines[0] ?? '').slice(0, 300);
}
