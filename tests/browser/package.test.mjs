// The npm package as a developer gets it: `cargo xtask package` packs it into target/npm/; here it
// is installed into a fresh folder, its types resolve through the package's `exports`, and a page
// uses it through an import map (no bundler) and through a Vite build: chapters render and a click
// seeks.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { useBrowser, waitForMetadata, waitForAudioTime, chapterButtons, part, DIST_URL, REPO } from './harness.mjs';

const ctx = useBrowser();
let site;

before(() => {
  const npmDir = join(REPO, 'target/npm');
  const tarballs = readdirSync(npmDir).filter((f) => /^chapter-player-.*\.tgz$/.test(f));
  assert.equal(tarballs.length, 1, `one packed tarball in ${npmDir} (run cargo xtask package)`);
  site = mkdtempSync(join(tmpdir(), 'chapter-player-site-'));
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(npmDir, tarballs[0])], { cwd: site, stdio: 'pipe' });
});

test('the installed package type-checks through its exports', () => {
  writeFileSync(join(site, 'check.ts'), `
    import { mount, type ChapterPlayerElement, type ChapterChangeDetail } from "chapter-player";
    const el: ChapterPlayerElement | null = document.querySelector("chapter-player");
    el?.addEventListener("chapterchange", (e) => { const d: ChapterChangeDetail = e.detail; console.log(d.title); });
    void mount(document.body, { src: "a.mp3", notes: "0:00 A" });
  `);
  writeFileSync(join(site, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'] },
    files: ['check.ts'],
  }));
  execFileSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', site], { stdio: 'pipe' });
});

/** Serves the temporary site folder at `${DIST_URL}/site/`, beside the real build's media. */
async function serveSite(page) {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.ts': 'text/plain' };
  await page.route(`${DIST_URL}/site/**`, (route) => {
    const path = join(site, new URL(route.request().url()).pathname.slice('/site/'.length));
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      return route.fulfill({ status: 200, headers: { 'content-type': types[extname(path)] ?? 'application/octet-stream' }, body: readFileSync(path) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

test('a page uses the installed package through an import map and plays from a chapter', async () => {
  const page = await ctx.page();
  await serveSite(page);
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>From npm</title>
    <script type="importmap">{ "imports": { "chapter-player": "/site/node_modules/chapter-player/chapter-player.js" } }</script>
    <script type="module">import { mount } from "chapter-player"; window.__mountType = typeof mount;</script></head>
    <body><main><chapter-player id="pkg" src="/media/episode-18.mp3" episode-title="From the package">
    (00:00) Intro
    (04:17) Sports news
    (06:53) Reference counting
    </chapter-player></main></body></html>`);
  await page.goto(`${DIST_URL}/site/index.html`);
  await waitForMetadata(page, '#pkg');
  assert.deepEqual((await chapterButtons(page, '#pkg')).map((c) => c.title), ['Intro', 'Sports news', 'Reference counting']);
  assert.equal(await page.evaluate(() => window.__mountType), 'function');
  await part(page, '#pkg', 'chapter').nth(1).click();
  await waitForAudioTime(page, '#pkg', 257);
});

test('a Vite build of a page that imports the package emits the wasm beside it and plays', async () => {
  const { build } = await import('vite');
  writeFileSync(join(site, 'bundled.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bundled</title>
    <script type="module" src="./main.js"></script></head>
    <body><main><chapter-player id="vite" src="/media/episode-18.mp3" episode-title="From a bundle">
    (00:00) Intro
    (04:17) Sports news
    (06:53) Reference counting
    </chapter-player></main></body></html>`);
  writeFileSync(join(site, 'main.js'), 'import { mount } from "chapter-player";\nwindow.__mountType = typeof mount;\n');
  await build({
    root: site,
    base: '/site/dist/',
    configFile: false,
    logLevel: 'silent',
    build: { outDir: join(site, 'dist'), emptyOutDir: true, rollupOptions: { input: join(site, 'bundled.html') } },
  });
  const emitted = readdirSync(join(site, 'dist/assets'));
  assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the wasm is emitted as an asset: ${emitted.join(', ')}`);

  const page = await ctx.page();
  await serveSite(page);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${DIST_URL}/site/dist/bundled.html`);
  await waitForMetadata(page, '#vite');
  assert.deepEqual((await chapterButtons(page, '#vite')).map((c) => c.title), ['Intro', 'Sports news', 'Reference counting']);
  assert.equal(await page.evaluate(() => window.__mountType), 'function');
  await part(page, '#vite', 'chapter').nth(2).click();
  await waitForAudioTime(page, '#vite', 413);
  // Everything came from the build's output, nothing from node_modules.
  const scripts = requested.filter((p) => /\.(js|wasm)$/.test(p));
  assert.ok(scripts.length >= 2 && scripts.every((p) => p.startsWith('/site/dist/assets/')), scripts.join(', '));
});
