#!/usr/bin/env node
import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  cacheHome,
  startEarly
} from "./chunks/chunk-D6JXMSJ6.js";
import "./chunks/chunk-FUGSFO47.js";
import "./chunks/chunk-DUXI62Z6.js";

// src/cli/entry.ts
import module from "node:module";
import path from "node:path";
try {
  module.enableCompileCache?.(path.join(cacheHome(process.env), "go-release-gate", "compile-cache"));
} catch {
}
startEarly(process.argv.slice(2), process.env);
await import("./chunks/main-MEXYIGFC.js");
