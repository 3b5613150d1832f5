// Links and memory: a deep link brings its player into view, same-page #t= links seek, a link
// shared from a player without an id opens that player, the page does not jump when the wasm
// arrives late, speed and volume come back, the current chapter's row is in the list's view, and
// browsing the list is not interrupted while the listener scrolls it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  audioState,
  part,
  focusSeekBar,
  routeWidget,
  servePage,
  seedExpected,
  screenshot,
  DIST_URL,
  PLAIN_URL,
  WIDGET_ORIGIN,
} from './harness.mjs';

const ctx = useBrowser();
const EP18 = seedExpected()[2];

/** Whether the element's top is on screen. */
function inView(page, sel) {
  return page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  }, sel);
}

test('a deep link positions its player and scrolls it into view, with the notice on screen', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/#t=53:05&player=ep18`);
  await waitForMetadata(page, '#ep18');
  await waitForAudioTime(page, '#ep18', 3185);
  await page.waitForFunction(() => {
    const r = document.querySelector('#ep18').getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  });
  const notice = part(page, '#ep18', 'notice');
  assert.equal((await notice.textContent()).trim(), 'Starting at 53:05');
  assert.equal(await notice.isVisible(), true);
  assert.equal(await inView(page, '#ep20'), false, 'the page moved to the player meant');
});

test('same-page links to a moment (a podcaster\'s "jump to 12:34") seek and bring the player into view', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep17');
  await page.evaluate(() => {
    const nav = document.createElement('p');
    nav.innerHTML = '<a id="jump" href="#t=12:34">Jump to 12:34</a> <a id="jump17" href="#t=1:00&player=ep17">Episode 17 at 1:00</a>';
    document.body.prepend(nav);
  });
  await page.click('#jump17');
  await waitForAudioTime(page, '#ep17', 60);
  await page.waitForFunction(() => document.querySelector('#ep17').getBoundingClientRect().top < innerHeight);
  await page.evaluate(() => scrollTo(0, 0));
  await page.click('#jump');
  await waitForAudioTime(page, '#ep20', 754);
  assert.equal((await part(page, '#ep20', 'notice').textContent()).trim(), 'Starting at 12:34');
});

test('a link shared from the second of two players without ids opens that player', async () => {
  const page = await ctx.page();
  await page.addInitScript(() => {
    window.__copied = [];
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: async (text) => { window.__copied.push(text); } }),
    });
  });
  const url = await servePage(page, 'two-players.html');
  await page.goto(url);
  const second = 'chapter-player:nth-of-type(2)';
  await waitForMetadata(page, second);
  await part(page, second, 'chapter').nth(1).click();
  await waitForAudioTime(page, second, 120);
  await part(page, second, 'share').click();
  await page.waitForFunction(() => window.__copied.length === 1);
  const link = await page.evaluate(() => window.__copied[0]);
  assert.equal(link, `${url}#t=2:00&player=2`);

  const again = await ctx.page();
  await servePage(again, 'two-players.html');
  await again.goto(link);
  await waitForMetadata(again, second);
  await waitForAudioTime(again, second, 120);
  assert.equal((await audioState(again, 'chapter-player:nth-of-type(1)')).currentTime, 0, 'not the first player');
});

test('the wasm arriving 1.5 s late: the notes read with their line breaks, and the page does not jump (CLS ≤ 0.1)', async () => {
  const page = await ctx.page();
  await routeWidget(page);
  // Delay the module the loader fetches, as a slow connection would.
  await page.route(`${WIDGET_ORIGIN}chapter-player-widget_bg.wasm`, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    const response = await route.fetch({ url: `${DIST_URL}/chapter-player-widget_bg.wasm` });
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${PLAIN_URL}/embed-example.html`);
  const waiting = page.locator('chapter-player [part~="waiting"]');
  await waiting.waitFor();
  // While waiting: the notes, one line per timestamp, in a box about the player's size.
  const lines = await page.evaluate(() => document.querySelector('chapter-player').innerText.split('\n').filter((l) => /^\(\d\d:\d\d:\d\d\)/.test(l.trim())).length);
  assert.ok(lines >= 30, `the notes keep their lines while waiting (${lines})`);
  await screenshot(page, 'links-waiting-for-wasm');
  await waitForPlayer(page, 'chapter-player');
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => window.__shifts);
  assert.ok(cls <= 0.1, `cumulative layout shift ${cls.toFixed(3)}`);
});

test('while the wasm is on its way, notes pasted in a <div> keep one line per time, and <br> notes are not doubled', async () => {
  const page = await ctx.page();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`${DIST_URL}/chapter-player-widget_bg.wasm`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(await servePage(page, 'waiting.html'));
  await page.locator('#br [part~="waiting"]').waitFor();
  const lines = (sel) => page.evaluate((s) => document.querySelector(s).innerText.split('\n').map((l) => l.trim()), sel);
  const div = await lines('#div');
  assert.deepEqual(div.filter((l) => /^\d\d:\d\d /.test(l)), ['00:00 Intro', '04:17 Sports news', '06:53 Reference counting', '08:28 New segment']);
  const br = await lines('#br');
  assert.deepEqual(br.filter(Boolean), ['Timestamps:', '00:00 Start', '02:00 Middle', '05:00 End']);
  assert.equal(br.filter((l) => !l).length, 0, `no blank lines between <br> lines: ${JSON.stringify(br)}`);
  await screenshot(page, 'links-waiting-div-and-br-notes');
  release();
  await waitForPlayer(page, '#div');
  await waitForPlayer(page, '#br');
});

test('speed and volume come back on reload, for every episode of the show', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await part(page, '#ep18', 'speed').locator('select').selectOption('1.5');
  await focusSeekBar(page, '#ep18');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#ep18').shadowRoot.querySelector('audio').volume < 0.85);
  await page.reload();
  for (const sel of ['#ep18', '#ep17']) {
    await waitForMetadata(page, sel);
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('audio').playbackRate === 1.5, sel);
    const { volume } = await audioState(page, sel);
    assert.ok(Math.abs(volume - 0.8) < 0.001, `${sel}: volume ${volume}`);
    assert.equal(await part(page, sel, 'speed').locator('select').inputValue(), '1.5');
  }
});

/** Whether chapter row `index` of player `sel` is inside its list's visible box. */
function rowInListView(page, sel, index) {
  return page.evaluate(([s, i]) => {
    const ol = document.querySelector(s).shadowRoot.querySelector('[part~="chapter-list"] ol');
    const row = ol.querySelector(`[data-index="${i}"]`).getBoundingClientRect();
    const box = ol.getBoundingClientRect();
    return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
  }, [sel, index]);
}

test('on a phone, a deep link to chapter 25 shows its row inside the list', async () => {
  const page = await ctx.page({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await page.goto(`${DIST_URL}/#t=${EP18[25].start + 2}&player=ep18`);
  await waitForMetadata(page, '#ep18');
  await page.waitForFunction(() => document.querySelector('#ep18').currentChapter === 25);
  await page.waitForFunction(
    ([i]) => {
      const ol = document.querySelector('#ep18').shadowRoot.querySelector('[part~="chapter-list"] ol');
      const row = ol.querySelector(`[data-index="${i}"]`).getBoundingClientRect();
      const box = ol.getBoundingClientRect();
      return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
    },
    [25],
    { timeout: 5_000 },
  );
  assert.ok(await rowInListView(page, '#ep18', 25));
  await screenshot(page, 'links-phone-deep-link-chapter-25', { locator: part(page, '#ep18', 'player') });
});

test('a listener browsing the chapter list is not scrolled back when the chapter changes', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  const list = page.locator('#ep18 [part~="chapter-list"] ol');
  await list.scrollIntoViewIfNeeded();
  await list.hover();
  await page.mouse.wheel(0, 900);
  await page.waitForFunction(() => document.querySelector('#ep18').shadowRoot.querySelector('[part~="chapter-list"] ol').scrollTop > 500);
  const browsed = await list.evaluate((ol) => ol.scrollTop);
  await page.evaluate(() => document.querySelector('#ep18').nextChapter());
  await waitForAudioTime(page, '#ep18', EP18[1].start);
  await page.waitForTimeout(300);
  assert.equal(await list.evaluate((ol) => ol.scrollTop), browsed, 'the list stays where the listener put it');
  // Once the listener has stopped scrolling, going to another chapter brings its row back.
  await page.waitForTimeout(1_500);
  await page.evaluate(() => document.querySelector('#ep18').nextChapter());
  await waitForAudioTime(page, '#ep18', EP18[2].start);
  await page.waitForFunction(
    () => {
      const ol = document.querySelector('#ep18').shadowRoot.querySelector('[part~="chapter-list"] ol');
      const row = ol.querySelector('[data-index="2"]').getBoundingClientRect();
      const box = ol.getBoundingClientRect();
      return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
    },
    null,
    { timeout: 5_000 },
  );
});

test('Page Up and Page Down on the seek bar move a minute, as the slider pattern asks', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await focusSeekBar(page, '#ep18');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await waitForAudioTime(page, '#ep18', 120);
  await page.keyboard.press('PageDown');
  await waitForAudioTime(page, '#ep18', 60);
  assert.match(await part(page, '#ep18', 'seek-bar').getAttribute('aria-keyshortcuts'), /PageUp PageDown/);
});
