// Module load time of the client bundle, dist/extension.js, outside VS Code.
// `vscode` exists only inside VS Code, so it is replaced by a stand-in whose every
// property is another stand-in (callable, constructible, extendable); its own keys
// are the names the bundle uses, so esbuild's ESM interop copies them. activate()
// needs the real host and is timed by the e2e run, not here.
// Usage: node bench/child-load-extension.cjs <dist/extension.js>
const fs = require('node:fs');
const Module = require('node:module');

const file = process.argv[2];
const names = new Set(['prototype']);
// Every property name the bundle reads anywhere: a minified bundle renames its `vscode` binding.
for (const m of fs.readFileSync(file, 'utf8').matchAll(/\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
const any = new Proxy(function () {}, {
  get: (t, p) => (p === Symbol.toPrimitive ? () => 0 : typeof p === 'symbol' ? undefined : p === 'prototype' ? t.prototype : any),
  apply: () => any,
  construct: () => any,
  ownKeys: (t) => [...new Set([...Reflect.ownKeys(t), ...names])],
  getOwnPropertyDescriptor: (t, p) =>
    Object.getOwnPropertyDescriptor(t, p) ?? { configurable: true, enumerable: true, writable: true, value: any },
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? any : load.call(this, request, ...rest);
};
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
require(file);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000 }) + '\n');
