#!/usr/bin/env node
'use strict';
// Starts dist/cli.js with a V8 code cache. Compiling the bundle, and then each function it runs, is a
// large share of a `jarscope tree` run; the cache holds the compiled code of the last run of the same
// command, so the next run deserializes instead of compiling. It lives under
// `$XDG_CACHE_HOME/jarscope/v8` (else `~/.cache/jarscope/v8`), never in a workspace; it is keyed by the
// Node version, the bundle's size and modification time and the command, and V8 itself rejects a cache
// made by another V8 or other flags. Any failure falls back to a plain require: the cache only costs or
// saves time, never changes results. JARSCOPE_NO_CODE_CACHE=1 turns it off.
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.js');

function cacheDir() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'jarscope', 'v8');
}

/** Node >= 22.1 caches compiled code itself. */
function startWithNodeCompileCache() {
  try {
    Module.enableCompileCache(cacheDir());
  } catch {
    // The cache is an optimisation only.
  }
  require(bundle);
}

/**
 * Node 20: compiles the CommonJS wrapper of the bundle with vm.Script and its cachedData; returns the
 * function that runs it. Throws only when the cache machinery fails; then the bundle is required.
 */
function compileWithScriptCache() {
  const vm = require('node:vm');
  const source = readFileSync(bundle, 'utf8');
  const { size, mtimeMs } = statSync(bundle);
  const command = /^[a-z-]{1,20}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const prefix = `cli-${command}-`;
  const dir = cacheDir();
  const file = join(dir, `${prefix}${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written when the run ends, so that the cache also holds every function this command compiled.
    process.once('exit', () => writeCache(script, dir, file, prefix));
  }
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  bundleModule.paths = Module._nodeModulePaths(dirname(bundle));
  bundleModule.loaded = true;
  const wrapper = script.runInThisContext();
  return () => wrapper.call(bundleModule.exports, bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, dirname(bundle));
}

function writeCache(script, dir, file, prefix) {
  try {
    mkdirSync(dir, { recursive: true });
    // Caches of older bundles or Node versions for this command are never read again.
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && join(dir, name) !== file) unlinkSync(join(dir, name));
    }
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    // A read-only or missing home folder only costs speed.
  }
}

function start() {
  if (process.env.JARSCOPE_NO_CODE_CACHE === '1') return require(bundle);
  if (typeof Module.enableCompileCache === 'function') return startWithNodeCompileCache();
  let run;
  try {
    run = compileWithScriptCache();
  } catch {
    return require(bundle);
  }
  return run();
}

start();
