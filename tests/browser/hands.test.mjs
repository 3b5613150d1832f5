// The player in the hand: mouse and touch drags on the seek bar, taps, swipes that scroll the
// page, a 360 px phone, a 300 px sidebar, a 320 px viewport, and forced-colors mode.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForPlayer,
  waitForMetadata,
  audioState,
  audioTime,
  part,
  seekBarGeometry,
  screenshot,
  seedExpected,
} from './harness.mjs';

const ctx = useBrowser();
const EP = '#ep18';
const EP18 = seedExpected()[2];
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** The seek bar's geometry, and the point of chapter `index`'s tick on it. */
async function bar(page, sel = EP) {
  const geometry = await seekBarGeometry(page, sel);
  const { box, duration } = geometry;
  const tick = (index) => ({ x: box.x + (box.width * EP18[index].start) / duration, y: box.y + box.height / 2 });
  return { ...geometry, tick };
}

async function settledNear(page, sel, seconds, duration) {
  await page.waitForFunction(
    ([s, t, tol]) => Math.abs(document.querySelector(s).shadowRoot.querySelector('audio').currentTime - t) <= tol,
    [sel, seconds, duration * 0.01],
  ).catch(() => {});
  return audioTime(page, sel);
}

async function touch(cdp, type, points) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(({ x, y }) => ({ x, y })) });
}

test('a mouse drag from a chapter tick or from the track lands within 1 % of where it is released', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, EP);
  const { duration, at, timeAt, tick } = await bar(page);
  for (const [from, f] of [[tick(8), 0.62], [at(0.7), 0.18]]) {
    const to = at(f);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    // While dragging, the bar and the time preview the drop; nothing has seeked yet.
    assert.equal(await part(page, EP, 'seek-bar').getAttribute('class').then((c) => c.includes('dragging')), true);
    await page.mouse.up();
    const landed = await settledNear(page, EP, timeAt(to.x), duration);
    assert.ok(Math.abs(landed - timeAt(to.x)) <= duration * 0.01, `landed at ${landed}, released at ${timeAt(to.x)}`);
  }
});

test('the seek tooltip, hovering or dragging, leaves the header\'s chapter line readable', async () => {
  for (const width of [1000, 360]) {
    const page = await ctx.page({ viewport: { width, height: 740 } });
    await openDemo(page);
    await waitForMetadata(page, EP);
    const { at, box } = await bar(page);
    // A playhead inside a chapter, so the header names it.
    await page.evaluate((s) => { document.querySelector(s).currentTime = 300; }, EP);
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.now').textContent.trim() !== '', EP);
    const overlap = () => page.evaluate((s) => {
      const root = document.querySelector(s).shadowRoot;
      const tip = root.querySelector('.tooltip')?.getBoundingClientRect();
      const now = root.querySelector('.now').getBoundingClientRect();
      if (!tip) return 'no tooltip';
      const x = Math.min(tip.right, now.right) - Math.max(tip.left, now.left);
      const y = Math.min(tip.bottom, now.bottom) - Math.max(tip.top, now.top);
      return x > 0 && y > 0 ? `overlaps by ${y.toFixed(1)} px` : 'clear';
    }, EP);
    const p = at(0.3);
    await page.mouse.move(p.x, p.y);
    assert.equal(await overlap(), 'clear', `hover at ${width} px`);
    await page.mouse.down();
    await page.mouse.move(at(0.2).x, p.y, { steps: 5 });
    assert.equal(await overlap(), 'clear', `drag at ${width} px`);
    await screenshot(page, `tooltip-under-header-${width}`);
    await page.mouse.up();
    // Near either end the tooltip stays over the bar, not cut off by the player's edge.
    for (const f of [0.01, 0.99]) {
      await page.mouse.move(box.x + box.width * f, p.y, { steps: 3 });
      await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.tooltip'), EP);
      const inside = await page.evaluate((s) => {
        const root = document.querySelector(s).shadowRoot;
        const tip = root.querySelector('.tooltip').getBoundingClientRect();
        const track = root.querySelector('.track').getBoundingClientRect();
        return tip.left >= track.left - 0.5 && tip.right <= track.right + 0.5;
      }, EP);
      assert.ok(inside, `tooltip inside the bar at ${f} of ${width} px`);
    }
  }
});

test('on a 360 px phone: a touch drag, from a tick or the track, and a tap land where the finger left', async () => {
  const page = await ctx.page(PHONE);
  await openDemo(page);
  await waitForMetadata(page, EP);
  const cdp = await page.context().newCDPSession(page);
  const { duration, at, timeAt, tick } = await bar(page);
  for (const [from, f] of [[tick(12), 0.35], [at(0.2), 0.8]]) {
    const to = at(f);
    const scrolled = await page.evaluate(() => scrollY);
    await touch(cdp, 'touchStart', [from]);
    for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', [{ x: from.x + ((to.x - from.x) * i) / 10, y: from.y + i }]);
    await touch(cdp, 'touchEnd', []);
    const landed = await settledNear(page, EP, timeAt(to.x), duration);
    assert.ok(Math.abs(landed - timeAt(to.x)) <= duration * 0.01, `touch drag landed at ${landed}, released at ${timeAt(to.x)}`);
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'a drag along the bar does not scroll the page');
  }
  const tap = at(0.5);
  await touch(cdp, 'touchStart', [tap]);
  await touch(cdp, 'touchEnd', []);
  const landed = await settledNear(page, EP, timeAt(tap.x), duration);
  assert.ok(Math.abs(landed - timeAt(tap.x)) <= duration * 0.01, `tap landed at ${landed}, under the finger ${timeAt(tap.x)}`);
  await screenshot(page, 'hands-phone-360', { locator: part(page, EP, 'player') });

  // Every control a finger uses is at least 44 × 44 px (timestamps inside the notes' sentences
  // are inline targets, which WCAG 2.5.8 exempts).
  const small = await page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    return [...root.querySelectorAll('button:not(.timestamp), select, [role=slider], summary, a')]
      .filter((e) => e.checkVisibility())
      .map((e) => ({ what: e.getAttribute('part') ?? e.getAttribute('aria-label') ?? e.tagName, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ what, r }) => `${what} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }, EP);
  assert.deepEqual([...new Set(small)], [], 'touch targets under 44 px');
});

test('on a phone, a vertical swipe that starts on the seek bar scrolls the page and does not seek', async () => {
  const page = await ctx.page(PHONE);
  await openDemo(page);
  await waitForMetadata(page, EP);
  const cdp = await page.context().newCDPSession(page);
  const { box } = await bar(page);
  // The bar near the bottom of the screen, with page left below it to scroll to.
  await page.evaluate(([y]) => window.scrollBy(0, y - innerHeight * 0.7), [box.y]);
  const { box: moved } = await bar(page);
  const before = { time: await audioTime(page, EP), scroll: await page.evaluate(() => scrollY) };
  for (const f of [0.2, 0.5, 0.85]) {
    const [x, y] = [moved.x + moved.width * f, moved.y + moved.height / 2];
    await touch(cdp, 'touchStart', [{ x, y }]);
    for (let i = 1; i <= 12; i++) {
      await touch(cdp, 'touchMove', [{ x: x + i * 0.5, y: y - i * 20 }]);
      await page.waitForTimeout(16);
    }
    await touch(cdp, 'touchEnd', []);
    await page.waitForTimeout(150);
    const scroll = await page.evaluate(() => scrollY);
    await page.evaluate(([y]) => window.scrollTo(0, y), [before.scroll]);
    assert.ok(scroll >= before.scroll + 100, `a swipe up from the bar at ${f} scrolled ${scroll - before.scroll} px`);
  }
  assert.equal(await audioTime(page, EP), before.time, 'no swipe seeks');
});

test('20 touch drags and 20 mouse drags at 360 px, from ticks and the track, each land within 1 % of the release', async () => {
  const touchPage = await ctx.page(PHONE);
  const mousePage = await ctx.page({ viewport: { width: 360, height: 740 } });
  for (const page of [touchPage, mousePage]) {
    await openDemo(page);
    await waitForMetadata(page, EP);
  }
  const cdp = await touchPage.context().newCDPSession(touchPage);
  const missed = [];
  for (const [page, kind] of [[touchPage, 'touch'], [mousePage, 'mouse']]) {
    const { duration, at, timeAt, tick } = await bar(page);
    for (let i = 0; i < 20; i++) {
      // Every other drag starts on a chapter's tick; releases spread over the bar, between ticks too.
      const from = i % 2 ? tick((i * 3) % EP18.length) : at(((i * 37) % 100) / 100);
      const to = { x: at(0.03 + ((i * 29) % 94) / 100).x + (i % 3) - 1, y: from.y };
      if (kind === 'touch') {
        await touch(cdp, 'touchStart', [from]);
        for (let s = 1; s <= 8; s++) await touch(cdp, 'touchMove', [{ x: from.x + ((to.x - from.x) * s) / 8, y: from.y }]);
        await touch(cdp, 'touchEnd', []);
      } else {
        await page.mouse.move(from.x, from.y);
        await page.mouse.down();
        await page.mouse.move(to.x, to.y, { steps: 8 });
        await page.mouse.up();
      }
      const landed = await settledNear(page, EP, timeAt(to.x), duration);
      if (Math.abs(landed - timeAt(to.x)) > duration * 0.01) missed.push(`${kind} ${i}: ${landed.toFixed(1)} s for ${timeAt(to.x).toFixed(1)} s`);
    }
  }
  assert.deepEqual(missed, []);
});

test('ten mouse drags in a row from the bar\'s left end all seek', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, EP);
  const { duration, box, timeAt } = await bar(page);
  const y = box.y + box.height / 2;
  const missed = [];
  for (let i = 0; i < 10; i++) {
    const to = box.x + box.width * (0.3 + (i % 5) * 0.1) + 0.5;
    await page.mouse.move(box.x + 3, y);
    await page.mouse.down();
    await page.mouse.move(to, y, { steps: 6 });
    await page.mouse.up();
    const landed = await settledNear(page, EP, timeAt(to), duration);
    if (Math.abs(landed - timeAt(to)) > duration * 0.01) missed.push(`${i}: ${landed} for ${timeAt(to)}`);
  }
  assert.deepEqual(missed, []);
  assert.equal(await page.evaluate(() => String(getSelection())), '', 'no text got selected');
});

test('on a phone, a swipe that starts on the chapter list scrolls the page, and the list leaves room', async () => {
  const page = await ctx.page(PHONE);
  await openDemo(page);
  await waitForPlayer(page, '#ep20');
  const list = page.locator('#ep20 [part~="chapter-list"] ol');
  await list.scrollIntoViewIfNeeded();
  const box = await list.boundingBox();
  assert.ok(box.height <= 740 * 0.5, `the list is ${box.height} px of a 740 px screen`);
  // At the list's end, a swipe goes on to the page, as in any scrolling box on a phone.
  await page.evaluate(() => {
    const ol = document.querySelector('#ep20').shadowRoot.querySelector('[part~="chapter-list"] ol');
    ol.scrollTop = ol.scrollHeight;
  });
  const cdp = await page.context().newCDPSession(page);
  const swipeUp = async () => {
    const b = await list.boundingBox();
    const [x, y] = [b.x + b.width / 2, b.y + b.height * 0.8];
    await touch(cdp, 'touchStart', [{ x, y }]);
    for (let i = 1; i <= 12; i++) {
      await touch(cdp, 'touchMove', [{ x, y: y - i * 18 }]);
      await page.waitForTimeout(16);
    }
    await touch(cdp, 'touchEnd', []);
  };
  const before = await page.evaluate(() => scrollY);
  await swipeUp();
  await page.waitForFunction((b) => scrollY > b + 100, before);
});

test('in a 300 px sidebar nothing sticks out and the seek bar spans the player; a 320 px page does not scroll sideways', async () => {
  const page = await ctx.page({ viewport: { width: 1024, height: 900 } });
  await openDemo(page);
  await page.evaluate(() => {
    const aside = document.createElement('aside');
    aside.id = 'sidebar';
    aside.style.cssText = 'width: 300px; margin: 20px; font: 14px serif;';
    const el = document.createElement('chapter-player');
    el.id = 'side';
    el.setAttribute('src', 'media/episode-18.mp3');
    el.setAttribute('episode-title', 'Episode 18: Reference Counting');
    el.setAttribute('show', 'core.py');
    el.setAttribute('artwork', 'artwork.svg');
    el.textContent = document.querySelector('#ep18').textContent;
    aside.append(el);
    document.body.prepend(aside);
  });
  await waitForMetadata(page, '#side');
  const layout = await page.evaluate(() => {
    const host = document.querySelector('#side');
    const player = host.shadowRoot.querySelector('.player').getBoundingClientRect();
    const outside = [...host.shadowRoot.querySelectorAll('.player *')]
      .filter((e) => !e.closest('.visually-hidden, .tooltip, li') && e.getClientRects().length)
      .filter((e) => { const r = e.getBoundingClientRect(); return r.left < player.left - 0.5 || r.right > player.right + 0.5; })
      .map((e) => e.getAttribute('part') ?? e.className);
    const track = host.shadowRoot.querySelector('[part~=seek-bar]').getBoundingClientRect();
    return { width: player.width, outside, track: track.width };
  });
  assert.equal(layout.width, 300);
  assert.deepEqual(layout.outside, [], 'everything inside the card');
  assert.ok(layout.track >= 300 - 2 * 12 - 2, `the bar spans the player: ${layout.track} px`);
  await screenshot(page, 'hands-sidebar-300', { locator: page.locator('#sidebar') });

  const narrow = await ctx.page({ viewport: { width: 320, height: 640 } });
  await openDemo(narrow);
  const widths = await narrow.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `page ${widths[0]} px wide in a ${widths[1]} px viewport`);
});

test('forced colors: the bar, its progress, playhead and ticks, the play button and the current chapter stay visible', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await ctx.page();
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    await openDemo(page);
    await waitForMetadata(page, EP);
    await part(page, EP, 'chapter').nth(5).click();
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('audio').currentTime > 0, EP);
    const seen = await page.evaluate((s) => {
      const root = document.querySelector(s).shadowRoot;
      const style = (sel) => getComputedStyle(root.querySelector(sel));
      return {
        rail: style('.rail').borderTopStyle,
        played: style('.played').backgroundColor,
        thumb: style('.thumb').backgroundColor,
        ticks: style('[part~=chapter-marker]').stroke,
        play: style('[part~=play]').borderTopStyle,
        current: style('[part~=chapter-current]').outlineStyle,
      };
    }, EP);
    const shows = (c) => c && c !== 'none' && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent';
    assert.equal(seen.rail, 'solid', `${scheme}: the rail is outlined`);
    assert.ok(shows(seen.played) && shows(seen.thumb) && shows(seen.ticks), `${scheme}: ${JSON.stringify(seen)}`);
    assert.equal(seen.play, 'solid', `${scheme}: the play button keeps its circle`);
    assert.equal(seen.current, 'solid', `${scheme}: the current chapter is outlined, not only bold`);
    await screenshot(page, `hands-forced-colors-${scheme}`, { locator: part(page, EP, 'player') });
  }
});
