// The identity a keyless certificate carries for a GitHub workflow. Fulcio writes the workflow's
// job_workflow_ref claim under https://github.com/ as the certificate's URI SAN; the runner hands
// the same value to the job as GITHUB_WORKFLOW_REF (<owner>/<repo>/<path>@<ref>). Pure.

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

const WORKFLOW_REF = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[^@\s]+@refs\/[^\s]+$/;

/** https://github.com/<owner>/<repo>/<workflow path>@<ref>, or undefined when GITHUB_WORKFLOW_REF is absent or malformed. */
export function workflowIdentity(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  if (!ref || !WORKFLOW_REF.test(ref)) return undefined;
  return `https://github.com/${ref}`;
}

/** https://github.com/<owner>/<repo>/actions/runs/<id>/attempts/<n>, the run that signed. */
export function runInvocationId(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const repo = env.GITHUB_REPOSITORY;
  const id = env.GITHUB_RUN_ID;
  if (!repo || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo) || !id || !/^\d+$/.test(id)) return undefined;
  const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
  return `https://github.com/${repo}/actions/runs/${id}/attempts/${attempt}`;
}

/** Whether a trusted root JSON lists CT logs: without one, Fulcio's certificates carry no SCT to check. */
export function trustedRootHasCtLogs(json: string): boolean {
  try {
    const v = JSON.parse(json) as { ctlogs?: unknown };
    return Array.isArray(v.ctlogs) && v.ctlogs.length > 0;
  } catch {
    return true;
  }
}
