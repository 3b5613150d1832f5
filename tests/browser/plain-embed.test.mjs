// The plain page (www/embed-example.html, on its own origin) embeds the widget from
// https://example.com/chapter-player/, which routeWidget answers with the real build: a
// cross-origin embed with one script tag, under a careless host stylesheet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  routeWidget,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  part,
  chapterButtons,
  screenshot,
  seedExpected,
  PLAIN_URL,
  WIDGET_ORIGIN,
} from './harness.mjs';

const ctx = useBrowser();
const SEL = 'chapter-player';
const EP18 = seedExpected()[2];

async function openPlain(width = 1024) {
  const page = await ctx.page({ viewport: { width, height: 900 } });
  const widgetRequests = [];
  page.on('request', (r) => {
    if (r.url().startsWith(WIDGET_ORIGIN)) widgetRequests.push(r.url());
  });
  await routeWidget(page);
  await page.goto(`${PLAIN_URL}/embed-example.html`);
  await waitForPlayer(page, SEL);
  return { page, widgetRequests };
}

test('the plain page upgrades its <chapter-player> from another origin', async () => {
  const { page, widgetRequests } = await openPlain();
  assert.equal(new URL(page.url()).origin, PLAIN_URL);
  assert.ok(widgetRequests.includes(`${WIDGET_ORIGIN}chapter-player.js`), 'the loader came from example.com');
  assert.ok(
    widgetRequests.includes(`${WIDGET_ORIGIN}chapter-player-widget_bg.wasm`),
    'the wasm was found next to the loader, on example.com',
  );
  const upgraded = await page.evaluate((s) => {
    const el = document.querySelector(s);
    return { defined: !!customElements.get('chapter-player'), shadow: !!el.shadowRoot, mode: el.shadowRoot?.mode };
  }, SEL);
  assert.deepEqual(upgraded, { defined: true, shadow: true, mode: 'open' });

  const chapters = await chapterButtons(page, SEL);
  assert.equal(chapters.length, 31);
  assert.deepEqual(chapters.map((c) => c.title), EP18.map((c) => c.title));
  // The audio comes from the plain page's origin, relative to the page.
  assert.equal(
    await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('audio').src, SEL),
    `${PLAIN_URL}/media/episode-18.mp3`,
  );
});

test("the host page's CSS does not reach inside the player", async () => {
  const { page } = await openPlain();
  // The host's rules do apply to its own elements...
  const hostRules = await page.evaluate(() => {
    const b = document.body.appendChild(document.createElement('button'));
    const li = document.body.appendChild(document.createElement('li'));
    const out = { button: getComputedStyle(b).display, li: getComputedStyle(li).color };
    b.remove();
    li.remove();
    return out;
  });
  assert.deepEqual(hostRules, { button: 'none', li: 'rgb(255, 0, 0)' });

  // ...but not to the player's.
  const play = part(page, SEL, 'play');
  assert.equal(await play.isVisible(), true, 'play button visible');
  const box = await play.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `play button has a size: ${JSON.stringify(box)}`);
  assert.notEqual(await play.evaluate((b) => getComputedStyle(b).display), 'none');
  for (const name of ['next-chapter', 'previous-chapter', 'skip-back', 'skip-forward', 'mute']) {
    assert.equal(await part(page, SEL, name).isVisible(), true, `${name} visible`);
  }
  const chapter = part(page, SEL, 'chapter').nth(3);
  assert.equal(await chapter.isVisible(), true, 'chapter buttons visible');
  const colors = await chapter.evaluate((b) => ({
    li: getComputedStyle(b.closest('li')).color,
    title: getComputedStyle(b.querySelector('.chapter-title') ?? b).color,
    button: getComputedStyle(b).color,
  }));
  for (const [what, color] of Object.entries(colors)) {
    assert.notEqual(color, 'rgb(255, 0, 0)', `chapter ${what} color is not the host's red`);
  }
});

test('clicking a chapter on the plain page seeks the audio', async () => {
  const { page } = await openPlain();
  await waitForMetadata(page, SEL);
  const chapter = part(page, SEL, 'chapter').nth(5);
  const start = Number(await chapter.getAttribute('data-start'));
  assert.equal(start, EP18[5].start);
  await chapter.click();
  await waitForAudioTime(page, SEL, start);
  assert.equal(await chapter.getAttribute('aria-current'), 'true');
  assert.equal((await part(page, SEL, 'current-chapter').textContent()).trim(), EP18[5].title);
});

test('screenshots of the plain page at 1024 and 360 px', async () => {
  for (const width of [1024, 360]) {
    const { page } = await openPlain(width);
    await waitForMetadata(page, SEL);
    const path = await screenshot(page, `plain-embed-${width}`, { fullPage: true });
    assert.ok(path.endsWith(`plain-embed-${width}.png`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
  }
});
