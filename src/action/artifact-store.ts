// BundleStore backed by @actions/artifact (the results service of hosted runners): each shard
// bundle is one artifact of the workflow run, zipped by the client.
import { DefaultArtifactClient } from '@actions/artifact';
import type { BundleStore } from '../fanout/store.ts';

export function actionBundleStore(): BundleStore {
  const client = new DefaultArtifactClient();
  return {
    async upload(name, root, files) {
      // Bundles are needed only until the merge job ran: a day is plenty and costs no quota afterwards.
      await client.uploadArtifact(name, files, root, { retentionDays: 1 });
    },
    async list(prefix) {
      const { artifacts } = await client.listArtifacts({ latest: true });
      return artifacts.map((a) => a.name).filter((n) => n.startsWith(prefix)).sort();
    },
    async download(name, dir) {
      const { artifact } = await client.getArtifact(name);
      await client.downloadArtifact(artifact.id, { path: dir });
    },
  };
}
