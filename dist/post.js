import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  getState,
  info,
  warning
} from "./chunks/chunk-KNUDBR6J.js";
import "./chunks/chunk-DUXI62Z6.js";

// src/action/post.ts
async function post() {
  const saved = getState("cache-plan");
  if (!saved) {
    info("No cache to save.");
    return;
  }
}
post().catch((e) => {
  warning(`cache save failed: ${e instanceof Error ? e.message : String(e)}`);
});
