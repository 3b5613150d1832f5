// Shared set-up for the real-browser tests of <chapter-player>.
//
// `cargo xtask test` serves dist/ (DIST_URL) and www/ (PLAIN_URL, a second origin), then runs
// `node --test --test-concurrency=1 tests/browser/`. Each test file calls `useBrowser()` once: it
// launches one Chromium for the file and gives every test a fresh page whose uncaught errors fail
// the test unless the test says it expects them.

import { after, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DIST_URL = (process.env.DIST_URL ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
export const PLAIN_URL = (process.env.PLAIN_URL ?? 'http://127.0.0.1:4174').replace(/\/$/, '');
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = resolve(REPO, process.env.ARTIFACTS ?? 'tests/artifacts');
/** Where the plain page loads the widget from; `routeWidget` answers it from DIST_URL. */
export const WIDGET_ORIGIN = 'https://example.com/chapter-player/';

/** Seconds of slack allowed when comparing media times. */
export const TOLERANCE = 0.25;

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

/** The demo page's players, in page order, with their expected chapter counts. */
export const EPISODES = [
  { id: 'ep20', number: 20, chapters: 23 },
  { id: 'ep19', number: 19, chapters: 34 },
  { id: 'ep18', number: 18, chapters: 31 },
  { id: 'ep17', number: 17, chapters: 28 },
  { id: 'ep16', number: 16, chapters: 36 },
];

/**
 * The expected chapters of the five seed episodes, in page order, from
 * crates/chapters/tests/fixtures/seed.expected: `[[{ start, title }]]`, start in seconds.
 */
export function seedExpected() {
  const text = readFileSync(join(REPO, 'crates/chapters/tests/fixtures/seed.expected'), 'utf8');
  const lists = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('## list')) {
      lists.push([]);
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    const tab = line.indexOf('\t');
    assert.ok(tab > 0, `seed.expected: no tab in ${JSON.stringify(line)}`);
    const clock = line.slice(0, tab);
    const title = line.slice(tab + 1);
    const start = clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
    assert.ok(lists.length > 0, 'seed.expected: a chapter before the first "## list"');
    lists.at(-1).push({ start, title });
  }
  return lists;
}

/**
 * Launches one browser for the calling test file and returns `ctx`, whose `ctx.page()` opens a
 * fresh page for the current test. A page error fails the test at its end, unless the test calls
 * `ctx.expectPageErrors()` first (then `ctx.pageErrors` holds them for it to inspect).
 */
export function useBrowser({ viewport = { width: 1024, height: 900 } } = {}) {
  const ctx = {
    browser: null,
    /** Browser contexts opened by the current test, closed after it. */
    contexts: [],
    pageErrors: [],
    consoleErrors: [],
    allowPageErrors: false,
    expectPageErrors() {
      ctx.allowPageErrors = true;
    },
    /** A fresh page (in a fresh browser context) for this test. */
    async page(options = {}) {
      const context = await ctx.browser.newContext({ viewport, ...options });
      ctx.contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => ctx.pageErrors.push(error));
      page.on('console', (msg) => {
        if (msg.type() === 'error') ctx.consoleErrors.push(msg.text());
      });
      return page;
    },
  };

  before(async () => {
    ctx.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: LAUNCH_ARGS,
    });
  });

  after(async () => {
    await ctx.browser?.close();
  });

  afterEach(async () => {
    const errors = ctx.pageErrors;
    const consoleErrors = ctx.consoleErrors;
    const allowed = ctx.allowPageErrors;
    ctx.pageErrors = [];
    ctx.consoleErrors = [];
    ctx.allowPageErrors = false;
    const contexts = ctx.contexts.splice(0);
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    if (!allowed && errors.length > 0) {
      assert.fail(`uncaught page error(s):\n${errors.map((e) => e.stack ?? String(e)).join('\n')}`);
    }
    // The loader logs `<chapter-player>: …` when a player fails to mount.
    const mountErrors = consoleErrors.filter((text) => text.startsWith('<chapter-player>'));
    if (!allowed && mountErrors.length > 0) assert.fail(`a player failed to mount:\n${mountErrors.join('\n')}`);
  });

  return ctx;
}

/**
 * Serves `https://example.com/chapter-player/*` (where the plain page loads the widget from) with
 * the files of DIST_URL, so the plain page is a cross-origin embed of the real build.
 */
export async function routeWidget(page) {
  await page.route(`${WIDGET_ORIGIN}**`, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.slice('/chapter-player/'.length);
    const response = await route.fetch({ url: `${DIST_URL}/${path}${url.search}` });
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'access-control-allow-origin': '*' },
    });
  });
}

/** Opens the demo page and waits for all five players. */
export async function openDemo(page) {
  await page.goto(`${DIST_URL}/`);
  for (const { id } of EPISODES) await waitForPlayer(page, `#${id}`);
}

/** Waits until the element matching `selector` has rendered its player in its shadow root. */
export async function waitForPlayer(page, selector) {
  await page.waitForFunction(
    (sel) => !!document.querySelector(sel)?.shadowRoot?.querySelector('.player'),
    selector,
  );
}

/** Waits until the player's audio knows its duration (`loadedmetadata`), so seeks stick. */
export async function waitForMetadata(page, selector) {
  await waitForPlayer(page, selector);
  await page.waitForFunction((sel) => {
    const audio = document.querySelector(sel)?.shadowRoot?.querySelector('audio');
    return !!audio && audio.readyState >= 1 && Number.isFinite(audio.duration);
  }, selector);
}

/** The real `<audio>`'s `currentTime` inside the player's shadow root. */
export function audioTime(page, selector) {
  return page.evaluate(
    (sel) => document.querySelector(sel).shadowRoot.querySelector('audio').currentTime,
    selector,
  );
}

/** Properties of the real `<audio>` inside the player's shadow root. */
export function audioState(page, selector) {
  return page.evaluate((sel) => {
    const a = document.querySelector(sel).shadowRoot.querySelector('audio');
    return {
      currentTime: a.currentTime,
      duration: a.duration,
      paused: a.paused,
      volume: a.volume,
      muted: a.muted,
      playbackRate: a.playbackRate,
      readyState: a.readyState,
      src: a.currentSrc || a.src,
    };
  }, selector);
}

/** Waits until the player's `<audio>` is at `seconds` (± TOLERANCE). */
export async function waitForAudioTime(page, selector, seconds, tolerance = TOLERANCE) {
  try {
    await page.waitForFunction(
      ([sel, t, tol]) => {
        const a = document.querySelector(sel)?.shadowRoot?.querySelector('audio');
        return !!a && Math.abs(a.currentTime - t) <= tol;
      },
      [selector, seconds, tolerance],
      { timeout: 5_000 },
    );
  } catch {
    const now = await audioTime(page, selector);
    assert.fail(`${selector}: audio.currentTime is ${now}, expected ${seconds} ± ${tolerance}`);
  }
}

/** Asserts two times agree within TOLERANCE. */
export function assertTime(actual, expected, what = 'time', tolerance = TOLERANCE) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} s of ${expected}`,
  );
}

/** A locator inside a player's shadow root (Playwright's CSS pierces open shadow roots). */
export function part(page, hostSelector, name) {
  return page.locator(`${hostSelector} [part~="${name}"]`);
}

/** Focuses the player's seek bar, where the keyboard shortcuts are tried. */
export async function focusSeekBar(page, hostSelector) {
  await part(page, hostSelector, 'seek-bar').focus();
  await page.waitForFunction(
    (sel) => {
      const host = document.querySelector(sel);
      return host.shadowRoot.activeElement?.getAttribute('part') === 'seek-bar';
    },
    hostSelector,
  );
}

/** Starts recording `chapterchange` events of a player into `window.__chapterEvents[selector]`. */
export async function recordChapterChanges(page, selector) {
  await page.evaluate((sel) => {
    window.__chapterEvents ??= {};
    const list = (window.__chapterEvents[sel] = []);
    document.querySelector(sel).addEventListener('chapterchange', (e) => {
      list.push({ ...e.detail, isCustom: e instanceof CustomEvent });
    });
  }, selector);
}

/** The `chapterchange` events recorded so far, and clears them. */
export function takeChapterChanges(page, selector) {
  return page.evaluate((sel) => window.__chapterEvents[sel].splice(0), selector);
}

/** The chapter buttons' `data-start`, title text and `aria-current`, in order. */
export function chapterButtons(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return [...root.querySelectorAll('[part~="chapter"]')].map((b) => ({
      start: Number(b.dataset.start),
      title: b.querySelector('.chapter-title')?.textContent ?? '',
      current: b.getAttribute('aria-current'),
    }));
  }, selector);
}

/** The path of `name`.png in ARTIFACTS (created if need be). */
export function artifact(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

/** Saves a screenshot of the page (or of `options.locator`) into ARTIFACTS; returns its path. */
export async function screenshot(page, name, { locator, ...options } = {}) {
  const path = artifact(name);
  await (locator ?? page).screenshot({ path, ...options });
  return path;
}

/** npm packages a test page imports without a bundler: `/vendor/<file>` → the file in node_modules. */
const VENDOR = {
  'preact.mjs': 'node_modules/preact/dist/preact.mjs',
  'hooks.mjs': 'node_modules/preact/hooks/dist/hooks.mjs',
  'htm.mjs': 'node_modules/htm/dist/htm.mjs',
  'axe.min.js': 'node_modules/axe-core/axe.min.js',
};

/**
 * Serves `tests/browser/pages/<name>` at `${DIST_URL}/<name>` (beside the real build, so the
 * page loads the widget and media same-origin) with extra response `headers`, and the files in
 * VENDOR at `/vendor/`.
 */
export async function servePage(page, name, headers = {}) {
  await page.route(`${DIST_URL}/${name}`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
      body: readFileSync(join(REPO, 'tests/browser/pages', name)),
    }),
  );
  await page.route(`${DIST_URL}/vendor/*`, (route) => {
    const file = VENDOR[new URL(route.request().url()).pathname.slice('/vendor/'.length)];
    if (!file) return route.fulfill({ status: 404, body: 'not a vendored file' });
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
      body: readFileSync(join(REPO, file)),
    });
  });
  return `${DIST_URL}/${name}`;
}

/** The seek bar's chapter ticks, as seconds, in order (read from the two tick paths). */
export function tickSeconds(page, selector) {
  return page.evaluate((sel) => {
    const paths = document.querySelector(sel).shadowRoot.querySelectorAll('[part~="chapter-marker"]');
    const starts = [...paths].flatMap((p) => [...(p.getAttribute('d') ?? '').matchAll(/M([\d.]+)/g)].map((m) => Number(m[1])));
    return starts.sort((a, b) => a - b);
  }, selector);
}

/**
 * The seek bar of the player at `selector`, scrolled into view: its box, the episode's duration,
 * `at(f)` — the point at fraction `f` of it, nudged clear of the snapping distance around chapter
 * ticks — and `timeAt(x)`, the time under a pointer at `x`.
 */
export async function seekBarGeometry(page, selector) {
  const bar = part(page, selector, 'seek-bar');
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  const { duration } = await audioState(page, selector);
  const ticks = (await tickSeconds(page, selector)).map((t) => box.x + (box.width * t) / duration);
  const clear = (x) => ticks.every((t) => Math.abs(x - t) > 6);
  const at = (f) => {
    let x = box.x + box.width * f;
    for (let d = 0; !clear(x); d++) x = box.x + box.width * f + (d % 2 ? -1 : 1) * Math.ceil(d / 2);
    return { x, y: box.y + box.height / 2 };
  };
  const timeAt = (x) => ((x - box.x) / box.width) * duration;
  return { bar, box, duration, at, timeAt };
}

/**
 * axe-core's violations on the page (axe from npm, injected): WCAG 2.0–2.2 A and AA, best
 * practices, and label-in-name; each as `rule: the first targets`.
 */
export async function axeViolations(page) {
  await page.addScriptTag({ content: readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join(', ')}`);
}
