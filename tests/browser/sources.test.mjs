// Chapters from the MP3 itself (ID3 CHAP frames over a Range request), and the show notes shown
// with every timestamp clickable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  part,
  seedExpected,
  EPISODES,
} from './harness.mjs';

const ctx = useBrowser();
const EP18_CHAPTERS = seedExpected()[EPISODES.findIndex((e) => e.id === 'ep18')];

async function addPlayer(page, attrs, notes = '') {
  await page.evaluate(([a, n]) => {
    const el = document.createElement('chapter-player');
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
    el.textContent = n;
    document.querySelector('main').prepend(el);
  }, [attrs, notes]);
  await waitForPlayer(page, `#${attrs.id}`);
}

test('an MP3 with ID3 chapters and no other source gets its chapters from the file', async () => {
  const page = await ctx.page();
  const ranges = [];
  page.on('request', (r) => {
    if (r.url().endsWith('episode-18-id3.mp3') && r.headers().range) ranges.push(r.headers().range);
  });
  await openDemo(page);
  await addPlayer(page, { id: 'id3', src: 'media/episode-18-id3.mp3', 'episode-title': 'ID3 only' });
  await page.waitForFunction(() => document.querySelector('#id3').chapters.length === 31);
  const titles = await page.evaluate(() => document.querySelector('#id3').chapters.map((c) => [c.start, c.title]));
  assert.deepEqual(titles, EP18_CHAPTERS.map((c) => [c.start, c.title]));
  assert.ok(ranges.includes('bytes=0-9'), `asked for the tag header first: ${ranges}`);
  await waitForMetadata(page, '#id3');
  await part(page, '#id3', 'chapter').nth(6).click();
  await waitForAudioTime(page, '#id3', EP18_CHAPTERS[6].start);
});

test('a server that ignores Range: no chapters, no error, the player still plays', async () => {
  const page = await ctx.page();
  // Answers a Range request with the whole file (200), as servers without Range support do.
  const answered = [];
  await page.route('**/no-range.mp3', async (route) => {
    const range = route.request().headers().range ?? null;
    const response = await route.fetch({ url: route.request().url().replace('no-range.mp3', 'media/episode-18-id3.mp3'), headers: {} });
    answered.push(range);
    await route.fulfill({ status: 200, headers: { 'content-type': 'audio/mpeg' }, body: await response.body() });
  });
  await openDemo(page);
  await addPlayer(page, { id: 'norange', src: 'no-range.mp3' });
  // The widget asked for the tag's header with a Range, and was sent the whole file instead.
  await page.waitForFunction(() => document.querySelector('#norange'));
  const deadline = Date.now() + 10_000;
  while (!answered.includes('bytes=0-9') && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok(answered.includes('bytes=0-9'), `the ID3 header was asked for: ${JSON.stringify(answered)}`);
  // It gave up on that answer (no request for the tag itself; the audio element's own open-ended
  // "bytes=0-" requests are its own) and the audio still plays.
  await waitForMetadata(page, '#norange');
  await page.evaluate(() => document.querySelector('#norange').play());
  await page.waitForFunction(() => document.querySelector('#norange').shadowRoot.querySelector('audio').currentTime > 0.2);
  await page.evaluate(() => document.querySelector('#norange').pause());
  assert.equal(answered.filter((r) => r && /^bytes=0-\d+$/.test(r) && r !== 'bytes=0-9').length, 0, `no tag read after a 200: ${JSON.stringify(answered)}`);
  assert.equal(await page.evaluate(() => document.querySelector('#norange').chapters.length), 0);
  assert.equal(await part(page, '#norange', 'error').count(), 0);
});

test('the show notes panel: timestamps seek, links are safe, markup stays text', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await part(page, '#ep18', 'notes-toggle').click();
  const stamps = part(page, '#ep18', 'timestamp');
  assert.equal(await stamps.count(), 31);
  await stamps.nth(9).click();
  await waitForAudioTime(page, '#ep18', EP18_CHAPTERS[9].start);

  await page.evaluate(() => {
    const el = document.createElement('chapter-player');
    el.id = 'notes';
    el.setAttribute('src', 'media/episode-20.mp3');
    el.innerHTML = '<p>Links: <a href="https://example.org/pep">PEP</a> and <a href="javascript:window.__pwned=1">bad</a></p>'
      + '<p>(00:00) Intro <b>bold</b> <img alt="pic"></p><p>(01:30) Next, see 1:02:03 later</p>';
    document.querySelector('main').prepend(el);
  });
  await waitForPlayer(page, '#notes');
  await part(page, '#notes', 'notes-toggle').click();
  const links = await page.evaluate(() =>
    [...document.querySelector('#notes').shadowRoot.querySelectorAll('.notes-body a')].map((a) => [a.textContent, a.href, a.rel]));
  assert.deepEqual(links, [['PEP', 'https://example.org/pep', 'noopener noreferrer']]);
  const times = await page.evaluate(() =>
    [...document.querySelector('#notes').shadowRoot.querySelectorAll('[part~=timestamp]')].map((b) => b.dataset.start));
  assert.deepEqual(times, ['0', '90', '3723']);
  assert.equal(await page.evaluate(() => document.querySelector('#notes').shadowRoot.querySelectorAll('.notes-body img, .notes-body b').length), 0);
  // What the page shows, and what a screen reader says for the timestamp.
  const intro = await page.evaluate(() => {
    const p = document.querySelector('#notes').shadowRoot.querySelector('.notes-body p:nth-child(2)');
    const visible = p.cloneNode(true);
    visible.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
    return { shown: visible.textContent.replace(/\s+/g, ' ').trim(), spoken: p.querySelector('[part~=timestamp] .visually-hidden').textContent };
  });
  assert.deepEqual(intro, { shown: '(00:00) Intro bold', spoken: 'Seek to 0 seconds' });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
