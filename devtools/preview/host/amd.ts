/**
 * A minimal AMD loader: just enough to load the plugin modules webpack builds for Grafana
 * (`output.library.type: 'amd'`), the way Grafana's own plugin loader (SystemJS with its AMD
 * extra) does.
 *
 * Each built module is one anonymous `define([...externals], factory)` call. The externals are the
 * packages Grafana shares with plugins (react, @grafana/ui, rxjs, …), which the host registers
 * with {@link provide}; `module` is AMD's special per-module object, whose `uri` webpack uses to
 * compute its public path (where lazily loaded chunks and images live).
 *
 * A module is loaded by adding a classic `<script src>`; while it runs, `document.currentScript`
 * tells `define` which URL the definition belongs to, so several modules can load at once.
 */

type Factory = (...deps: unknown[]) => unknown;

interface Definition {
  deps: string[];
  factory: unknown;
}

/** Modules the host provides to plugins, by the name plugins import them under. */
const provided = new Map<string, unknown>();
/** Definitions captured from `define` calls, by the absolute URL of the script that made them. */
const definitions = new Map<string, Definition>();
/** Each plugin module is evaluated once, like a browser's module map. */
const loaded = new Map<string, Promise<unknown>>();

/** Registers a shared module under the name plugins import (e.g. `@grafana/ui`). */
export function provide(name: string, value: unknown): void {
  provided.set(name, value);
}

/** Names plugins may import; anything else fails loudly, as a missing external would in Grafana. */
export function providedNames(): string[] {
  return [...provided.keys()].sort();
}

function define(...args: unknown[]): void {
  // define(factory) | define(deps, factory) | define(id, deps, factory): the id is ignored, the
  // script's URL identifies the module (webpack emits anonymous modules).
  const rest = typeof args[0] === 'string' ? args.slice(1) : args;
  const deps = Array.isArray(rest[0]) ? (rest[0] as string[]) : [];
  const factory = Array.isArray(rest[0]) ? rest[1] : rest[0];
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) {
    throw new Error('define() called outside a script loaded by the preview AMD loader');
  }
  definitions.set(script.src, { deps, factory });
}
// Libraries check `define.amd` to decide whether to register as AMD modules.
define.amd = {};

declare global {
  interface Window {
    define?: typeof define;
  }
}

/** Makes `define` global; call once before loading plugin modules. */
export function installDefine(): void {
  window.define = define;
}

function injectScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${url}`));
    document.head.append(script);
  });
}

async function instantiate(url: string): Promise<unknown> {
  await injectScript(url);
  const definition = definitions.get(url);
  if (!definition) {
    throw new Error(`${url} did not call define()`);
  }
  const exports: Record<string, unknown> = {};
  const module = { id: url, uri: url, exports };
  const deps = definition.deps.map((name) => {
    switch (name) {
      case 'module':
        return module;
      case 'exports':
        return exports;
      case 'require':
        return (dep: string) => resolveProvided(dep, url);
      default:
        return resolveProvided(name, url);
    }
  });
  if (typeof definition.factory !== 'function') {
    return definition.factory; // define({...}): a plain object module
  }
  const result = (definition.factory as Factory)(...deps);
  return result === undefined ? module.exports : result;
}

function resolveProvided(name: string, importer: string): unknown {
  if (!provided.has(name)) {
    throw new Error(
      `${importer} imports "${name}", which the preview host does not provide (provided: ${providedNames().join(', ')})`
    );
  }
  return provided.get(name);
}

/** Loads (once) and evaluates the AMD module at `url`; resolves to its exports. */
export function loadAmdModule<T = Record<string, unknown>>(url: string): Promise<T> {
  const absolute = new URL(url, window.location.href).href;
  let promise = loaded.get(absolute);
  if (!promise) {
    promise = instantiate(absolute);
    loaded.set(absolute, promise);
  }
  return promise as Promise<T>;
}
