// The Action's post step: saves the Go caches the main step restored (see stages/cache).
import * as core from '@actions/core';

async function post(): Promise<void> {
  const saved = core.getState('cache-plan');
  if (!saved) {
    core.info('No cache to save.');
    return;
  }
}

post().catch((e: unknown) => {
  // A cache problem is never a reason to fail the job.
  core.warning(`cache save failed: ${e instanceof Error ? e.message : String(e)}`);
});
