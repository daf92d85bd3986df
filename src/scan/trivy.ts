// Trivy as the scan stage runs it: the argument arrays (never a shell string). The report
// model and its validating reader live in trivy-report.ts (re-exported here). Pure: no I/O.
export * from './trivy-report.ts';

export interface TrivyScanOptions {
  cacheDir: string;
  skipDbUpdate: boolean;
  output: string;
  /** An explicit config file: without one Trivy reads trivy.yaml from its working directory. */
  config?: string;
  ignoreFile?: string;
  skipDirs?: string[];
}

/** `trivy fs|rootfs ...`: vulnerabilities of Go modules only, no telemetry, no version check, no scan cache on disk. */
export function trivyScanArgs(kind: 'fs' | 'rootfs', target: string, o: TrivyScanOptions): string[] {
  const args = [kind, '--scanners', 'vuln', '--pkg-types', 'library', '--format', 'json', '--output', o.output, '--show-suppressed'];
  args.push('--skip-version-check', '--disable-telemetry', '--skip-java-db-update', '--offline-scan', '--no-progress', '--cache-backend', 'memory');
  if (o.config) args.push('--config', o.config);
  if (o.cacheDir) args.push('--cache-dir', o.cacheDir);
  if (o.skipDbUpdate) args.push('--skip-db-update');
  if (o.ignoreFile) args.push('--ignorefile', o.ignoreFile);
  for (const d of o.skipDirs ?? []) args.push('--skip-dirs', d);
  // "--" ends the flags: a target path starting with "-" is still a path.
  args.push('--', target);
  return args;
}

