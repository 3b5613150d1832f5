// A live element: attributes and properties followed after mount (as <audio> does), notes read
// again when they change, an element moved rather than removed, one player playing at a time, a
// framework page, a strict Content-Security-Policy, and a 1,000-chapter episode.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useBrowser,
  openDemo,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  audioState,
  part,
  chapterButtons,
  servePage,
  DIST_URL,
  REPO,
} from './harness.mjs';

const ctx = useBrowser();
const NOTES = 'Show notes.\n(00:00) Hello\n(01:00) World\n(02:30) Goodbye\n';

async function titles(page, sel) {
  return (await chapterButtons(page, sel)).map((c) => c.title);
}

async function text(page, sel, name) {
  return (await part(page, sel, name).textContent()).trim();
}

/** A <chapter-player id=live> appended to <main>, configured through properties only. */
async function addLivePlayer(page, src = 'media/episode-18.mp3') {
  await page.evaluate(([src, notes]) => {
    const el = document.createElement('chapter-player');
    el.id = 'live';
    el.src = src;
    el.episodeTitle = 'Made by script';
    el.textContent = notes;
    document.querySelector('main').prepend(el);
  }, [src, NOTES]);
  await waitForPlayer(page, '#live');
}

async function waitPlaying(page, sel, after = 0) {
  await page.waitForFunction(
    ([s, t]) => {
      const a = document.querySelector(s).shadowRoot.querySelector('audio');
      return !a.paused && a.currentTime > t;
    },
    [sel, after],
  );
}

test('properties reflect attributes, and every observed attribute is followed after mount', async () => {
  const page = await ctx.page();
  await page.route(`${DIST_URL}/live-chapters.json`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'From the file' }, { startTime: 42, title: 'File two' }] }),
    }),
  );
  await openDemo(page);
  await addLivePlayer(page);
  assert.equal(await text(page, '#live', 'title'), 'Made by script');
  assert.deepEqual(await titles(page, '#live'), ['Hello', 'World', 'Goodbye']);

  const reflected = await page.evaluate(() => {
    const el = document.querySelector('#live');
    el.show = 'A new show';
    el.episodeTitle = 'Renamed';
    el.artwork = 'artwork.svg';
    el.theme = 'dark';
    el.noResume = true;
    return ['src', 'episode-title', 'show', 'artwork', 'theme', 'no-resume'].map((a) => el.getAttribute(a));
  });
  assert.deepEqual(reflected, ['media/episode-18.mp3', 'Renamed', 'A new show', 'artwork.svg', 'dark', '']);
  await page.waitForFunction(() => document.querySelector('#live').shadowRoot.querySelector('[part~=title]')?.textContent === 'Renamed');
  assert.equal(await text(page, '#live', 'show'), 'A new show');
  assert.match(await part(page, '#live', 'artwork').getAttribute('src'), /artwork\.svg$/);

  // no-resume, set live: a pause mid-episode saves nothing; turned off again, it does.
  await waitForMetadata(page, '#live');
  const key = `chapter-player:position:${DIST_URL}/media/episode-18.mp3`;
  await page.evaluate((k) => localStorage.removeItem(k), key);
  await page.evaluate(() => { const el = document.querySelector('#live'); el.currentTime = 75; el.play(); });
  await waitPlaying(page, '#live', 75.2);
  await page.evaluate(() => document.querySelector('#live').pause());
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  await page.evaluate(() => { document.querySelector('#live').noResume = false; });
  await page.evaluate(() => document.querySelector('#live').play());
  await waitPlaying(page, '#live', 75.4);
  await page.evaluate(() => document.querySelector('#live').pause());
  assert.ok(Number(await page.evaluate((k) => localStorage.getItem(k), key)) > 75_000, 'saved once resuming is back on');

  // chapters="URL" set later replaces the notes' chapters; removing it brings them back.
  await page.evaluate(() => { document.querySelector('#live').chaptersUrl = 'live-chapters.json'; });
  await page.waitForFunction(() => document.querySelector('#live').chapters[0]?.title === 'From the file');
  assert.deepEqual(await titles(page, '#live'), ['From the file', 'File two']);
  await page.evaluate(() => document.querySelector('#live').removeAttribute('chapters'));
  await page.waitForFunction(() => document.querySelector('#live').chapters[0]?.title === 'Hello');

  // A new src while playing: the new file from its start, as <audio> does; then it plays.
  await page.evaluate(() => document.querySelector('#live').play());
  await waitPlaying(page, '#live', 75);
  await page.evaluate(() => { document.querySelector('#live').src = 'media/episode-17.mp3'; });
  await page.waitForFunction(() => /episode-17\.mp3$/.test(document.querySelector('#live').shadowRoot.querySelector('audio').currentSrc));
  await waitForMetadata(page, '#live');
  const switched = await audioState(page, '#live');
  assert.ok(switched.currentTime < 1, `the new episode starts at its start, not ${switched.currentTime}`);
  assert.equal(await page.evaluate(() => document.querySelector('#live').currentTime < 1), true);
  await page.evaluate(() => document.querySelector('#live').play());
  await waitPlaying(page, '#live', 0.3);
  assert.match((await audioState(page, '#live')).src, /episode-17\.mp3$/);
  await page.evaluate(() => document.querySelector('#live').pause());

  // feed="URL" set later turns the player into the feed's playlist.
  await page.evaluate(() => { document.querySelector('#live').feed = 'core-py.xml'; });
  await page.waitForFunction(() => document.querySelector('#live').shadowRoot.querySelectorAll('[part~=episode]').length === 5);
});

test('a duration set later shows at once, before the audio knows its own', async () => {
  const page = await ctx.page();
  // Audio that never answers: only the attribute can say how long the episode is.
  await page.route('**/stalled.mp3', () => {});
  await openDemo(page);
  await addLivePlayer(page, 'stalled.mp3');
  assert.equal(await text(page, '#live', 'time-remaining'), '--:--');
  await page.evaluate(() => { document.querySelector('#live').duration = '1:02:03'; });
  await page.waitForFunction(() => document.querySelector('#live').shadowRoot.querySelector('[part~=time-remaining]').textContent.trim() === '-1:02:03');
  assert.equal(await page.evaluate(() => document.querySelector('#live').duration), 3723);
  await page.evaluate(() => document.querySelector('#live').setAttribute('duration', '600'));
  await page.waitForFunction(() => document.querySelector('#live').shadowRoot.querySelector('[part~=time-remaining]').textContent.trim() === '-10:00');
});

test('properties set before the element is defined or connected are kept', async () => {
  const page = await ctx.page();
  await page.goto(await servePage(page, 'blank.html'));
  await page.evaluate((notes) => {
    // Not yet defined: these land as own properties of an HTMLElement.
    const el = document.createElement('chapter-player');
    el.id = 'early';
    el.src = 'media/episode-18.mp3';
    el.episodeTitle = 'Set before the definition';
    el.textContent = notes;
    window.__early = el;
  }, NOTES);
  await page.addScriptTag({ type: 'module', url: `${DIST_URL}/chapter-player.js` });
  await page.waitForFunction(() => customElements.get('chapter-player'));
  await page.evaluate(() => document.querySelector('main').append(window.__early));
  await waitForPlayer(page, '#early');
  assert.equal(await text(page, '#early', 'title'), 'Set before the definition');
  assert.equal(await page.evaluate(() => window.__early.getAttribute('src')), 'media/episode-18.mp3');
  assert.deepEqual(await titles(page, '#early'), ['Hello', 'World', 'Goodbye']);
});

test('replaced or edited show notes are read again', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await addLivePlayer(page);
  await page.evaluate(() => {
    document.querySelector('#live').innerHTML = '<p>New notes<br>(00:00) Alpha<br>(00:45) Beta<br>(01:30) Gamma</p>';
  });
  await page.waitForFunction(() => document.querySelector('#live').chapters.length === 3 && document.querySelector('#live').chapters[0].title === 'Alpha');
  assert.deepEqual(await titles(page, '#live'), ['Alpha', 'Beta', 'Gamma']);
  // One text node edited in place.
  await page.evaluate(() => {
    const p = document.querySelector('#live p');
    const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('Alpha'));
    node.data = '(00:00) Alef';
  });
  await page.waitForFunction(() => document.querySelector('#live').chapters[0].title === 'Alef');
  await part(page, '#live', 'notes-toggle').click();
  assert.equal(await part(page, '#live', 'timestamp').count(), 3);
});

test('moving the element while it plays keeps the player and playback', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await page.evaluate(() => {
    const el = document.querySelector('#ep18');
    el.shadowRoot.querySelector('audio').dataset.mark = 'original';
    el.currentTime = 40;
    return el.play();
  });
  await waitPlaying(page, '#ep18', 40.2);
  await page.evaluate(() => document.body.prepend(document.querySelector('#ep18')));
  await page.waitForTimeout(400);
  const moved = await page.evaluate(() => {
    const el = document.querySelector('#ep18');
    const audio = el.shadowRoot.querySelector('audio');
    return { first: document.body.firstElementChild === el, mark: audio?.dataset.mark, paused: audio?.paused, time: audio?.currentTime,
      state: el.shadowRoot.querySelector('[part~=player]').dataset.state };
  });
  assert.deepEqual({ ...moved, time: moved.time > 40.5 }, { first: true, mark: 'original', paused: false, time: true, state: 'playing' });
  // A framework re-ordering a list: removed and inserted in the same task.
  await page.evaluate(() => {
    const el = document.querySelector('#ep18');
    el.remove();
    document.querySelector('main').append(el);
  });
  await page.waitForTimeout(200);
  assert.equal((await audioState(page, '#ep18')).paused, false);
  // A real removal still stops it and lets go of the audio.
  await page.evaluate(() => { window.__gone = document.querySelector('#ep18'); window.__gone.remove(); });
  await page.waitForFunction(() => !window.__gone.shadowRoot.querySelector('audio'));
});

test('one player plays at a time; no-pause-others opts out', async () => {
  const page = await ctx.page();
  await openDemo(page);
  for (const id of ['#ep18', '#ep17', '#ep16']) await waitForMetadata(page, id);
  await page.evaluate(() => document.querySelector('#ep18').play());
  await waitPlaying(page, '#ep18', 0.2);
  await part(page, '#ep17', 'play').click();
  await waitPlaying(page, '#ep17', 0.2);
  await page.waitForFunction(() => document.querySelector('#ep18').paused);
  assert.equal(await part(page, '#ep18', 'player').getAttribute('data-state'), 'paused');
  assert.equal(await part(page, '#ep18', 'play').getAttribute('aria-label'), 'Play');

  await page.evaluate(() => { document.querySelector('#ep16').noPauseOthers = true; });
  await part(page, '#ep16', 'play').click();
  await waitPlaying(page, '#ep16', 0.3);
  assert.equal((await audioState(page, '#ep17')).paused, false, 'a mixing player pauses nobody');
  await page.evaluate(() => document.querySelector('#ep18').play());
  await waitPlaying(page, '#ep18', 0.2);
  await page.waitForFunction(() => document.querySelector('#ep17').paused);
  assert.equal((await audioState(page, '#ep16')).paused, false, 'and nobody pauses it');
  await page.evaluate(() => document.querySelectorAll('chapter-player').forEach((p) => p.pause()));
});

test('a Preact page from npm, without a bundler, switches episodes from its own state', async () => {
  const page = await ctx.page();
  const url = await servePage(page, 'framework.html');
  await page.goto(url);
  await waitForPlayer(page, '#fw');
  assert.deepEqual(await titles(page, '#fw'), ['Eighteen intro', 'Sports news', 'Reference counting']);
  await page.click('#pick1');
  await page.waitForFunction(() => document.querySelector('#fw').shadowRoot.querySelector('[part~=title]')?.textContent === 'Episode 17');
  await page.waitForFunction(() => document.querySelector('#fw').chapters[0]?.title === 'Seventeen intro');
  assert.deepEqual(await titles(page, '#fw'), ['Seventeen intro', 'Second', 'Third', 'Fourth']);
  await waitForMetadata(page, '#fw');
  assert.match((await audioState(page, '#fw')).src, /episode-17\.mp3$/);
  await part(page, '#fw', 'chapter').nth(2).click();
  await waitForAudioTime(page, '#fw', 300);
  await page.click('#pick0');
  await page.waitForFunction(() => document.querySelector('#fw').chapters[0]?.title === 'Eighteen intro');
  await page.waitForFunction(() => /episode-18\.mp3$/.test(document.querySelector('#fw').shadowRoot.querySelector('audio').currentSrc));
});

test('a strict Content-Security-Policy page renders, plays and seeks with no violation', async () => {
  const page = await ctx.page();
  const url = await servePage(page, 'csp.html', {
    'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  });
  await page.route(`${DIST_URL}/transcripts/*`, (route) => route.fulfill({
    status: 200,
    contentType: 'text/vtt',
    body: readFileSync(join(REPO, 'tests/browser/fixtures/transcripts', new URL(route.request().url()).pathname.split('/').pop())),
  }));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(url);
  await waitForMetadata(page, '#strict');
  assert.deepEqual(await titles(page, '#strict'), ['INTRO', 'PART 0: SPORTS NEWS', 'PART 1: REFERENCE COUNTING', 'New segment of 2025', 'C++ is asymptotic Python']);
  // Choosing a chapter plays from it.
  await part(page, '#strict', 'chapter').nth(3).click();
  await waitPlaying(page, '#strict', 508.3);
  await part(page, '#strict', 'seek-bar').hover({ position: { x: 50, y: 10 } });
  await part(page, '#strict', 'tooltip').waitFor();
  await page.evaluate(() => document.querySelector('#strict').pause());
  // The transcript panel too: opened, searched, a cue chosen.
  await page.waitForFunction(() => document.querySelector('#strict').shadowRoot.querySelector('[part~="transcript-cue"]'));
  await page.evaluate(() => { document.querySelector('#strict').shadowRoot.querySelector('[part~="transcript"]').open = true; });
  await part(page, '#strict', 'transcript-search').fill('café');
  await page.waitForFunction(() => document.querySelector('#strict').shadowRoot.querySelector('[part~="transcript-match"]'));
  await page.locator('#strict [data-cue="4"]').click();
  await waitForAudioTime(page, '#strict', 20, 0.5);
  const inline = await page.evaluate(() => document.querySelector('#strict').shadowRoot.querySelectorAll('[style]').length);
  const played = await page.evaluate(() => getComputedStyle(document.querySelector('#strict').shadowRoot.querySelector('.played')).width);
  assert.notEqual(played, '0px', 'the progress fill is drawn');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // Only CSSOM custom properties: no markup carries a style attribute written as text.
  const styleTexts = await page.evaluate(() =>
    [...document.querySelector('#strict').shadowRoot.querySelectorAll('[style]')].map((e) => e.getAttribute('style')));
  assert.ok(styleTexts.every((s) => /^(--[a-z-]+: [0-9.]+%?;\s*)+$/.test(s)), `${inline} styled: ${styleTexts}`);
});

test('an episode with 1,000 chapters renders, seeks, and a playback tick leaves the list alone', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await page.evaluate(async (dist) => {
    const { mount } = await import(`${dist}/chapter-player.js`);
    const el = document.createElement('div');
    el.id = 'thousand';
    document.querySelector('main').prepend(el);
    const chapters = Array.from({ length: 1000 }, (_, i) => ({ start: i * 5, title: `Chapter ${i + 1}` }));
    await mount(el, { src: 'media/episode-18.mp3', title: 'A thousand chapters', chapters });
  }, DIST_URL);
  await waitForMetadata(page, '#thousand');
  await page.waitForFunction(() => document.querySelector('#thousand').shadowRoot.querySelectorAll('[part~=chapter]').length === 1000);
  await part(page, '#thousand', 'chapter').nth(700).click();
  await waitForAudioTime(page, '#thousand', 3500);
  assert.equal((await chapterButtons(page, '#thousand'))[700].current, 'true');

  // 1.5 s of playback inside one chapter: only the current row's progress bar changes.
  const changed = await page.evaluate(async () => {
    const root = document.querySelector('#thousand').shadowRoot;
    const audio = root.querySelector('audio');
    audio.currentTime = 3500.2;
    await new Promise((r) => audio.addEventListener('seeked', r, { once: true }));
    await audio.play();
    const list = root.querySelector('[part~=chapter-list]');
    const seen = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) seen.push(r.target.nodeType === 1 ? r.target.className : r.target.parentElement?.className);
    });
    observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    await new Promise((r) => setTimeout(r, 1500));
    observer.disconnect();
    audio.pause();
    return { seen: [...new Set(seen)], moved: audio.currentTime > 3501 };
  });
  assert.equal(changed.moved, true, 'it played');
  assert.deepEqual(changed.seen, ['chapter-progress']);
});
