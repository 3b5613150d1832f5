// The listener's language: the element's `lang`, else the nearest ancestor's, else English; a
// change of `lang` is followed live; right-to-left pages mirror the layout but not time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  servePage,
  waitForMetadata,
  waitForAudioTime,
  seekBarGeometry,
  part,
  screenshot,
  axeViolations,
} from './harness.mjs';

const ctx = useBrowser();

async function open(options = {}) {
  const page = await ctx.page(options);
  await page.goto(await servePage(page, 'languages.html'));
  for (const id of ['de', 'ja', 'it', 'rtl']) await waitForMetadata(page, `#${id}`);
  return page;
}

/** What a screen reader announces for the player's main controls. */
function labels(page, id) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const label = (p) => root.querySelector(`[part~="${p}"]`)?.getAttribute('aria-label');
    return {
      lang: root.querySelector('.player').getAttribute('lang'),
      region: root.querySelector('.player').getAttribute('aria-label'),
      play: label('play'),
      next: label('next-chapter'),
      back: label('skip-back'),
      seek: root.querySelector('[part~="seek-bar"]').getAttribute('aria-valuetext'),
      chapters: root.querySelector('.chapters-head span').textContent,
      row: root.querySelectorAll('[part~="chapter"]')[1].querySelector('.spoken').textContent,
    };
  }, `#${id}`);
}

test('lang="de" on an ancestor: German controls, spoken times and chapter names; axe finds nothing', async () => {
  const page = await open();
  const de = await labels(page, 'de');
  assert.equal(de.lang, 'de');
  assert.equal(de.region, 'Podcast-Player: Folge 18');
  assert.equal(de.play, 'Abspielen');
  assert.equal(de.next, 'Nächstes Kapitel');
  assert.equal(de.back, '15 Sekunden zurück');
  assert.equal(de.chapters, 'Kapitel');
  assert.match(de.seek, /^0 Sekunden von 1 Stunde 39 Minuten 7 Sekunden, Kapitel: Einleitung$/);
  assert.equal(de.row, ', bei 4 Minuten 17 Sekunden, 2 Minuten 36 Sekunden lang');
  // The accessibility tree names them so too.
  await page.getByRole('button', { name: 'Abspielen' }).first().waitFor();
  await page.getByRole('group', { name: 'Kapitel' }).first().waitFor();
  // The shortcuts overlay speaks German.
  await part(page, '#de', 'shortcuts-button').click();
  const overlay = await part(page, '#de', 'shortcuts').textContent();
  assert.match(overlay, /Tastenkürzel.*10 Sekunden zurück.*Nächstes Kapitel.*Langsamer/s);

  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'languages-de', { locator: page.locator('#de') });
});

test("the element's own lang wins; a language the player does not speak gives English", async () => {
  const page = await open();
  const ja = await labels(page, 'ja');
  assert.deepEqual([ja.lang, ja.play, ja.next, ja.chapters], ['ja', '再生', '次のチャプター', 'チャプター']);
  assert.equal(ja.row, '、4分17秒から、長さ2分36秒');
  const it = await labels(page, 'it');
  assert.deepEqual([it.lang, it.play, it.chapters], ['en', 'Play', 'Chapters']);
});

test('changing lang follows at once, keeping playback', async () => {
  const page = await open();
  await part(page, '#de', 'chapter').nth(1).click();
  await waitForAudioTime(page, '#de', 257);
  await page.evaluate(() => { document.querySelector('#de').lang = 'fr'; });
  await page.waitForFunction(() =>
    document.querySelector('#de').shadowRoot.querySelector('[part~=next-chapter]').getAttribute('aria-label') === 'Chapitre suivant');
  const fr = await labels(page, 'de');
  assert.deepEqual([fr.lang, fr.next, fr.chapters], ['fr', 'Chapitre suivant', 'Chapitres']);
  await page.evaluate(() => { document.querySelector('#de').lang = 'pt-BR'; });
  await page.waitForFunction(() =>
    document.querySelector('#de').shadowRoot.querySelector('[part~=next-chapter]').getAttribute('aria-label') === 'Próximo capítulo');
  await page.evaluate(() => { document.querySelector('#de').removeAttribute('lang'); });
  await page.waitForFunction(() =>
    document.querySelector('#de').shadowRoot.querySelector('[part~=next-chapter]').getAttribute('aria-label') === 'Nächstes Kapitel');
  const after = await page.evaluate(() => document.querySelector('#de').currentTime);
  assert.ok(after >= 257, `the position stays: ${after}`);
});

test('right to left: the list and header mirror, the seek bar and transport keep time order', async () => {
  const page = await open({ viewport: { width: 700, height: 900 } });
  const boxes = await page.evaluate(() => {
    const root = document.querySelector('#rtl').shadowRoot;
    const box = (sel) => root.querySelector(sel).getBoundingClientRect();
    return {
      previous: box('[part~=previous-chapter]').x,
      play: box('[part~=play]').x,
      next: box('[part~=next-chapter]').x,
      elapsed: box('[part~=time-elapsed]').x,
      remaining: box('[part~=time-remaining]').x,
      start: box('[part~=chapter] .chapter-start').x,
      title: box('[part~=chapter] .chapter-title').x,
    };
  });
  assert.ok(boxes.previous < boxes.play && boxes.play < boxes.next, JSON.stringify(boxes));
  assert.ok(boxes.elapsed < boxes.remaining, JSON.stringify(boxes));
  // The chapter list reads from the right: the start time is right of the title.
  assert.ok(boxes.start > boxes.title, JSON.stringify(boxes));

  // A click a quarter along the bar from its left end seeks a quarter in.
  const { at, timeAt } = await seekBarGeometry(page, '#rtl');
  const point = at(0.25);
  await page.mouse.click(point.x, point.y);
  await waitForAudioTime(page, '#rtl', timeAt(point.x), 1.5);
  // ArrowRight moves forward in time.
  await part(page, '#rtl', 'seek-bar').focus();
  const before = await page.evaluate(() => document.querySelector('#rtl').currentTime);
  await page.keyboard.press('ArrowRight');
  await waitForAudioTime(page, '#rtl', before + 5, 1);
  const shot = await screenshot(page, 'languages-rtl', { locator: page.locator('#rtl') });
  assert.ok(shot);
});
