// Replaced at bundle time with package.json's version (see scripts/bundle.mjs).
declare const __GATE_VERSION__: string | undefined;
export const GATE_VERSION: string = typeof __GATE_VERSION__ === 'string' ? __GATE_VERSION__ : '0.0.0-dev';
