// What listeners ask players for: a link to a moment, coming back where they left off, and the
// lock screen / media keys (Media Session) moving between chapters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForMetadata,
  waitForAudioTime,
  audioTime,
  assertTime,
  part,
  seedExpected,
  EPISODES,
  DIST_URL,
  screenshot,
} from './harness.mjs';

const ctx = useBrowser();
const EP18 = EPISODES.findIndex((e) => e.id === 'ep18');
const EP18_CHAPTERS = seedExpected()[EP18];

test('#t=600 starts the first player at 600 s and says so, without playing', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/#t=600`);
  await waitForMetadata(page, '#ep20');
  await waitForAudioTime(page, '#ep20', 600);
  await assert.doesNotReject(part(page, '#ep20', 'notice').filter({ hasText: 'Starting at 10:00' }).waitFor());
  assert.equal(await page.evaluate(() => document.querySelector('#ep20').paused), true);
  assertTime(await audioTime(page, '#ep19'), 0, 'another player');
});

test('#t=1:23:45&player=ep18 names the player; npt: and seconds forms work too', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/#t=1:23:45&player=ep18`);
  await waitForMetadata(page, '#ep18');
  await waitForAudioTime(page, '#ep18', 5025);
  assertTime(await audioTime(page, '#ep20'), 0, 'the first player is not the one named');
  for (const [hash, seconds] of [['#t=npt:83.5', 83.5], ['#t=5025', 5025], ['?t=95', 95]]) {
    const p = await ctx.page();
    await p.goto(`${DIST_URL}/${hash}`);
    await waitForMetadata(p, '#ep20');
    await waitForAudioTime(p, '#ep20', seconds);
  }
});

test('#t=10,20 plays from 10 s and stops at 20 s', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/#t=10,20&player=ep20`);
  await waitForMetadata(page, '#ep20');
  await waitForAudioTime(page, '#ep20', 10);
  await page.evaluate(() => {
    const el = document.querySelector('#ep20');
    el.shadowRoot.querySelector('audio').playbackRate = 3;
    return el.play();
  });
  await page.waitForFunction(() => document.querySelector('#ep20').paused, null, { timeout: 15_000 });
  const t = await audioTime(page, '#ep20');
  assert.ok(t >= 19.9 && t < 21.5, `stopped at ${t}`);
});

test('the share control copies a link to the current time that round-trips', async () => {
  const page = await ctx.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await part(page, '#ep18', 'chapter').nth(4).click();
  await waitForAudioTime(page, '#ep18', EP18_CHAPTERS[4].start);
  const listTop = async () => (await part(page, '#ep18', 'chapter-list').boundingBox()).y;
  const before = await listTop();
  await part(page, '#ep18', 'share').click();
  await part(page, '#ep18', 'share-result').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await listTop(), before, 'the banner does not push the chapter list down');
  await screenshot(page, 'listening-share-banner', { locator: part(page, '#ep18', 'player') });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#t=\d+:\d\d&player=ep18$/);
  const again = await ctx.page();
  await again.goto(link);
  await waitForMetadata(again, '#ep18');
  await waitForAudioTime(again, '#ep18', EP18_CHAPTERS[4].start, 1);
});

test('each chapter has a copy-link action; without a clipboard the link is shown to copy', async () => {
  const page = await ctx.page();
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await openDemo(page);
  await part(page, '#ep18', 'chapter-share').nth(2).click();
  const input = part(page, '#ep18', 'share-result').locator('input');
  await input.waitFor();
  const link = await input.inputValue();
  const start = EP18_CHAPTERS[2].start;
  const clock = `${Math.floor(start / 60)}:${String(start % 60).padStart(2, '0')}`;
  assert.ok(link.endsWith(`#t=${clock}&player=ep18`), link);
});

test('reload resumes where the listener paused, and says so', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep17');
  await page.evaluate(async () => {
    const el = document.querySelector('#ep17');
    el.currentTime = 754;
    await el.play();
  });
  await page.waitForFunction(() => document.querySelector('#ep17').currentTime > 754.5);
  await page.evaluate(() => document.querySelector('#ep17').pause());
  const paused = await audioTime(page, '#ep17');
  await page.reload();
  await waitForMetadata(page, '#ep17');
  await waitForAudioTime(page, '#ep17', paused, 0.5);
  await part(page, '#ep17', 'notice').filter({ hasText: /^Resume at 12:3\d$/ }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('#ep17').paused), true, 'no surprise autoplay');
});

test('no-resume turns resuming off; finishing an episode forgets it; broken storage is ignored', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep16');
  await page.evaluate(async () => {
    const el = document.querySelector('#ep16');
    el.currentTime = 300;
    await el.play();
    el.pause();
    const copy = el.cloneNode(true);
    copy.id = 'ep16b';
    copy.setAttribute('no-resume', '');
    el.after(copy);
  });
  await waitForMetadata(page, '#ep16b');
  assertTime(await audioTime(page, '#ep16b'), 0, 'a no-resume player starts at 0');

  // Finishing clears the saved position.
  await page.evaluate(async () => {
    const el = document.querySelector('#ep16');
    el.currentTime = el.duration - 0.5;
    await el.play();
  });
  await page.waitForFunction(() => document.querySelector('#ep16').shadowRoot.querySelector('audio').ended);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('episode-16')));
  assert.deepEqual(keys, []);

  const broken = await ctx.page();
  await broken.addInitScript(() => {
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: fail });
  });
  await openDemo(broken);
  await part(broken, '#ep18', 'chapter').nth(3).click();
  await waitForAudioTime(broken, '#ep18', EP18_CHAPTERS[3].start);
});

test('Media Session: the playing player owns it; nexttrack goes to the next chapter and names it', async () => {
  const page = await ctx.page();
  await page.addInitScript(() => {
    const session = navigator.mediaSession;
    const original = session.setActionHandler.bind(session);
    window.__handlers = {};
    session.setActionHandler = (action, handler) => {
      window.__handlers[action] = handler;
      original(action, handler);
    };
  });
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await page.evaluate(() => document.querySelector('#ep18').play());
  await page.waitForFunction(() => navigator.mediaSession.metadata?.album === 'Episode 18: Reference Counting');
  const meta = await page.evaluate(() => ({ ...navigator.mediaSession.metadata.toJSON?.() ?? {}, title: navigator.mediaSession.metadata.title, artist: navigator.mediaSession.metadata.artist }));
  assert.equal(meta.title, EP18_CHAPTERS[0].title);
  assert.equal(meta.artist, 'core.py');
  const actions = await page.evaluate(() => Object.keys(window.__handlers).sort());
  assert.deepEqual(actions, ['nexttrack', 'pause', 'play', 'previoustrack', 'seekbackward', 'seekforward', 'seekto']);

  await page.evaluate(() => window.__handlers.nexttrack({ action: 'nexttrack' }));
  await waitForAudioTime(page, '#ep18', EP18_CHAPTERS[1].start);
  await page.waitForFunction((t) => navigator.mediaSession.metadata.title === t, EP18_CHAPTERS[1].title);
  await page.evaluate(() => window.__handlers.seekto({ action: 'seekto', seekTime: 1200 }));
  await waitForAudioTime(page, '#ep18', 1200);

  // Another player starting to play takes the session over.
  await page.evaluate(() => document.querySelector('#ep18').pause());
  await page.evaluate(() => document.querySelector('#ep19').play());
  await page.waitForFunction(() => navigator.mediaSession.metadata?.album?.startsWith('Episode 19'));
  await page.evaluate(() => window.__handlers.nexttrack({ action: 'nexttrack' }));
  await page.waitForFunction(() => document.querySelector('#ep19').currentChapter === 1);
  await page.evaluate(() => document.querySelector('#ep19').pause());
});
