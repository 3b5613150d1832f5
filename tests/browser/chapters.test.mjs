// Chapters on the demo page: the list, the seek-bar markers, next/previous, the element API and
// real playback, all checked against the <audio> element the listener actually hears.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForMetadata,
  waitForAudioTime,
  audioTime,
  audioState,
  assertTime,
  part,
  chapterButtons,
  recordChapterChanges,
  takeChapterChanges,
  seedExpected,
  EPISODES,
  tickSeconds,
  seekBarGeometry,
  DIST_URL,
} from './harness.mjs';

const ctx = useBrowser();
const EP = '#ep18';
const EXPECTED = seedExpected()[EPISODES.findIndex((e) => `#${e.id}` === EP)];

/** Waits until the chapter list marks `index` (and only it) as current. */
async function waitForCurrent(page, sel, index) {
  await page.waitForFunction(
    ([s, i]) => {
      const buttons = [...document.querySelector(s).shadowRoot.querySelectorAll('[part~="chapter"]')];
      return buttons.every((b, j) => (b.getAttribute('aria-current') === 'true') === (j === i));
    },
    [sel, index],
  );
}

/** Everything a listener sees of "we are at chapter `index`". */
async function assertAtChapter(page, sel, index) {
  const chapter = EXPECTED[index];
  await waitForAudioTime(page, sel, chapter.start);
  await waitForCurrent(page, sel, index);
  const buttons = await chapterButtons(page, sel);
  assert.deepEqual(
    buttons.map((b, i) => [i, b.current]).filter(([, c]) => c !== null),
    [[index, 'true']],
    'aria-current="true" is on the current chapter only',
  );
  assert.equal((await part(page, sel, 'current-chapter').textContent()).trim(), chapter.title);
  const api = await page.evaluate((s) => {
    const el = document.querySelector(s);
    return { currentChapter: el.currentChapter, currentTime: el.currentTime };
  }, sel);
  assert.equal(api.currentChapter, index, 'el.currentChapter');
  assertTime(api.currentTime, chapter.start, 'el.currentTime');
  const slider = part(page, sel, 'seek-bar');
  assert.equal(await slider.getAttribute('aria-valuenow'), String(Math.floor(chapter.start)));
  assert.match(await slider.getAttribute('aria-valuetext'), new RegExp(`, chapter: ${escape(chapter.title)}$`));
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the audio element has finished seeking. */
async function settled(page, sel) {
  await page.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector('audio').seeking, sel);
}

async function openEpisode() {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, EP);
  await recordChapterChanges(page, EP);
  return page;
}

test('clicking a chapter in the list seeks there, marks it current and announces it', async () => {
  const page = await openEpisode();
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), EXPECTED[0].title);
  await waitForCurrent(page, EP, 0);

  for (const index of [6, 20, 3]) {
    const button = part(page, EP, 'chapter').nth(index);
    assert.equal(Number(await button.getAttribute('data-start')), EXPECTED[index].start);
    await button.click();
    await assertAtChapter(page, EP, index);
    await settled(page, EP);
    const events = await takeChapterChanges(page, EP);
    assert.deepEqual(events, [
      { index, start: EXPECTED[index].start, title: EXPECTED[index].title, isCustom: true },
    ]);
  }
  // The clock under the seek bar follows: 3 is 00:08:28 into 1:39:07.
  assert.equal((await part(page, EP, 'time-elapsed').textContent()).trim(), '8:28');
  assert.match((await part(page, EP, 'time-remaining').textContent()).trim(), /^-1:30:3[89]$/);
});

test('pressing a chapter tick on the seek bar seeks to that chapter, and hovering it names it', async () => {
  const page = await openEpisode();
  // One tick per chapter after 0:00.
  const { duration } = await audioState(page, EP);
  assert.deepEqual(await tickSeconds(page, EP), EXPECTED.filter((c) => c.start > 0 && c.start < duration).map((c) => c.start));

  const bar = part(page, EP, 'seek-bar');
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  for (const [index, dx] of [[10, 2], [25, -2]]) {
    // Ticks take no press of their own: the press is the slider's, a pixel or two off the tick.
    const [x, y] = [box.x + (box.width * EXPECTED[index].start) / duration + dx, box.y + box.height / 2];
    await page.mouse.move(x, y);
    const tip = await readTooltip(page);
    assert.ok(tip.text.startsWith(EXPECTED[index].title), `the tooltip "${tip.text}" names the tick's chapter`);
    await page.mouse.down();
    await page.mouse.up();
    await assertAtChapter(page, EP, index);
    await settled(page, EP);
    const events = await takeChapterChanges(page, EP);
    assert.deepEqual(events, [
      { index, start: EXPECTED[index].start, title: EXPECTED[index].title, isCustom: true },
    ]);
  }
});

test('next and previous chapter buttons', async () => {
  const page = await openEpisode();
  const next = part(page, EP, 'next-chapter');
  const previous = part(page, EP, 'previous-chapter');
  assert.equal(await previous.isDisabled(), true, 'no previous chapter at 0:00');

  await next.click();
  await assertAtChapter(page, EP, 1);
  await next.click();
  await assertAtChapter(page, EP, 2);
  // At a chapter's start, "previous" goes to the chapter before.
  await previous.click();
  await assertAtChapter(page, EP, 1);
  // More than 3 s into a chapter, "previous" restarts it.
  await page.evaluate(([s, t]) => (document.querySelector(s).currentTime = t), [EP, EXPECTED[1].start + 10]);
  await waitForAudioTime(page, EP, EXPECTED[1].start + 10);
  await previous.click();
  await assertAtChapter(page, EP, 1);
  // Within 3 s of its start, to the chapter before.
  await page.evaluate(([s, t]) => (document.querySelector(s).currentTime = t), [EP, EXPECTED[1].start + 2]);
  await waitForAudioTime(page, EP, EXPECTED[1].start + 2);
  await previous.click();
  await assertAtChapter(page, EP, 0);
  assert.equal(await previous.isDisabled(), true);

  // The last chapter has no next.
  const last = EXPECTED.length - 1;
  await part(page, EP, 'chapter').nth(last).click();
  await assertAtChapter(page, EP, last);
  assert.equal(await next.isDisabled(), true, 'no next chapter in the last one');

  // Skip buttons: −15 s and +30 s.
  await page.evaluate((s) => (document.querySelector(s).currentTime = 600), EP);
  await waitForAudioTime(page, EP, 600);
  await part(page, EP, 'skip-forward').click();
  await waitForAudioTime(page, EP, 630);
  await part(page, EP, 'skip-back').click();
  await waitForAudioTime(page, EP, 615);
});

test('element API: chapters, currentChapter, currentTime, duration, nextChapter, previousChapter', async () => {
  const page = await openEpisode();
  const api = await page.evaluate((s) => {
    const el = document.querySelector(s);
    return { chapters: el.chapters, current: el.currentChapter, time: el.currentTime, duration: el.duration, paused: el.paused };
  }, EP);
  assert.deepEqual(api.chapters, EXPECTED.map(({ start, title }) => ({ start, title })));
  assert.equal(api.current, 0);
  assert.equal(api.time, 0);
  assert.equal(api.paused, true);
  const { duration } = await audioState(page, EP);
  assertTime(api.duration, duration, 'el.duration');
  assertTime(api.duration, 5947, 'el.duration of episode 18');

  // 50:00 is in "Leaks and cycles redux" (45:42).
  const expectedIndex = EXPECTED.findLastIndex((c) => c.start <= 3000);
  assert.equal(EXPECTED[expectedIndex].title, 'Leaks and cycles redux');
  await page.evaluate((s) => (document.querySelector(s).currentTime = 3000), EP);
  await waitForAudioTime(page, EP, 3000);
  await waitForCurrent(page, EP, expectedIndex);
  assert.equal(await page.evaluate((s) => document.querySelector(s).currentChapter, EP), expectedIndex);
  assertTime(await page.evaluate((s) => document.querySelector(s).currentTime, EP), 3000, 'el.currentTime');
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), EXPECTED[expectedIndex].title);
  await settled(page, EP);
  assert.deepEqual(await takeChapterChanges(page, EP), [
    { index: expectedIndex, ...EXPECTED[expectedIndex], isCustom: true },
  ]);

  await page.evaluate((s) => document.querySelector(s).nextChapter(), EP);
  await assertAtChapter(page, EP, expectedIndex + 1);
  await page.evaluate((s) => document.querySelector(s).previousChapter(), EP);
  await assertAtChapter(page, EP, expectedIndex);
  await page.evaluate((s) => document.querySelector(s).previousChapter(), EP);
  await assertAtChapter(page, EP, expectedIndex - 1);
});

test('real playback: play() advances the audio, shows "playing", pause() stops it', async () => {
  const page = await openEpisode();
  await page.evaluate((s) => {
    const el = document.querySelector(s);
    window.__media = [];
    for (const name of ['play', 'pause', 'timeupdate']) el.addEventListener(name, () => window.__media.push(name));
  }, EP);
  // Start 1.5 s before chapter 1, to hear the chapter change while playing.
  const start = EXPECTED[1].start - 1.5;
  await page.evaluate(([s, t]) => (document.querySelector(s).currentTime = t), [EP, start]);
  await waitForAudioTime(page, EP, start);
  await settled(page, EP);
  await takeChapterChanges(page, EP);

  await page.evaluate((s) => document.querySelector(s).play(), EP);
  await page.waitForFunction(
    ([s, t]) => document.querySelector(s).shadowRoot.querySelector('audio').currentTime > t + 1.5,
    [EP, start],
    { timeout: 10_000 },
  );
  const playing = await audioState(page, EP);
  assert.equal(playing.paused, false);
  assert.equal(await part(page, EP, 'player').getAttribute('data-state'), 'playing');
  assert.equal(await part(page, EP, 'play').getAttribute('aria-label'), 'Pause');
  assert.equal(await page.evaluate((s) => document.querySelector(s).paused, EP), false);
  // Playing across 4:17 moved the current chapter.
  await waitForCurrent(page, EP, 1);
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), EXPECTED[1].title);
  const changes = await takeChapterChanges(page, EP);
  assert.deepEqual(changes, [{ index: 1, ...EXPECTED[1], isCustom: true }]);

  await page.evaluate((s) => document.querySelector(s).pause(), EP);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('audio').paused, EP);
  await page.waitForFunction(
    (s) => document.querySelector(s).shadowRoot.querySelector('[part~="player"]').dataset.state === 'paused',
    EP,
  );
  assert.equal(await part(page, EP, 'play').getAttribute('aria-label'), 'Play');
  const stopped = await audioTime(page, EP);
  const media = await page.evaluate(() => window.__media);
  assert.ok(media.includes('play'), 'a play event reached the element');
  assert.ok(media.includes('timeupdate'), 'timeupdate events reached the element');
  assert.equal(media.at(-1), 'pause', 'a pause event reached the element');
  // Paused means paused: the audio stays where it stopped.
  await page.waitForTimeout(300);
  assertTime(await audioTime(page, EP), stopped, 'paused audio position', 0.05);

  // The play button does the same as the API.
  await part(page, EP, 'play').click();
  await page.waitForFunction(
    ([s, t]) => document.querySelector(s).shadowRoot.querySelector('audio').currentTime > t + 0.5,
    [EP, stopped],
  );
  assert.equal(await part(page, EP, 'player').getAttribute('data-state'), 'playing');
  // Going to a chapter while playing keeps playing, from that chapter.
  await part(page, EP, 'chapter').nth(12).click();
  await page.waitForFunction(
    ([s, t]) => {
      const a = document.querySelector(s).shadowRoot.querySelector('audio');
      return !a.paused && a.currentTime > t + 0.5 && a.currentTime < t + 5;
    },
    [EP, EXPECTED[12].start],
  );
  assert.equal(await part(page, EP, 'player').getAttribute('data-state'), 'playing');
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), EXPECTED[12].title);

  await part(page, EP, 'play').click();
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('audio').paused, EP);
  assert.equal(await part(page, EP, 'play').getAttribute('aria-label'), 'Play');
});

async function readTooltip(page) {
  const tip = (await part(page, EP, 'tooltip').innerText()).trim();
  const clock = tip.match(/(?:(\d+):)?(\d+):(\d\d)\s*$/);
  assert.ok(clock, `tooltip "${tip}" shows a time`);
  return {
    text: tip,
    seconds: Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]),
  };
}

test('the seek bar tooltip names the chapter and time under the pointer, or at the playhead on focus', async () => {
  const page = await openEpisode();
  const { bar, box, at } = await seekBarGeometry(page, EP);
  const { duration } = await audioState(page, EP);
  const secondsPerPixel = duration / box.width;
  const tooltip = part(page, EP, 'tooltip');
  assert.equal(await tooltip.count(), 0, 'no tooltip before hover or focus');

  for (const f of [0.6, 0.15, 0.93]) {
    const p = at(f);
    await page.mouse.move(p.x, p.y);
    await tooltip.waitFor({ state: 'visible' });
    const under = ((p.x - box.x) / box.width) * duration;
    const chapter = EXPECTED.findLast((c) => c.start <= under);
    const tip = await readTooltip(page);
    assert.ok(tip.text.startsWith(chapter.title), `tooltip "${tip.text}" names "${chapter.title}"`);
    assertTime(tip.seconds, under, 'time in the tooltip', secondsPerPixel * 2);
  }
  // Hovering does not seek.
  assert.equal(await audioTime(page, EP), 0);

  // Leaving hides it; keyboard focus shows it at the playhead.
  await page.mouse.move(box.x + box.width / 2, box.y - 200);
  await tooltip.waitFor({ state: 'detached' });
  await page.evaluate(([s, t]) => (document.querySelector(s).currentTime = t), [EP, 1500]);
  await waitForAudioTime(page, EP, 1500);
  await bar.focus();
  await tooltip.waitFor({ state: 'visible' });
  const here = EXPECTED.findLast((c) => c.start <= 1500);
  const tip = await readTooltip(page);
  assert.ok(tip.text.startsWith(here.title), `focused tooltip "${tip.text}" names "${here.title}"`);
  assert.equal(tip.seconds, 1500);
  assert.equal(await bar.getAttribute('aria-valuetext'), `25 minutes of 1 hour 39 minutes 7 seconds, chapter: ${here.title}`);
});

test('clicking or dragging on the seek bar seeks to the time the tooltip showed', async () => {
  const page = await openEpisode();
  const { box, at } = await seekBarGeometry(page, EP);
  const { duration } = await audioState(page, EP);
  const secondsPerPixel = duration / box.width;
  const landed = [];

  // Click: the tooltip shows where the pointer is; pressing there goes there.
  for (const f of [0.6, 0.25]) {
    const p = at(f);
    await page.mouse.move(p.x, p.y);
    await part(page, EP, 'tooltip').waitFor({ state: 'visible' });
    const promised = await readTooltip(page);
    await page.mouse.down();
    await page.mouse.up();
    await settled(page, EP);
    landed.push({ how: `click at ${f}`, promised: promised.seconds, actual: await audioTime(page, EP) });
  }

  // Drag: the tooltip previews the time while dragging; releasing goes there.
  const from = at(0.2);
  const to = at(0.45);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  const preview = await readTooltip(page);
  await page.mouse.up();
  await settled(page, EP);
  landed.push({ how: 'drag to 0.45', promised: preview.seconds, actual: await audioTime(page, EP) });

  const off = landed.filter(({ promised, actual }) => Math.abs(promised - actual) > Math.max(1, secondsPerPixel * 2));
  assert.deepEqual(off, [], 'the audio lands where the tooltip said (within 2 px of track)');
  const chapter = EXPECTED.findLast((c) => c.start <= landed.at(-1).actual);
  await waitForCurrent(page, EP, EXPECTED.indexOf(chapter));
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), chapter.title);
});

test('playing to the end stops there and fires "ended"; play again starts over', async () => {
  const page = await openEpisode();
  await page.evaluate((s) => {
    window.__ended = 0;
    document.querySelector(s).addEventListener('ended', () => window.__ended++);
  }, EP);
  const { duration } = await audioState(page, EP);
  const last = EXPECTED.length - 1;
  await page.evaluate(([s, t]) => (document.querySelector(s).currentTime = t), [EP, duration - 1]);
  await waitForAudioTime(page, EP, duration - 1);
  await settled(page, EP);
  await page.evaluate((s) => document.querySelector(s).play(), EP);
  await page.waitForFunction(() => window.__ended === 1, null, { timeout: 10_000 });
  await page.waitForFunction(
    (s) => document.querySelector(s).shadowRoot.querySelector('[part~="player"]').dataset.state === 'paused',
    EP,
  );
  assert.equal(await part(page, EP, 'play').getAttribute('aria-label'), 'Play');
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), EXPECTED[last].title);
  assert.equal((await part(page, EP, 'time-remaining').textContent()).trim(), '-0:00');
  await takeChapterChanges(page, EP);

  // Play after the end: from the top.
  await part(page, EP, 'play').click();
  await page.waitForFunction(
    (s) => {
      const a = document.querySelector(s).shadowRoot.querySelector('audio');
      return !a.paused && a.currentTime > 0.3 && a.currentTime < 5;
    },
    EP,
  );
  await waitForCurrent(page, EP, 0);
  assert.deepEqual((await takeChapterChanges(page, EP)).map((e) => e.index), [0]);
  await page.evaluate((s) => document.querySelector(s).pause(), EP);
});

test('an episode without a duration attribute gets its markers once the audio is loaded', async () => {
  const page = await ctx.page();
  // Hold episode 16's audio back until the list has been checked.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/media/episode-16.mp3', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${DIST_URL}/`);
  await page.waitForFunction(() => !!document.querySelector('#ep16')?.shadowRoot?.querySelector('.player'));
  const ep16 = seedExpected()[4];
  assert.equal(await part(page, '#ep16', 'chapter').count(), ep16.length);
  assert.equal((await part(page, '#ep16', 'time-remaining').textContent()).trim(), '--:--');
  assert.deepEqual(await tickSeconds(page, '#ep16'), []);
  assert.ok(Number.isNaN(await page.evaluate(() => document.querySelector('#ep16').duration)));
  release();
  await waitForMetadata(page, '#ep16');
  const { duration } = await audioState(page, '#ep16');
  await page.waitForFunction(
    (n) => [...document.querySelector('#ep16').shadowRoot.querySelectorAll('[part~="chapter-marker"]')]
      .reduce((sum, p) => sum + (p.getAttribute('d').match(/M/g)?.length ?? 0), 0) === n,
    ep16.filter((c) => c.start > 0 && c.start < duration).length,
  );
  assertTime(await page.evaluate(() => document.querySelector('#ep16').duration), duration, 'el.duration');
  assert.match((await part(page, '#ep16', 'time-remaining').textContent()).trim(), /^-1:\d\d:\d\d$/);
  // And the digit keys work now: 5 is half-way.
  await part(page, '#ep16', 'seek-bar').focus();
  await page.keyboard.press('5');
  await waitForAudioTime(page, '#ep16', duration / 2);
});

test('the chapter list keeps the current chapter in view without scrolling the page', async () => {
  const page = await openEpisode();
  const list = page.locator(`${EP} [part~="chapter-list"] ol`);
  await part(page, EP, 'seek-bar').focus();
  const scrollY = await page.evaluate(() => window.scrollY);
  const listBox = async () =>
    list.evaluate((ol) => ({ scrollTop: ol.scrollTop, clientHeight: ol.clientHeight, scrollHeight: ol.scrollHeight }));
  const before = await listBox();
  assert.ok(before.scrollHeight > before.clientHeight, 'the list scrolls (31 chapters)');
  await page.keyboard.press('End');
  const last = EXPECTED.length - 1;
  await waitForCurrent(page, EP, last);
  await page.waitForFunction(
    ([s, i]) => {
      const ol = document.querySelector(s).shadowRoot.querySelector('[part~="chapter-list"] ol');
      const item = ol.children[i].getBoundingClientRect();
      const box = ol.getBoundingClientRect();
      return item.top >= box.top - 1 && item.bottom <= box.bottom + 1;
    },
    [EP, last],
  );
  assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'the page did not scroll');
  await page.keyboard.press('Home');
  await waitForCurrent(page, EP, 0);
  await page.waitForFunction((s) => {
    const ol = document.querySelector(s).shadowRoot.querySelector('[part~="chapter-list"] ol');
    return ol.scrollTop === 0;
  }, EP);
  assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'the page did not scroll');
});
