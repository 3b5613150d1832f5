// Light and dark themes (the system setting and the `theme` attribute) at desktop and phone
// widths: screenshots into ARTIFACTS, colours that match the theme, and no horizontal overflow.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForMetadata,
  routeWidget,
  waitForPlayer,
  screenshot,
  part,
  PLAIN_URL,
} from './harness.mjs';

const ctx = useBrowser();
const EP = '#ep18';

/** Relative luminance (0 black – 1 white) of a CSS `rgb()`/`rgba()` colour. */
function luminance(css) {
  const m = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
  assert.ok(m, `a colour: ${css}`);
  const [r, g, b] = m.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The player's background and text colours, as rendered. */
function colors(page, sel) {
  return page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const player = root.querySelector('[part~="player"]');
    const title = root.querySelector('[part~="chapter"] .chapter-title') ?? player;
    return {
      background: getComputedStyle(player).backgroundColor,
      text: getComputedStyle(player).color,
      chapter: getComputedStyle(title).color,
    };
  }, sel);
}

/** Horizontal overflow of every player and of the page, in px (0 when none). */
function overflow(page) {
  return page.evaluate(() => {
    const out = {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      body: document.body.scrollWidth - document.body.clientWidth,
    };
    for (const el of document.querySelectorAll('chapter-player')) {
      const player = el.shadowRoot?.querySelector('[part~="player"]');
      if (!player) continue;
      const key = el.id || 'chapter-player';
      out[key] = Math.max(player.scrollWidth - player.clientWidth, el.scrollWidth - el.clientWidth);
      // Nothing inside sticks out past the player's right edge either.
      const right = player.getBoundingClientRect().right;
      let widest = 0;
      for (const child of player.querySelectorAll('*')) {
        const r = child.getBoundingClientRect();
        if (r.width > 0 && getComputedStyle(child).visibility !== 'hidden') widest = Math.max(widest, r.right - right);
      }
      out[`${key} content`] = Math.max(0, Math.round(widest));
    }
    return out;
  });
}

function assertNoOverflow(o, where) {
  for (const [what, px] of Object.entries(o)) assert.ok(px <= 0, `${where}: ${what} overflows by ${px} px`);
}

for (const width of [1024, 360]) {
  for (const scheme of ['light', 'dark']) {
    test(`${scheme} system theme at ${width} px`, async () => {
      const page = await ctx.page({ viewport: { width, height: 900 } });
      await page.emulateMedia({ colorScheme: scheme });
      await openDemo(page);
      await waitForMetadata(page, EP);
      await part(page, EP, 'chapter').nth(2).click();
      const c = await colors(page, EP);
      if (scheme === 'dark') assert.ok(luminance(c.background) < 0.1, `dark background: ${c.background}`);
      else assert.ok(luminance(c.background) > 0.8, `light background: ${c.background}`);
      assert.ok(contrast(c.background, c.text) >= 7, `text contrast ${contrast(c.background, c.text).toFixed(1)}`);
      assert.ok(contrast(c.background, c.chapter) >= 4.5, `chapter title contrast ${contrast(c.background, c.chapter).toFixed(1)}`);
      await page.locator(EP).scrollIntoViewIfNeeded();
      await screenshot(page, `themes-${scheme}-${width}`);
      await screenshot(page, `themes-${scheme}-${width}-ep18`, { locator: page.locator(EP) });
      assertNoOverflow(await overflow(page), `${scheme} ${width}px`);

      // The theme attribute turns this one player the other way.
      const opposite = scheme === 'light' ? 'dark' : 'light';
      await page.evaluate(([s, t]) => document.querySelector(s).setAttribute('theme', t), [EP, opposite]);
      const flipped = await colors(page, EP);
      if (opposite === 'dark') assert.ok(luminance(flipped.background) < 0.1, `theme="dark": ${flipped.background}`);
      else assert.ok(luminance(flipped.background) > 0.8, `theme="light": ${flipped.background}`);
      assert.ok(contrast(flipped.background, flipped.text) >= 7);
      await screenshot(page, `themes-attribute-${opposite}-on-${scheme}-${width}-ep18`, { locator: page.locator(EP) });
      assertNoOverflow(await overflow(page), `theme="${opposite}" on ${scheme} ${width}px`);
    });
  }
}

test('the theme attribute overrides the system setting, both ways', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await ctx.page({ viewport: { width: 1024, height: 900 } });
    await page.emulateMedia({ colorScheme: scheme });
    await openDemo(page);
    const system = await colors(page, EP);
    await page.evaluate((s) => document.querySelector(s).setAttribute('theme', 'dark'), EP);
    const dark = await colors(page, EP);
    assert.ok(luminance(dark.background) < 0.1, `theme="dark" under ${scheme}: ${dark.background}`);
    await page.evaluate((s) => document.querySelector(s).setAttribute('theme', 'light'), EP);
    const light = await colors(page, EP);
    assert.ok(luminance(light.background) > 0.8, `theme="light" under ${scheme}: ${light.background}`);
    await page.evaluate((s) => document.querySelector(s).setAttribute('theme', 'auto'), EP);
    assert.deepEqual(await colors(page, EP), system, `theme="auto" follows the ${scheme} system setting`);
    // Only the themed player changed.
    const opposite = scheme === 'light' ? 'dark' : 'light';
    await page.evaluate(([s, t]) => document.querySelector(s).setAttribute('theme', t), [EP, opposite]);
    assert.deepEqual(await colors(page, '#ep17'), system);
    await page.locator(EP).scrollIntoViewIfNeeded();
    await screenshot(page, `themes-attribute-${opposite}-on-${scheme}-1024`);
  }
});

test('mount({ theme }) themes the player', async () => {
  const page = await ctx.page({ viewport: { width: 360, height: 900 }, colorScheme: 'light' });
  await openDemo(page);
  await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    const div = document.createElement('div');
    div.id = 'dark-mounted';
    document.querySelector('main').prepend(div);
    await mount(div, { src: 'media/episode-18.mp3', title: 'Dark by config', notes: '(00:00) One\n(01:00) Two', theme: 'dark' });
  });
  await waitForPlayer(page, '#dark-mounted');
  assert.equal(await page.locator('#dark-mounted').getAttribute('theme'), 'dark');
  const c = await colors(page, '#dark-mounted');
  assert.ok(luminance(c.background) < 0.1, `dark background: ${c.background}`);
  assertNoOverflow(await overflow(page), 'mounted at 360px');
  await screenshot(page, 'themes-mounted-dark-360', { locator: page.locator('#dark-mounted') });
});

test('the plain embed at 360 px in dark mode has no horizontal overflow', async () => {
  const page = await ctx.page({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
  await routeWidget(page);
  await page.goto(`${PLAIN_URL}/embed-example.html`);
  await waitForPlayer(page, 'chapter-player');
  // The shortcuts overlay fits too.
  await part(page, 'chapter-player', 'shortcuts-button').click();
  await part(page, 'chapter-player', 'shortcuts').waitFor({ state: 'visible' });
  assertNoOverflow(await overflow(page), 'plain page 360px dark with the overlay open');
  await screenshot(page, 'themes-plain-dark-360-shortcuts', { fullPage: true });
});
