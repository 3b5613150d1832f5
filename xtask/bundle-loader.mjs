// The last step of trunk's post-build hook (xtask/src/split.rs): the loader, the wasm-bindgen glue
// and the splitter's loader for the lazily loaded parts become one minified file. A page then downloads one script fewer, the glue is ready the moment the loader runs
// instead of arriving after it, and the two together are 2.9 KiB smaller (brotli). The sources
// stay readable: www/chapter-player.js, and the glue wasm-bindgen writes.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("bundle-loader.mjs runs as trunk's post_build hook: TRUNK_STAGING_DIR is not set");
const loader = join(dir, "chapter-player.js");
// The files each lazily loaded part needs, read from their names (xtask/src/split.rs):
// `split_<part>.wasm`, and each `chunk-<part>-<part>….wasm` it shares with other parts. The
// loader preloads them as soon as a page is known to need the part.
const names = readdirSync(dir);
const parts = {};
for (const [, part] of names.map((n) => /^split_(\w+)\.wasm$/.exec(n)).filter(Boolean)) parts[part] = [`split_${part}.wasm`];
for (const [name, sharing] of names.map((n) => /^chunk-([\w-]+)\.wasm$/.exec(n)).filter(Boolean)) {
  for (const part of sharing.split("-")) parts[part]?.push(name);
}
await build({
  entryPoints: [loader],
  outfile: loader,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  minify: true,
  legalComments: "none",
  define: { __PARTS__: JSON.stringify(parts) },
  logLevel: "warning",
  // wasm-bindgen's glue imports the parts' loader once per split the wasm calls into, each time
  // under the same module name: the keys repeat, and every one is the same module.
  logOverride: { "duplicate-object-key": "silent" },
});
// Bundled into the loader: nothing fetches them any more.
rmSync(join(dir, "chapter-player-widget.js"));
rmSync(join(dir, "__wasm_split.js"));
