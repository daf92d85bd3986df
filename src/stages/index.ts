// The pipeline's stages, in order. A new stage is one module and one line here.
import type { Stage } from '../pipeline/stage.ts';
import { toolchainStage } from './toolchain.ts';
import { cacheStage } from './cache.ts';
import { modulesStage } from './modules.ts';
import { buildStage } from './build.ts';
import { inspectStage } from './inspect.ts';
import { scanStage } from './scan.ts';
import { signStage } from './sign.ts';

export const STAGES: readonly Stage[] = [
  toolchainStage,
  cacheStage,
  modulesStage,
  buildStage,
  inspectStage,
  scanStage,
  signStage,
];
