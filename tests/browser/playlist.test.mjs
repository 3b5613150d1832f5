// Playlists: a podcast's RSS feed (`feed="URL"`) or a JSON list from `mount()`, with the episode
// list, playing a chosen episode, going on to the next, and each chapter source a feed can carry.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  useBrowser,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  part,
  seedExpected,
  DIST_URL,
  REPO,
} from './harness.mjs';

const ctx = useBrowser();
const SEED = seedExpected();
const fixture = (name) => readFileSync(`${REPO}/crates/chapters/tests/fixtures/feeds/${name}`, 'utf8');
const TONE = readFileSync(`${REPO}/www/media/tone.wav`);

const episodeTitles = (page, sel) => page.evaluate((s) =>
  [...document.querySelector(s).shadowRoot.querySelectorAll('[part~=episode]')].map((b) => [
    b.querySelector('.episode-title').textContent,
    b.querySelector('.episode-meta').textContent,
    b.getAttribute('aria-current'),
  ]), sel);

/** A page with one player reading `feedXml`, its audio answered with a short local tone. */
async function feedPage(feedXml, extra = {}) {
  const page = await ctx.page();
  await page.route('**/test-feed/feed.xml', (route) => route.fulfill({ contentType: 'application/rss+xml', body: feedXml }));
  await page.route('https://example.org/**/*.mp3*', (route) =>
    route.fulfill({ contentType: 'audio/wav', body: TONE, headers: { 'access-control-allow-origin': '*' } }));
  for (const [path, body] of Object.entries(extra)) {
    await page.route(`**/test-feed/${path}`, (route) => route.fulfill({ contentType: 'application/json', body }));
  }
  await page.goto(`${DIST_URL}/playlist.html`);
  await page.evaluate(() => {
    const el = document.querySelector('#show');
    el.remove();
    el.setAttribute('feed', 'test-feed/feed.xml');
    document.querySelector('main').append(el);
  });
  await waitForPlayer(page, '#show');
  return page;
}

test('the feed demo page lists the five episodes with dates and durations, the first loaded', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/playlist.html`);
  await waitForPlayer(page, '#show');
  await page.waitForFunction(() => document.querySelector('#show').chapters.length === 23);
  const rows = await episodeTitles(page, '#show');
  assert.equal(rows.length, 5);
  assert.deepEqual(rows.map((r) => r[0]), [
    'Episode 20',
    'Episode 19: Async hacks, unicorns and velociraptors',
    'Episode 18: Reference Counting',
    'Episode 17: Argparse, JIT, and balloons with Savannah Ostrowski',
    'Episode 16: Memory Allocation',
  ]);
  assert.match(rows[0][1], /\d{1,2} \w{3} \d{4} · 1:44:20/);
  assert.equal(rows[0][2], 'true');
  assert.equal(await page.evaluate(() => document.querySelector('#show').paused), true, 'no autoplay');
});

test('choosing the second episode plays it with its own chapters', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/playlist.html`);
  await waitForPlayer(page, '#show');
  await part(page, '#show', 'episode').nth(1).click();
  await page.waitForFunction(() => document.querySelector('#show').chapters.length === 34);
  const titles = await page.evaluate(() => document.querySelector('#show').chapters.map((c) => c.title));
  assert.deepEqual(titles, SEED[1].map((c) => c.title));
  assert.match(await page.evaluate(() => document.querySelector('#show').shadowRoot.querySelector('audio').src), /episode-19\.mp3$/);
  await page.waitForFunction(() => document.querySelector('#show').currentTime > 0.5);
  assert.equal((await episodeTitles(page, '#show'))[1][2], 'true');
  await part(page, '#show', 'title').filter({ hasText: 'Episode 19: Async hacks' }).waitFor();
  await part(page, '#show', 'chapter').nth(5).click();
  await waitForAudioTime(page, '#show', SEED[1][5].start);
  await page.evaluate(() => document.querySelector('#show').pause());
});

test("a feed player's share link opens the same episode at the same time in a new page", async () => {
  const page = await ctx.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${DIST_URL}/playlist.html`);
  await waitForPlayer(page, '#show');
  await part(page, '#show', 'episode').nth(2).click();
  await page.waitForFunction(() => /episode-18\.mp3$/.test(document.querySelector('#show').shadowRoot.querySelector('audio').src));
  await waitForMetadata(page, '#show');
  await page.evaluate(() => { const el = document.querySelector('#show'); el.pause(); el.currentTime = 777; });
  await waitForAudioTime(page, '#show', 777);
  await part(page, '#show', 'share').click();
  await part(page, '#show', 'share-result').filter({ hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#t=12:57&player=show&episode=episode-18$/);

  const again = await ctx.page();
  await again.goto(link);
  await waitForPlayer(again, '#show');
  await again.waitForFunction(() => /episode-18\.mp3$/.test(document.querySelector('#show').shadowRoot.querySelector('audio').src));
  await waitForMetadata(again, '#show');
  await waitForAudioTime(again, '#show', 777, 1);
  assert.equal((await episodeTitles(again, '#show'))[2][2], 'true', 'the episode is the current one in the list');
  // The query form many podcast sites use, naming the player by its place on the page.
  const query = await ctx.page();
  await query.goto(`${DIST_URL}/playlist.html?t=600&player=1&episode=episode-19`);
  await waitForPlayer(query, '#show');
  await query.waitForFunction(() => /episode-19\.mp3$/.test(document.querySelector('#show').shadowRoot.querySelector('audio').src));
  await waitForMetadata(query, '#show');
  await waitForAudioTime(query, '#show', 600, 1);
});

test('at the end of an episode the playlist goes on to the next one', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/playlist.html`);
  await waitForMetadata(page, '#show');
  await page.evaluate(async () => {
    const el = document.querySelector('#show');
    el.currentTime = el.duration - 1;
    await el.play();
  });
  await page.waitForFunction(() => /episode-19\.mp3$/.test(document.querySelector('#show').shadowRoot.querySelector('audio').src));
  await page.waitForFunction(() => !document.querySelector('#show').paused && document.querySelector('#show').chapters.length === 34);
  await page.evaluate(() => document.querySelector('#show').pause());
});

test('podcast:chapters wins over the notes; a feed with psc:chapters uses those', async () => {
  const json = (title) => JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title }, { startTime: 30, title: 'Two' }] });
  const page = await feedPage(fixture('podcast-chapters.xml'), { 'chapters-1.json': json('OM-101 from JSON'), 'chapters-2.json': json('OM-100 from JSON') });
  // The feed's podcast:liveItem is not an episode: two remain.
  await page.waitForFunction(() => document.querySelector('#show').shadowRoot.querySelectorAll('[part~=episode]').length === 2);
  await page.waitForFunction(() => document.querySelector('#show').chapters[0]?.title === 'OM-101 from JSON');
  // The second item has podcast:chapters, inline psc:chapters and timestamped notes: the file wins.
  await part(page, '#show', 'episode').nth(1).click();
  await page.waitForFunction(() => document.querySelector('#show').chapters[0]?.title === 'OM-100 from JSON');
  await page.evaluate(() => document.querySelector('#show').pause());

  const psc = await feedPage(fixture('psc.xml'));
  await psc.waitForFunction(() => document.querySelector('#show').chapters.length === 4);
  const chapters = await psc.evaluate(() => document.querySelector('#show').chapters);
  assert.deepEqual(chapters.map((c) => c.title), ['Begrüßung', 'Herbert Bayer & die Universal', 'Kleinschreibung im Alltag', 'Ausklang']);
  assert.equal(chapters[1].start, 200.5);
  assert.equal(chapters[1].url, 'https://example.org/bayer');
});

test('a malformed or missing feed shows a clear error and the rest of the player still works', async () => {
  for (const feed of ['<rss><channel><item><title>Cut</title><enclosure url="a.mp3', null]) {
    const page = await ctx.page();
    if (feed) await page.route('**/broken-feed.xml', (route) => route.fulfill({ contentType: 'application/rss+xml', body: feed }));
    await page.goto(`${DIST_URL}/playlist.html`);
    await page.evaluate((name) => {
      const el = document.createElement('chapter-player');
      el.id = 'broken';
      el.setAttribute('feed', name);
      el.setAttribute('src', 'media/episode-18.mp3');
      el.textContent = '(00:00:00) INTRO\n(00:04:17) PART 0: SPORTS NEWS\n(00:06:53) PART 1';
      document.querySelector('main').append(el);
    }, feed ? 'broken-feed.xml' : 'missing-feed.xml');
    await waitForPlayer(page, '#broken');
    const alert = part(page, '#broken', 'episode-list').locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), feed ? /could not be loaded: the file is not in a form the player reads/ : /could not be loaded: HTTP 404/);
    await waitForMetadata(page, '#broken');
    await part(page, '#broken', 'chapter').nth(1).click();
    await waitForAudioTime(page, '#broken', 257);
  }
});

test('mount() takes a JSON playlist', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/playlist.html`);
  const error = await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    return mount(document.createElement('div'), { playlist: [{ src: 'a.mp3' }, { title: 'no src' }] }).then(() => '', (e) => e.message);
  });
  assert.match(error, /"playlist\[1\]\.src" is required/);
  const empty = await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    return mount(document.createElement('div'), { playlist: [] }).then(() => '', (e) => e.message);
  });
  assert.match(empty, /"playlist" is empty/);
  await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    const div = document.createElement('div');
    div.id = 'json';
    document.querySelector('main').append(div);
    window.jsonPlayer = await mount(div, {
      show: 'core.py',
      playlist: [
        { src: 'media/episode-20.mp3', title: 'First', notes: '(00:00) A\n(01:00) B', duration: '1:44:20' },
        { src: 'media/episode-18.mp3', title: 'Second', chapters: [{ start: 0, title: 'X' }, { start: 257, title: 'Y' }] },
      ],
    });
  });
  await waitForPlayer(page, '#json');
  assert.deepEqual((await episodeTitles(page, '#json')).map((r) => r[0]), ['First', 'Second']);
  await part(page, '#json', 'episode').nth(1).click();
  await page.waitForFunction(() => window.jsonPlayer.chapters.map((c) => c.title).join() === 'X,Y');
  await part(page, '#json', 'chapter').nth(1).click();
  await waitForAudioTime(page, '#json', 257);
  await page.evaluate(() => window.jsonPlayer.pause());
});

test('mount() twice on one element leaves one player, and one audible', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/playlist.html`);
  const state = await page.evaluate(async () => {
    // Every audio element that is asked to play, attached or not.
    const played = new Set();
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () { played.add(this); return play.call(this); };
    const { mount } = await import('/chapter-player.js');
    const div = document.createElement('div');
    document.querySelector('main').append(div);
    const first = await mount(div, { src: 'media/episode-18.mp3', title: 'First', notes: '(00:00) A\n(01:00) B' });
    // Asked to play, and replaced before its audio has even loaded: it must not start later.
    first.play().catch(() => {});
    const second = await mount(div, { src: 'media/episode-20.mp3', title: 'Second', notes: '(00:00) C\n(02:00) D' });
    const wait = () => new Promise((r) => setTimeout(r, 800));
    const audibleNow = () => [...played].filter((a) => !a.paused).map((a) => a.src.split('/').pop());
    // Replaced, the first player falls silent by itself (not only when another one starts).
    await wait();
    const afterMount = audibleNow();
    await second.play();
    await wait();
    const audible = [afterMount, audibleNow()];
    // The first handle is still safe to call, and does nothing.
    first.pause();
    const result = {
      audible,
      players: div.shadowRoot.querySelectorAll('[part~=player]').length,
      title: div.shadowRoot.querySelector('[part~=title]')?.textContent,
    };
    second.pause();
    return result;
  });
  assert.deepEqual(state, { audible: [[], ['episode-20.mp3']], players: 1, title: 'Second' });
});
