// The parts of the player a page downloads only when it uses them: the chapter-file, feed and
// transcript readers, the transcript panel, and the words of each language but English. A page whose chapters come from its notes fetches none of them; a page with
// a chapters file, a feed or a transcript fetches that part alongside the file (not after it) and
// works as before; a part that cannot be downloaded is said in the player, in plain words, and
// leaves the page and its other players working.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, waitForPlayer, waitForMetadata, part, screenshot, DIST_URL, REPO } from './harness.mjs';

const ctx = useBrowser();

const NOTES = '(00:00:00) INTRO\n(00:04:17) PART 0: SPORTS NEWS\n(00:06:53) PART 1: REFERENCE COUNTING\n';
const CHAPTERS = JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'From the file' }, { startTime: 90, title: 'Second' }] });
const VTT = readFileSync(join(REPO, 'tests/browser/fixtures/transcripts/ep18.vtt'));
const FEED = readFileSync(join(REPO, 'crates/chapters/tests/fixtures/feeds/core-py.xml'));
/** Notes that hold a transcript after their chapters: read by the transcripts part. */
const NOTES_WITH_TRANSCRIPT = [
  '[00:00:00] Intro', '[00:04:17] Sports news', '[00:06:53] Reference counting', '', 'Transcript', '',
  '[00:00:00] **swyx:** Thanks for listening, this is a long first sentence of the show.', '',
  '[00:00:05] **AI Charlie:** Welcome back, friends, it has been a week since the fair.', '',
  '[00:01:48] **swyx:** Welcome to the space, this is a long time coming, and I am excited.',
].join('\n');
/** How long the files take to arrive: long enough that a part fetched after them would show. */
const FILE_DELAY_MS = 400;

const isPart = (url) => /\/(split_[a-z_]+|chunk-[a-z_-]+)\.wasm$/.test(new URL(url).pathname);

/**
 * Opens a page with the loader and `body`, serving the test's files after a delay. Returns the
 * log of requests and answers, in order: `['request', url]`, `['file', name]` when a file is sent.
 */
async function open(page, body, { failParts = false } = {}) {
  const log = [];
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('request', (r) => log.push(['request', r.url()]));
  page.on('requestfinished', (r) => log.push(['finished', r.url()]));
  const files = { 'chapters.json': ['application/json', CHAPTERS], 'ep18.vtt': ['text/vtt', VTT], 'feed.xml': ['application/rss+xml', FEED] };
  await page.route(`${DIST_URL}/files/*`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    await new Promise((r) => setTimeout(r, FILE_DELAY_MS));
    log.push(['file', name]);
    const [type, content] = files[name] ?? ['text/plain', 'not found'];
    return route.fulfill({ status: files[name] ? 200 : 404, contentType: type, body: content });
  });
  if (failParts) await page.route((url) => isPart(url.href), (route) => route.abort('connectionfailed'));
  await page.route(`${DIST_URL}/parts-test.html`, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parts</title>
<script type="module" src="chapter-player.js"></script></head><body><main>${body}</main></body></html>`,
  }));
  await page.goto(`${DIST_URL}/parts-test.html`);
  return { log, errors, warnings };
}

const partsRequested = (log) => log.filter(([kind, url]) => kind === 'request' && isPart(url)).map(([, url]) => new URL(url).pathname.slice(1)).sort();

/** Every part named in `names` was requested before `file` was sent: fetched beside it. */
function fetchedBeside(log, file, names) {
  const sent = log.findIndex(([kind, name]) => kind === 'file' && name === file);
  assert.ok(sent >= 0, `${file} was sent`);
  for (const name of names) {
    const asked = log.findIndex(([kind, url]) => kind === 'request' && url.endsWith(`/${name}`));
    assert.ok(asked >= 0 && asked < sent, `${name} was requested before ${file} arrived`);
  }
}

const titles = (page, sel) => page.evaluate((s) => document.querySelector(s).chapters.map((c) => c.title), sel);

test('a page whose chapters come from its notes downloads no part', async () => {
  const page = await ctx.page();
  const { log, errors } = await open(page, `<chapter-player id="notes" src="media/episode-18.mp3">${NOTES}</chapter-player>`);
  await waitForMetadata(page, '#notes');
  await part(page, '#notes', 'chapter').first().click();
  await page.waitForTimeout(500);
  assert.deepEqual(await titles(page, '#notes'), ['INTRO', 'PART 0: SPORTS NEWS', 'PART 1: REFERENCE COUNTING']);
  assert.deepEqual(partsRequested(log), []);
  assert.deepEqual(errors, []);
});

test('a chapters file, a feed and a transcript each bring their part, fetched beside the file', async () => {
  const page = await ctx.page();
  const { log, errors } = await open(page, `
    <chapter-player id="file" src="media/episode-18.mp3" chapters="files/chapters.json"></chapter-player>
    <chapter-player id="t" src="media/episode-18.mp3" transcript="files/ep18.vtt">${NOTES}</chapter-player>
    <chapter-player id="feed" feed="files/feed.xml"></chapter-player>`);
  await page.waitForFunction(() => document.querySelector('#file').chapters?.[0]?.title === 'From the file');
  await part(page, '#t', 'transcript-toggle').click();
  await part(page, '#t', 'transcript-turn').first().waitFor();
  await part(page, '#feed', 'episode').first().waitFor();
  const requested = partsRequested(log);
  for (const name of ['split_chapter_files.wasm', 'split_transcripts.wasm', 'split_feed.wasm']) {
    assert.ok(requested.includes(name), `${name} in ${requested}`);
  }
  // Each part once, however many players or chunks ask for it.
  assert.equal(new Set(requested).size, requested.length, `${requested}`);
  fetchedBeside(log, 'chapters.json', ['split_chapter_files.wasm']);
  fetchedBeside(log, 'ep18.vtt', ['split_transcripts.wasm']);
  fetchedBeside(log, 'feed.xml', ['split_feed.wasm']);
  assert.deepEqual(errors, []);
});

test('a part that cannot be downloaded is said in the player; the notes player beside it still works', async () => {
  const page = await ctx.page();
  const { errors } = await open(page, `
    <chapter-player id="file" src="media/episode-18.mp3" chapters="files/chapters.json">${NOTES}</chapter-player>
    <chapter-player id="t" src="media/episode-18.mp3" transcript="files/ep18.vtt">${NOTES}</chapter-player>
    <chapter-player id="feed" feed="files/feed.xml" src="media/episode-18.mp3">${NOTES}</chapter-player>
    <chapter-player id="notes" src="media/episode-18.mp3">${NOTES}</chapter-player>
    <chapter-player id="said" src="media/episode-18.mp3">${NOTES_WITH_TRANSCRIPT}</chapter-player>`, { failParts: true });
  for (const sel of ['#file', '#t', '#feed', '#notes', '#said']) await waitForPlayer(page, sel);

  // The chapters file: its failure named, and the notes' chapters shown instead.
  const fileAlert = page.locator('#file [part~="chapter-list"] [role="alert"]');
  await fileAlert.waitFor();
  assert.match(await fileAlert.innerText(), /^Chapters could not be loaded from files\/chapters\.json: the player’s reader for it could not be downloaded\./);
  assert.deepEqual(await titles(page, '#file'), ['INTRO', 'PART 0: SPORTS NEWS', 'PART 1: REFERENCE COUNTING']);

  // The feed: said where the episode list would be.
  const feedAlert = part(page, '#feed', 'episode-list').locator('[role=alert]');
  await feedAlert.waitFor();
  assert.match(await feedAlert.textContent(), /could not be loaded: the player’s reader for it could not be downloaded/);

  // The transcript: offered as its file, to open in the browser.
  await part(page, '#t', 'transcript-toggle').click();
  await part(page, '#t', 'transcript-unavailable').waitFor();
  assert.match(await part(page, '#t', 'transcript-link').first().getAttribute('href'), /files\/ep18\.vtt$/);

  // The notes' transcript: its chapters shown, and where the transcript would be, why it is not.
  const said = part(page, '#said', 'error');
  await said.waitFor();
  assert.equal(await said.textContent(), 'This part of the player could not be downloaded.');
  assert.deepEqual(await titles(page, '#said'), ['Intro', 'Sports news', 'Reference counting']);

  // Tall enough that every player is in view (rows off screen are not painted).
  await page.setViewportSize({ width: 1024, height: 2300 });
  await screenshot(page, 'parts-unloaded');

  // The player beside them never needed a part, and plays a chapter.
  await part(page, '#notes', 'chapter').nth(1).click();
  await page.waitForFunction(() => document.querySelector('#notes').currentTime >= 256);
  assert.deepEqual(errors, []);
});

/** Every label the play button has had, frame by frame, from the page's start. */
async function recordPlayLabels(page) {
  await page.addInitScript(() => {
    window.playLabels = [];
    const look = () => {
      const label = document.querySelector('chapter-player')?.shadowRoot?.querySelector('[part~="play"]')?.getAttribute('aria-label');
      if (label && window.playLabels.at(-1) !== label) window.playLabels.push(label);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

test('a German page: its words are fetched beside the module, and the player speaks German from its first frame', async () => {
  const page = await ctx.page();
  await recordPlayLabels(page);
  const { log, errors } = await open(page, `<section lang="de-AT"><chapter-player id="de" src="media/episode-18.mp3">${NOTES}</chapter-player></section>`);
  await waitForMetadata(page, '#de');
  assert.deepEqual(await page.evaluate(() => window.playLabels), ['Abspielen']);
  assert.deepEqual(partsRequested(log), ['chunk-lang_de-lang_fr.wasm', 'split_lang_de.wasm']);
  const asked = log.findIndex(([kind, url]) => kind === 'request' && url.endsWith('/split_lang_de.wasm'));
  const module = log.findIndex(([kind, url]) => kind === 'finished' && url.endsWith('/chapter-player-widget_bg.wasm'));
  assert.ok(asked >= 0 && asked < module, 'the German words were requested before the module had arrived');

  // A change of language loads the next one's words, then the player speaks it.
  await page.evaluate(() => document.querySelector('#de').setAttribute('lang', 'ja'));
  await page.waitForFunction(() => document.querySelector('#de').shadowRoot.querySelector('[part~="play"]').getAttribute('aria-label') === '再生');
  assert.ok(partsRequested(log).includes('split_lang_ja.wasm'));
  assert.deepEqual(errors, []);
});

test('a language whose words cannot be downloaded: the player speaks English and the console says why', async () => {
  const page = await ctx.page();
  const { warnings, errors } = await open(page, `<chapter-player id="fr" lang="fr" src="media/episode-18.mp3">${NOTES}</chapter-player>`, { failParts: true });
  await waitForMetadata(page, '#fr');
  const root = page.locator('#fr');
  assert.equal(await part(page, '#fr', 'play').getAttribute('aria-label'), 'Play');
  assert.equal(await root.locator('.player').getAttribute('lang'), 'en');
  assert.ok(warnings.some((w) => /words in "fr" could not be downloaded; it speaks English/.test(w)), warnings.join('\n'));
  await part(page, '#fr', 'chapter').nth(1).click();
  await page.waitForFunction(() => document.querySelector('#fr').currentTime >= 256);
  assert.deepEqual(errors, []);
});
