// Everything a chapter file says, shown: each chapter's image in the header and on the lock
// screen at its time (hidden chapters and end times included), a broken image replaced by the
// episode's art, thumbnails and links in the list and header, hidden chapters left out of the
// list, the ticks and previous/next — from a Podcasting 2.0 JSON file, and from ID3 APIC pictures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  servePage,
  waitForMetadata,
  waitForAudioTime,
  part,
  tickSeconds,
  axeViolations,
  screenshot,
  DIST_URL,
} from './harness.mjs';

const ctx = useBrowser();

// Images relative to the chapters file (art/), as its author wrote them.
const CHAPTERS = {
  version: '1.2.0',
  chapters: [
    { startTime: 0, title: 'Intro', img: '../media/chapter-art-1.png' },
    { startTime: 60, title: 'Sponsor', toc: false, img: '../media/chapter-art-2.png', endTime: 90 },
    { startTime: 120, title: 'Part 1', img: 'missing.png', url: 'https://example.org/part-1' },
    { startTime: 200, title: 'Part 2', endTime: 230 },
    { startTime: 300, title: 'Outro', img: '../media/chapter-art-1.png' },
  ],
};

async function open(page) {
  await page.route(`${DIST_URL}/art/chapters.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(CHAPTERS) }));
  await page.route(`${DIST_URL}/art/missing.png`, (route) => route.fulfill({ status: 404, body: 'no such image' }));
  await page.goto(await servePage(page, 'chapter-art.html'));
}

/** What the listener sees in the header, and what the lock screen is given. */
function shown(page, sel) {
  return page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const art = root.querySelector('[part~="artwork"]');
    const link = root.querySelector('[part~="chapter-url"]');
    const meta = navigator.mediaSession.metadata;
    return {
      art: art?.currentSrc.split('/').pop() ?? null,
      loaded: !!art && art.complete && art.naturalWidth > 0,
      now: root.querySelector('[part~="current-chapter"]').textContent.trim(),
      link: link ? [link.getAttribute('href'), link.getAttribute('aria-label')] : null,
      lockScreen: meta?.artwork?.[0]?.src.split('/').pop() ?? null,
    };
  }, sel);
}

async function at(page, sel, seconds) {
  await page.evaluate(([s, t]) => { document.querySelector(s).currentTime = t; }, [sel, seconds]);
  await waitForAudioTime(page, sel, seconds, 1);
}

test('a JSON chapters file: art and lock screen follow each chapter, hidden chapters and end times included; a 404 image gives the episode art', async () => {
  const page = await ctx.page();
  await open(page);
  await waitForMetadata(page, '#json');
  await page.waitForFunction(() => document.querySelector('#json').chapters.length > 0);
  // The lock screen belongs to the player that plays.
  await page.evaluate(() => { const p = document.querySelector('#json'); p.muted = true; return p.play(); });
  await page.waitForFunction(() => navigator.mediaSession.metadata?.album === 'Episode 18 with chapter art');

  // Listed: every chapter but the hidden one, in the list, the ticks and the Media Session.
  const titles = await part(page, '#json', 'chapter').evaluateAll((rows) =>
    rows.filter((r) => r.checkVisibility()).map((r) => r.querySelector('.chapter-title').textContent));
  assert.deepEqual(titles, ['Intro', 'Part 1', 'Part 2', 'Outro']);
  assert.deepEqual(await tickSeconds(page, '#json'), [120, 200, 300]);
  const info = await page.evaluate(() => [...navigator.mediaSession.metadata.chapterInfo].map((c) => [c.title, c.artwork[0]?.src.split('/').pop() ?? null]));
  assert.deepEqual(info, [['Intro', 'chapter-art-1.png'], ['Part 1', 'missing.png'], ['Part 2', null], ['Outro', 'chapter-art-1.png']]);
  // Thumbnails where chapters have images; decorative, since the title names the row. The
  // one whose image is missing is hidden rather than shown broken.
  await page.waitForFunction(() => document.querySelector('#json').shadowRoot.querySelector('[part~="chapter-art"][src$="missing.png"]')?.hidden);
  const thumbs = await page.evaluate(() => [...document.querySelector('#json').shadowRoot.querySelectorAll('[part~="chapter-art"]')].filter((i) => i.checkVisibility()).map((i) => [i.getAttribute('alt'), i.getAttribute('src').split('/').pop()]));
  assert.deepEqual(thumbs, [['', 'chapter-art-1.png'], ['', 'chapter-art-1.png']]);

  await at(page, '#json', 10);
  await page.waitForFunction(() => document.querySelector('#json').shadowRoot.querySelector('[part~="artwork"]').currentSrc.endsWith('chapter-art-1.png'));
  let s = await shown(page, '#json');
  assert.deepEqual([s.art, s.now, s.lockScreen, s.link], ['chapter-art-1.png', 'Intro', 'chapter-art-1.png', null]);
  // The next image is loaded ahead of its chapter.
  const ahead = await page.evaluate(() => document.querySelector('#json').shadowRoot.querySelector('img.preload')?.currentSrc.split('/').pop());
  assert.equal(ahead, 'chapter-art-2.png');
  await screenshot(page, 'chapter-art-intro', { locator: page.locator('#json') });

  // Inside the hidden chapter: its art, while the chapter stays Intro.
  await at(page, '#json', 70);
  await page.waitForFunction(() => navigator.mediaSession.metadata?.artwork?.[0]?.src.endsWith('chapter-art-2.png'));
  s = await shown(page, '#json');
  assert.deepEqual([s.art, s.now, s.lockScreen], ['chapter-art-2.png', 'Intro', 'chapter-art-2.png']);
  // After its end time: the episode's art again.
  await at(page, '#json', 95);
  await page.waitForFunction(() => navigator.mediaSession.metadata?.artwork?.[0]?.src.endsWith('artwork.svg'));
  s = await shown(page, '#json');
  assert.deepEqual([s.art, s.now], ['artwork.svg', 'Intro']);

  // Part 1: its image is a 404, so the episode's art shows; its link is in the header, named.
  await at(page, '#json', 125);
  await page.waitForFunction(() => document.querySelector('#json').shadowRoot.querySelector('[part~="artwork"]').currentSrc.endsWith('artwork.svg'));
  s = await shown(page, '#json');
  assert.equal(s.loaded, true, 'the episode art is on screen');
  assert.deepEqual([s.now, s.link], ['Part 1', ['https://example.org/part-1', 'Link for Part 1']]);
  await screenshot(page, 'chapter-art-broken-image-and-link', { locator: page.locator('#json') });

  // Part 2 past its end time: the episode's art.
  await at(page, '#json', 235);
  s = await shown(page, '#json');
  assert.deepEqual([s.art, s.now], ['artwork.svg', 'Part 2']);

  // Previous and next pass over the hidden chapter.
  await at(page, '#json', 10);
  await page.evaluate(() => document.querySelector('#json').shadowRoot.querySelector('[part~="next-chapter"]').click());
  await waitForAudioTime(page, '#json', 120, 1);
  await page.evaluate(() => document.querySelector('#json').shadowRoot.querySelector('[part~="previous-chapter"]').click());
  await waitForAudioTime(page, '#json', 0, 1);
  await page.evaluate(() => document.querySelector('#json').pause());

  assert.deepEqual(await axeViolations(page), []);
});

test('an MP3 whose ID3 chapters carry APIC pictures: shown from memory in the header, the list and the lock screen', async () => {
  const page = await ctx.page();
  await open(page);
  await waitForMetadata(page, '#id3');
  await page.waitForFunction(() => document.querySelector('#id3').shadowRoot.querySelectorAll('[part~="chapter-art"]').length === 2);
  // The thumbnails load lazily: each is given its blob URL at once, and shows it once the browser
  // gets to it, so wait for the pictures to be decoded rather than read `currentSrc` straight away.
  await page.waitForFunction(() => [...document.querySelector('#id3').shadowRoot.querySelectorAll('[part~="chapter-art"]')]
    .every((i) => i.currentSrc.startsWith('blob:') && i.complete && i.naturalWidth > 0));
  const second = await page.evaluate(() => document.querySelector('#id3').chapters[1].start);
  await page.evaluate(() => { const p = document.querySelector('#id3'); p.muted = true; return p.play(); });
  await at(page, '#id3', second + 2);
  await page.waitForFunction(() => {
    const art = document.querySelector('#id3').shadowRoot.querySelector('[part~="artwork"]');
    return art.currentSrc.startsWith('blob:') && art.complete && art.naturalWidth === 96;
  });
  await page.waitForFunction(() => navigator.mediaSession.metadata?.artwork?.[0]?.src.startsWith('blob:'));
  await page.evaluate(() => document.querySelector('#id3').pause());
  await screenshot(page, 'chapter-art-id3-pictures', { locator: page.locator('#id3') });
  assert.deepEqual(await axeViolations(page), []);
});
