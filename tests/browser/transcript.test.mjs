// Transcripts as listeners use them: every Podcasting 2.0 format from real-looking files, the
// file chosen by language with a fallback, a link when the server sends no CORS header, cues that
// seek on click and Enter, following that pauses for the reader's hand and resumes only on
// "Back to now", a seek or a cue, search with counts and highlights, quotes, three hours of text
// in the page, and no accessibility violations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import {
  useBrowser,
  servePage,
  waitForMetadata,
  waitForAudioTime,
  audioTime,
  axeViolations,
  screenshot,
  DIST_URL,
  REPO,
} from './harness.mjs';

const ctx = useBrowser();
const FIXTURES = join(REPO, 'tests/browser/fixtures/transcripts');
const SEL = '#t';

/** Serves the fixtures (with a CORS header, as a CDN would) and `extra` files by name. */
async function open(page, { extra = {}, viewport } = {}) {
  if (viewport) await page.setViewportSize(viewport);
  await page.route(`${DIST_URL}/transcripts/*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name in extra) return route.fulfill(extra[name]);
    try {
      return route.fulfill({ status: 200, body: readFileSync(join(FIXTURES, name)), headers: { 'access-control-allow-origin': '*' } });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.goto(await servePage(page, 'transcript.html'));
  await waitForMetadata(page, SEL);
}

const root = (page) => page.locator(`${SEL} [part~="transcript"]`);

async function panel(page) {
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-cue"]'), SEL);
  await page.evaluate((s) => { document.querySelector(s).shadowRoot.querySelector('[part~="transcript"]').open = true; }, SEL);
}

/** Speaker and text of the first `n` paragraphs. */
function turns(page, n) {
  return page.evaluate(([s, n]) => [...document.querySelector(s).shadowRoot.querySelectorAll('[part~="transcript-turn"]')].slice(0, n).map((p) => [
    p.querySelector('[part~="transcript-speaker"]')?.textContent ?? null,
    [...p.querySelectorAll('[part~="transcript-cue"]')].map((c) => c.textContent).join(' '),
  ]), [SEL, n]);
}

function cueTop(page, index) {
  return page.evaluate(([s, i]) => {
    const body = document.querySelector(s).shadowRoot.querySelector('[part~="transcript-body"]');
    const cue = body.querySelector(`[data-cue="${i}"]`);
    return cue.getBoundingClientRect().top - body.getBoundingClientRect().top;
  }, [SEL, index]);
}

const bodyScroll = (page) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-body"]').scrollTop, SEL);
const currentCue = (page) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-cue-current"]')?.dataset.cue ?? null, SEL);

test('every format, with the oddities of real files: WebVTT, SRT, word-level JSON, HTML and plain text', async () => {
  const page = await ctx.page();
  await open(page);
  const expected = {
    vtt: [['Speaker 1', 'Hello and welcome to core.py. This is episode eighteen, about reference counting.'], ['Łukasz Langa', 'We talk about Python internals (because we work on them). Today: a café, a PEP, and the garbage collector.']],
    json: [['Speaker 1', 'Hello and welcome to core.py. This is episode eighteen, about reference counting.'], ['Łukasz Langa', 'We talk about Python internals (because we work on them). Today: a café, a PEP, and the garbage collector.']],
    html: [['Speaker 1', 'Hello and welcome to core.py. This is episode eighteen, about reference counting.'], ['Łukasz Langa', 'We talk about Python internals (because we work on them). Today: a café, a PEP, and the garbage collector.']],
    srt: [[null, 'Note: this transcript was made for the tests.'], ['Speaker 1', 'This is episode eighteen, about reference counting.']],
    txt: [['Speaker 1', 'Hello and welcome to core.py. This is episode eighteen, about reference counting.'], ['Łukasz Langa', 'We talk about Python internals (because we work on them). Today: a café, a PEP, and the garbage collector.']],
  };
  for (const [ext, want] of Object.entries(expected)) {
    await page.evaluate(([s, ext]) => document.querySelector(s).setAttribute('transcript', `transcripts/ep18.${ext}`), [SEL, ext]);
    await page.waitForFunction(([s, text]) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-turn"]')?.textContent.includes(text), [SEL, want[0][1].slice(0, 20)]);
    await panel(page);
    assert.deepEqual(await turns(page, 2), want, ext);
    // Timed formats seek; plain text has no times to seek to and follows nothing.
    const follow = await page.evaluate((s) => !!document.querySelector(s).shadowRoot.querySelector('[part~="transcript-follow"]'), SEL);
    assert.equal(follow, ext !== 'txt', `${ext}: follow control`);
  }
  // The chapters' titles are headings inside the text.
  await page.evaluate((s) => document.querySelector(s).setAttribute('transcript', 'transcripts/ep18.vtt'), SEL);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelectorAll('[part~="transcript-chapter"]').length >= 2, SEL);
  const headings = await page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('[part~="transcript-chapter"]')].map((h) => h.textContent), SEL);
  assert.deepEqual(headings.slice(0, 3), ['INTRO', 'PART 0: SPORTS NEWS', 'PART 1: REFERENCE COUNTING']);
});

test('a feed item\'s transcripts: the listener\'s language first, timed before untimed, the next when one fails; a link when none can be fetched', async () => {
  const page = await ctx.page();
  const feed = (lang) => ({
    status: 200,
    contentType: 'application/rss+xml',
    body: `<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>core.py</title>
      <item><title>Episode 18</title><enclosure url="../media/episode-18.mp3" type="audio/mpeg"/>
        <podcast:transcript url="ep18.txt" type="text/plain" language="en"/>
        <podcast:transcript url="missing.srt" type="application/x-subrip" language="en"/>
        <podcast:transcript url="ep18.de.vtt" type="text/vtt" language="de"/>
        <podcast:transcript url="ep18.html" type="text/html" language="en" rel="captions"/>
      </item></channel></rss>`,
  });
  await open(page, { extra: { 'feed.xml': feed() } });
  const chosen = async (lang) => {
    const before = await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-turn"]')?.textContent ?? '', SEL);
    await page.evaluate(([s, lang]) => {
      const el = document.querySelector(s);
      el.removeAttribute('transcript');
      el.setAttribute('lang', lang);
      el.setAttribute('feed', `transcripts/feed.xml?${lang}`);
    }, [SEL, lang]);
    await page.waitForFunction(([s, before]) => {
      const text = document.querySelector(s).shadowRoot.querySelector('[part~="transcript-turn"]')?.textContent;
      return text && text !== before;
    }, [SEL, before]);
    return (await turns(page, 1))[0][1];
  };
  // German: the German file. English: the missing SRT fails, then the HTML marked as captions
  // (timed) comes before the untimed text.
  assert.match(await chosen('de'), /^Deutsch: Hello and welcome/);
  assert.match(await chosen('en'), /^Hello and welcome to core\.py\. This is episode/);
  assert.ok(await page.evaluate((s) => !!document.querySelector(s).shadowRoot.querySelector('[part~="transcript-follow"]'), SEL), 'the timed one');

  // A real server of another origin that sends the file without a CORS header: the browser
  // refuses the fetch, and the panel links to the file, named with its format. A page sees any
  // refused fetch as the same network error (here Chromium's local-network rule refuses it too,
  // since the test page is answered by routing); the page's routing cannot stand in for the
  // server, as it answers cross-origin requests with CORS allowed.
  const other = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/vtt' });
    res.end(readFileSync(join(FIXTURES, 'ep18.vtt')));
  });
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  const elsewhere = `http://127.0.0.1:${other.address().port}/transcripts/ep18.vtt`;
  await page.evaluate(([s, url]) => {
    const el = document.querySelector(s);
    el.removeAttribute('feed');
    el.setAttribute('transcript', url);
  }, [SEL, elsewhere]);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-link"]'), SEL);
  await page.evaluate((s) => { document.querySelector(s).shadowRoot.querySelector('[part~="transcript"]').open = true; }, SEL);
  const link = await page.evaluate((s) => {
    const a = document.querySelector(s).shadowRoot.querySelector('[part~="transcript-link"]');
    return [a.textContent.trim(), a.href, a.checkVisibility()];
  }, SEL);
  other.close();
  assert.deepEqual(link, ['Open the transcript (VTT)', elsewhere, true]);
  await screenshot(page, 'transcript-link-fallback', { locator: root(page) });
});

test('a click or Enter on a cue seeks there; the panel is one Tab stop with arrows between cues', async () => {
  const page = await ctx.page();
  await open(page);
  await panel(page);
  await page.locator(`${SEL} [data-cue="4"]`).click();
  await waitForAudioTime(page, SEL, 20, 0.5);
  // The cue clicked has the focus and is the Tab stop; ↓ moves to the next, Enter seeks to it.
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.dataset.cue, SEL);
  assert.equal(focused, '5');
  await page.keyboard.press('Enter');
  await waitForAudioTime(page, SEL, 31, 0.5);
  const tabStops = await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelectorAll('[part~="transcript-cue"][tabindex="0"]').length, SEL);
  assert.equal(tabStops, 1);
  // Space seeks too, and does not toggle playback.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  await waitForAudioTime(page, SEL, 38.5, 0.5);
  assert.equal(await page.evaluate((s) => document.querySelector(s).paused, SEL), true);
});

test('follow: pauses on a wheel, a touch swipe and a key in the panel; resumes only on Back to now, a seek or a cue', async () => {
  const page = await ctx.page({ hasTouch: true });
  await open(page);
  await panel(page);
  const body = page.locator(`${SEL} [part~="transcript-body"]`);
  await body.scrollIntoViewIfNeeded();
  // Following: a seek far ahead brings the current cue into the middle of the panel.
  await page.evaluate((s) => { document.querySelector(s).currentTime = 300; }, SEL);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-cue-current"]'), SEL);
  await page.waitForTimeout(300);
  const height = await body.evaluate((b) => b.clientHeight);
  let top = await cueTop(page, await currentCue(page));
  assert.ok(top > height / 4 && top < (height * 3) / 4, `current cue in the middle (${top} of ${height})`);
  const noBack = () => page.evaluate((s) => !document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]'), SEL);
  assert.ok(await noBack());

  const pausedBy = async (what, act) => {
    await act();
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]'), SEL, { timeout: 3000 })
      .catch(() => assert.fail(`${what} did not pause following`));
    // Playback moves on: the panel stays where the reader put it.
    const before = await bodyScroll(page);
    await page.evaluate((s) => { document.querySelector(s).currentTime = 560; }, SEL);
    await page.waitForTimeout(400);
    // A seek resumes following (that is the rule), so check the scroll only for what does not seek.
    return before;
  };

  // A wheel over the panel.
  const box = await body.boundingBox();
  await pausedBy('a wheel', async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
  });
  // The seek above resumed following: the current cue is back in view.
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]') === null, SEL);
  top = await cueTop(page, await currentCue(page));
  assert.ok(top >= 0 && top < height, 'a seek resumed following');

  // A touch swipe in the panel (CDP touch events).
  const cdp = await page.context().newCDPSession(page);
  const x = box.x + box.width / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: box.y + box.height - 20 }] });
  for (let i = 1; i <= 6; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: box.y + box.height - 20 - i * 20 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]'), SEL);
  // Paused, playback moving on does not scroll the panel (no timer resumes it either).
  const held = await bodyScroll(page);
  await page.evaluate((s) => { const a = document.querySelector(s).shadowRoot.querySelector('audio'); a.muted = true; a.playbackRate = 2; return a.play(); }, SEL);
  await page.waitForTimeout(4000);
  assert.equal(await bodyScroll(page), held, 'no scroll while paused');
  await page.evaluate((s) => document.querySelector(s).pause(), SEL);
  // Back to now resumes.
  await page.locator(`${SEL} [part~="transcript-back"]`).click();
  await page.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]'), SEL);
  top = await cueTop(page, await currentCue(page));
  assert.ok(top >= 0 && top < height, 'Back to now brings the current cue into view');

  // A key in the panel pauses; choosing a cue resumes.
  await page.locator(`${SEL} [data-cue="10"]`).focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]'), SEL);
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector('[part~="transcript-back"]'), SEL);
  await screenshot(page, 'transcript-following', { locator: page.locator(SEL) });
});

test('search: literal, case- and accent-insensitive, counted once typing settles, highlighted, Enter between matches', async () => {
  const page = await ctx.page();
  await open(page);
  await panel(page);
  const search = page.locator(`${SEL} [part~="transcript-search"]`);
  const marks = () => page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('[part~="transcript-match"]')].map((m) => m.textContent), SEL);
  const count = () => page.locator(`${SEL} [part~="transcript-count"]`).textContent();
  await search.fill('(');
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-count"]').textContent !== '', SEL);
  assert.equal(await count(), '1 of 1');
  assert.deepEqual(await marks(), ['(']);
  await search.fill('CAFE');
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-count"]').textContent !== '', SEL);
  assert.deepEqual(await marks(), ['café']);
  // Typing in the field is not a player shortcut (k, j, m, digits).
  await search.fill('');
  await search.type('sentence number 1', { delay: 20 });
  assert.equal(await page.evaluate((s) => document.querySelector(s).paused, SEL), true);
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('audio').muted, SEL), false);
  await page.waitForFunction((s) => /of/.test(document.querySelector(s).shadowRoot.querySelector('[part~="transcript-count"]').textContent), SEL);
  const total = Number((await count()).split(' of ')[1]);
  assert.ok(total >= 10, `${total} matches`);
  assert.equal((await marks()).length, total);
  await search.press('Enter');
  await search.press('Enter');
  assert.equal(await count(), `2 of ${total}`);
  await search.press('Shift+Enter');
  await search.press('Shift+Enter');
  assert.equal(await count(), `${total} of ${total}`);
  const active = await page.evaluate((s) => {
    const m = document.querySelector(s).shadowRoot.querySelector('[part~="transcript-match-active"]');
    const body = document.querySelector(s).shadowRoot.querySelector('[part~="transcript-body"]').getBoundingClientRect();
    const r = m.getBoundingClientRect();
    return r.top >= body.top && r.bottom <= body.bottom;
  }, SEL);
  assert.ok(active, 'the active match is in view');
  await screenshot(page, 'transcript-search', { locator: root(page) });
  assert.deepEqual(await axeViolations(page), []);
});

test('a quote: selecting text offers Share quote, which copies it with a link that plays that stretch', async () => {
  const page = await ctx.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page);
  await panel(page);
  // Select from the start of cue 2 to the end of cue 3, as a mouse drag would.
  await page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const range = document.createRange();
    range.setStart(root.querySelector('[data-cue="2"]').firstChild, 0);
    const last = root.querySelector('[data-cue="3"]').firstChild;
    range.setEnd(last, last.length);
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    root.querySelector('[part~="transcript-body"]').dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
  }, SEL);
  await page.locator(`${SEL} [part~="transcript-quote"]`).click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('#t=')));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^“We talk about Python internals \(because we work on them\)\. Today: a café, a PEP, and the garbage collector\.” http\S*#t=0:09,0:20&player=t$/);
  // The link plays that stretch and stops at its end.
  const link = copied.split(' ').pop();
  const again = await ctx.page();
  await open(again);
  await again.goto(link.replace('transcript.html', 'transcript.html'));
  await waitForMetadata(again, SEL);
  await waitForAudioTime(again, SEL, 9, 0.5);
});

test('three hours of word-level JSON: every word is in the page, the last one too', async () => {
  const page = await ctx.page();
  const segments = [];
  const words = 'so this is a sentence about python internals and reference counting'.split(' ');
  for (let t = 0, i = 0; t < 3 * 3600; i++) {
    const d = 0.29;
    segments.push({ speaker: `SPEAKER_0${Math.floor(i / 400) % 3}`, startTime: +t.toFixed(3), endTime: +(t + d).toFixed(3), body: words[i % words.length] + (i % 13 === 12 ? '.' : '') });
    t += d;
  }
  segments.at(-1).body = 'farewell.';
  const body = JSON.stringify({ version: '1.0.0', segments });
  await open(page, { extra: { 'long.json': { status: 200, contentType: 'application/json', body } } });
  await page.evaluate((s) => document.querySelector(s).setAttribute('transcript', 'transcripts/long.json'), SEL);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.textContent.includes('farewell.'), SEL, { timeout: 20_000 });
  const cues = await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelectorAll('[part~="transcript-cue"]').length, SEL);
  assert.ok(segments.length > 37_000 && cues > 2_000, `${segments.length} segments, ${cues} cues`);
});

test('timings far past the audio\'s end are flagged and follow is off; axe finds nothing on a phone, in a sidebar and in dark mode', async () => {
  const page = await ctx.page({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, colorScheme: 'dark' });
  const late = `WEBVTT\n\n${[0, 1, 2].map((i) => `0${i + 1}:50:00.000 --> 0${i + 1}:50:05.000\n<v Ana>Much later ${i}.\n`).join('\n')}`;
  await open(page, { extra: { 'late.vtt': { status: 200, contentType: 'text/vtt', body: late } } });
  await panel(page);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'transcript-phone-dark', { locator: page.locator(SEL) });
  await page.evaluate((s) => document.querySelector(s).setAttribute('transcript', 'transcripts/late.vtt'), SEL);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~="transcript-warning"]'), SEL);
  assert.equal(await page.evaluate((s) => !!document.querySelector(s).shadowRoot.querySelector('[part~="transcript-follow"]'), SEL), false);
  await page.setViewportSize({ width: 300, height: 740 });
  assert.deepEqual(await axeViolations(page), []);
});

test('a transcript written into the show notes is shown as the transcript, after the chapters', async () => {
  const page = await ctx.page();
  await open(page);
  const notes = [
    'Chapters', '[00:00:00] Intro', '[00:04:17] Sports news', '[00:06:53] Reference counting', '[00:08:28] New segment', '',
    'Transcript', '',
    '[00:00:00] **swyx:** Thanks for listening, this is a long first sentence of the show.', '',
    '[00:00:05] **AI Charlie:** Welcome back, friends, it has been a week since the fair.', '',
    '[00:00:28] Thank you all for your support, and stay tuned for news about the next event.', '',
    '[00:01:48] **swyx:** Welcome to the space, this is a long time coming, and I am excited.',
  ].join('\n');
  await page.evaluate(async (notes) => {
    const { mount } = await import('/chapter-player.js');
    const div = document.createElement('div');
    div.id = 'notes-transcript';
    document.querySelector('main').append(div);
    await mount(div, { src: 'media/episode-18.mp3', title: 'Notes with a transcript', notes });
  }, notes);
  await page.waitForFunction(() => document.querySelector('#notes-transcript').shadowRoot.querySelector('[part~="transcript-turn"]'));
  const chapters = await page.evaluate(() => [...document.querySelector('#notes-transcript').shadowRoot.querySelectorAll('[part~="chapter"] .chapter-title')].map((t) => t.textContent));
  assert.deepEqual(chapters, ['Intro', 'Sports news', 'Reference counting', 'New segment']);
  const speakers = await page.evaluate(() => [...document.querySelector('#notes-transcript').shadowRoot.querySelectorAll('[part~="transcript-speaker"]')].map((s) => s.textContent));
  assert.deepEqual(speakers, ['swyx', 'AI Charlie', 'swyx']);
});
