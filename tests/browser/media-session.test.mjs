// The Media Session, checked whole: metadata with chapterInfo (where Chromium has it), the
// position state after seeking and changing speed, and every action handler.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, waitForMetadata, waitForAudioTime, seedExpected } from './harness.mjs';

const ctx = useBrowser();
const EP18 = seedExpected()[2];

/** Records the handlers the player sets and every setPositionState call. */
async function recordSession(page) {
  await page.addInitScript(() => {
    const session = navigator.mediaSession;
    const setHandler = session.setActionHandler.bind(session);
    const setPosition = session.setPositionState.bind(session);
    window.__handlers = {};
    window.__positions = [];
    session.setActionHandler = (action, handler) => {
      window.__handlers[action] = handler;
      setHandler(action, handler);
    };
    session.setPositionState = (state) => {
      window.__positions.push(state);
      setPosition(state);
    };
  });
}

const lastPosition = (page) => page.evaluate(() => window.__positions.at(-1));
const audioTime = (page) => page.evaluate(() => document.querySelector('#ep18').shadowRoot.querySelector('audio').currentTime);

test('Media Session: chapterInfo, the position after seeks and speed changes, and every handler', async () => {
  const page = await ctx.page();
  await recordSession(page);
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await page.evaluate(() => document.querySelector('#ep18').play());
  await page.waitForFunction(() => navigator.mediaSession.metadata?.album === 'Episode 18: Reference Counting');

  // chapterInfo: every chapter, titled and timed, where the browser exposes it.
  const info = await page.evaluate(() => {
    const list = navigator.mediaSession.metadata.chapterInfo;
    return list === undefined ? null : [...list].map((c) => [c.title, c.startTime]);
  });
  assert.notEqual(info, null, 'Chromium exposes MediaMetadata.chapterInfo');
  assert.deepEqual(info, EP18.map((c) => [c.title, c.start]));

  // The position state follows a seek and a change of speed.
  await page.evaluate(() => window.__handlers.seekto({ action: 'seekto', seekTime: 1300 }));
  await waitForAudioTime(page, '#ep18', 1300, 1);
  await page.waitForFunction(() => Math.abs((window.__positions.at(-1)?.position ?? 0) - 1300) < 1.5);
  const duration = await page.evaluate(() => document.querySelector('#ep18').duration);
  assert.ok(Math.abs((await lastPosition(page)).duration - duration) < 0.01);
  await page.evaluate(() => { document.querySelector('#ep18').shadowRoot.querySelector('select').value = '1.5'; });
  await page.evaluate(() => document.querySelector('#ep18').shadowRoot.querySelector('select').dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForFunction(() => window.__positions.at(-1)?.playbackRate === 1.5);

  // Seek back and forward: the browser's offset when it gives one, else 15 s back, 30 s ahead.
  const before = await audioTime(page);
  await page.evaluate(() => window.__handlers.seekbackward({ action: 'seekbackward' }));
  assert.ok(Math.abs((await audioTime(page)) - (before - 15)) < 1, 'seekbackward: 15 s');
  const mid = await audioTime(page);
  await page.evaluate(() => window.__handlers.seekforward({ action: 'seekforward', seekOffset: 10 }));
  assert.ok(Math.abs((await audioTime(page)) - (mid + 10)) < 1, 'seekforward with seekOffset 10');
  const later = await audioTime(page);
  await page.evaluate(() => window.__handlers.seekforward({ action: 'seekforward' }));
  assert.ok(Math.abs((await audioTime(page)) - (later + 30)) < 1, 'seekforward: 30 s');

  // previoustrack: past 3 s into a chapter it restarts it; at its start, the chapter before.
  const chapter = EP18.findLast((c) => c.start <= (later + 30));
  const index = EP18.indexOf(chapter);
  await page.evaluate(() => window.__handlers.previoustrack({ action: 'previoustrack' }));
  await waitForAudioTime(page, '#ep18', chapter.start);
  await page.evaluate(() => window.__handlers.previoustrack({ action: 'previoustrack' }));
  await waitForAudioTime(page, '#ep18', EP18[index - 1].start);
  await page.waitForFunction((t) => navigator.mediaSession.metadata.title === t, EP18[index - 1].title);

  // pause and play.
  await page.evaluate(() => window.__handlers.pause({ action: 'pause' }));
  await page.waitForFunction(() => document.querySelector('#ep18').paused);
  await page.evaluate(() => window.__handlers.play({ action: 'play' }));
  await page.waitForFunction(() => !document.querySelector('#ep18').paused);
  await page.evaluate(() => document.querySelector('#ep18').pause());
});
