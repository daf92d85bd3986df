#!/usr/bin/env node
import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  cacheHome
} from "./chunks/chunk-3PCYJYR7.js";
import "./chunks/chunk-DUXI62Z6.js";

// src/cli/entry.ts
import module from "node:module";
import path from "node:path";
try {
  module.enableCompileCache?.(path.join(cacheHome(process.env), "go-release-gate", "compile-cache"));
} catch {
}
await import("./chunks/main-JV7F53T3.js");
