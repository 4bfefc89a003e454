/**
 * What a built site says about where it came from: `data/build.json`, named in the manifest, shown on the
 * transparency page and read back by the Publish workflow, which publishes whenever main's newest commit
 * is not the one the live site names. Deterministic: the same commit builds the same record. Read from
 * git by src/lib/build-record-fs.ts; pages get it from `thisBuild()`.
 */
import { z } from 'astro/zod';

export const BUILD_FILE = 'build.json';

export const buildRecordSchema = z.strictObject({
  /** The git commit the site was built from (40 hex digits); null when built outside a git checkout. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .nullable(),
  /** True when files git tracks differed from that commit (a local build, not what CI publishes). */
  uncommittedChanges: z.boolean(),
  /** The GitHub repository as "owner/name", when known: what `gh attestation verify --repo` takes. */
  repository: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/)
    .nullable(),
  /** The repository's web address, when known; a commit's page is <repositoryUrl>/commit/<sha>. */
  repositoryUrl: z.url({ protocol: /^https$/ }).nullable(),
});

export type BuildRecord = z.infer<typeof buildRecordSchema>;

/** Put in by the open-data integration (src/integrations/open-data-files.ts) when a build or dev server starts. */
declare const __WARTA_BUILD_RECORD__: BuildRecord | undefined;

/** This build's record, for pages; read from git once, by the integration, before anything renders. */
export function thisBuild(): BuildRecord {
  if (typeof __WARTA_BUILD_RECORD__ === 'undefined') throw new Error('No build record: thisBuild() is for pages rendered by astro with the open-data integration.');
  return __WARTA_BUILD_RECORD__;
}

/** The commit's page on the repository's host, when both are known. */
export function commitUrl(record: BuildRecord): string | undefined {
  return record.commit && record.repositoryUrl ? `${record.repositoryUrl}/commit/${record.commit}` : undefined;
}

/** The one command that checks a downloaded file against the workflow's build provenance attestation. */
export function attestationCommand(record: BuildRecord, file: string, placeholder: string): string {
  return `gh attestation verify ${file} --repo ${record.repository ?? placeholder}`;
}
