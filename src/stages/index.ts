// The pipeline's stages, in order. A new stage is one module and one line here.
import type { Stage } from '../pipeline/stage.ts';
import { toolchainStage } from './toolchain.ts';
import { modulesStage } from './modules.ts';
import { buildStage } from './build.ts';
import { inspectStage } from './inspect.ts';

export const STAGES: readonly Stage[] = [
  toolchainStage,
  // cache restore
  modulesStage,
  buildStage,
  inspectStage,
];
