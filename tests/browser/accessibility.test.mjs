// Accessibility, measured: axe-core (from npm) on the demo and plain pages in both themes with
// the overlay and the notes open; Tab stops per player; focus that never falls to <body>; the
// chapter list as one Tab stop moved with arrow keys.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  part,
  routeWidget,
  seedExpected,
  PLAIN_URL,
  axeViolations,
} from './harness.mjs';

const ctx = useBrowser();
const EP18 = seedExpected()[2];

async function allPlayersReady(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('chapter-player')].every((p) => p.shadowRoot?.querySelector('[part~=chapter]')));
}

test('axe-core: no violations on the demo page, light and dark, with the overlay and the notes open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await ctx.page({ colorScheme });
    await openDemo(page);
    await allPlayersReady(page);
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}: the demo page`);
    await part(page, '#ep18', 'notes-toggle').click();
    await part(page, '#ep18', 'shortcuts-button').click();
    await part(page, '#ep18', 'shortcuts').waitFor();
    await waitForMetadata(page, '#ep17');
    await part(page, '#ep17', 'chapter').nth(3).click();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}: overlay and notes open, a chapter playing`);
  }
});

test('axe-core: no violations on the plain embed page, at 1024 px and on a 360 px phone', async () => {
  for (const options of [{}, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, colorScheme: 'dark' }]) {
    const page = await ctx.page(options);
    await routeWidget(page);
    await page.goto(`${PLAIN_URL}/embed-example.html`);
    await allPlayersReady(page);
    assert.deepEqual(await axeViolations(page), []);
  }
});

/** Tabs forward from the element before `sel` until focus leaves it; the controls passed. */
async function tabStops(page, sel) {
  await page.evaluate((s) => {
    const before = document.createElement('button');
    before.id = 'before';
    before.textContent = 'before';
    document.querySelector(s).before(before);
    before.focus();
  }, sel);
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((s) => {
      const host = document.querySelector(s);
      if (document.activeElement !== host) return null;
      const el = host.shadowRoot.activeElement;
      return el?.getAttribute('part') ?? el?.getAttribute('aria-label') ?? el?.tagName;
    }, sel);
    if (where === null) break;
    stops.push(where);
  }
  return stops;
}

test('a player is at most 15 Tab stops, the chapter list one of them', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  const stops = await tabStops(page, '#ep18');
  assert.ok(stops.length <= 15, `${stops.length} stops: ${stops.join(', ')}`);
  assert.deepEqual(stops.filter((s) => /^chapter( |$)/.test(s)), ['chapter chapter-current'], stops.join(', '));
});

test('the chapter list: arrows move between chapters, Enter plays from one, → reaches its copy-link', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await part(page, '#ep18', 'chapter').first().focus();
  const focused = () => page.evaluate(() => {
    const el = document.querySelector('#ep18').shadowRoot.activeElement;
    return [el?.closest('li')?.dataset.index, el?.getAttribute('part')];
  });
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  assert.deepEqual(await focused(), ['4', 'chapter']);
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await focused(), ['3', 'chapter']);
  // The arrows moved focus, not the audio or the volume.
  assert.equal(await page.evaluate(() => document.querySelector('#ep18').currentTime), 0);
  // Enter on a chapter while paused plays from its start, as a podcast app does.
  assert.equal(await page.evaluate(() => document.querySelector('#ep18').shadowRoot.querySelector('audio').paused), true);
  await page.keyboard.press('Enter');
  await waitForAudioTime(page, '#ep18', EP18[3].start);
  await page.waitForFunction(() => {
    const audio = document.querySelector('#ep18').shadowRoot.querySelector('audio');
    return !audio.paused && audio.currentTime > 0;
  });
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await focused(), ['3', 'chapter-share']);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('End');
  assert.deepEqual(await focused(), [String(EP18.length - 1), 'chapter']);
  await page.keyboard.press('Home');
  assert.deepEqual(await focused(), ['0', 'chapter']);
  // Leaving and coming back with Tab lands on the row last focused.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(), ['1', 'chapter']);
});

test('focus never falls to <body>: chapter buttons at either end, the shared link, the overlay', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  const onBody = () => page.evaluate(() => document.activeElement === document.body);
  const inPlayer = () => page.evaluate(() => document.querySelector('#ep18').shadowRoot.activeElement?.getAttribute('part'));

  // At the start, "previous chapter" does nothing but keeps the focus; "next" to the last chapter.
  await part(page, '#ep18', 'previous-chapter').focus();
  await page.keyboard.press('Enter');
  assert.equal(await inPlayer(), 'previous-chapter');
  assert.equal(await part(page, '#ep18', 'previous-chapter').getAttribute('aria-disabled'), 'true');
  await part(page, '#ep18', 'next-chapter').focus();
  for (let i = 0; i < EP18.length + 2; i++) await page.keyboard.press('Enter');
  await waitForAudioTime(page, '#ep18', EP18.at(-1).start);
  assert.equal(await part(page, '#ep18', 'next-chapter').getAttribute('aria-disabled'), 'true');
  assert.equal(await inPlayer(), 'next-chapter');
  assert.equal(await onBody(), false);
  // The shortcuts keep working from there.
  await page.keyboard.press('Home');
  await waitForAudioTime(page, '#ep18', 0);

  // Without a clipboard, the link is shown in a field that has the focus, selected.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await part(page, '#ep18', 'share').focus();
  await page.keyboard.press('Enter');
  await part(page, '#ep18', 'share-result').waitFor();
  const field = await page.evaluate(() => {
    const input = document.querySelector('#ep18').shadowRoot.activeElement;
    return { tag: input?.tagName, selected: input ? input.value.slice(input.selectionStart, input.selectionEnd) : '', value: input?.value };
  });
  assert.equal(field.tag, 'INPUT');
  assert.equal(field.selected, field.value, 'the whole link is selected');
  // Dismissing it gives the focus back to the share control.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await part(page, '#ep18', 'share-result').waitFor({ state: 'detached' });
  assert.equal(await inPlayer(), 'share');
  assert.equal(await onBody(), false);
});

test('the player says what it is to the accessibility tree: names, states, values', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await part(page, '#ep18', 'chapter').nth(2).click();
  const tree = await part(page, '#ep18', 'player').ariaSnapshot();
  assert.match(tree, /region "Podcast player: Episode 18: Reference Counting"/);
  assert.match(tree, /slider "Seek"/);
  assert.match(tree, /button "Previous chapter"/);
  assert.match(tree, /group "Chapters"/);
  assert.match(tree, /list "31 chapters"/);
  assert.match(tree, /button "PART 1: REFERENCE COUNTING, at 6 minutes 53 seconds, 1 minute 35 seconds long"/);
  await part(page, '#ep18', 'notes-toggle').click();
  const notes = await part(page, '#ep18', 'notes').ariaSnapshot();
  assert.match(notes, /button "Seek to 4 minutes 17 seconds"/);
});
