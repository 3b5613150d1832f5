// Robustness: several players on a page, players added and removed by script, hostile notes,
// broken audio and chapter URLs, and mount()'s configuration errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForPlayer,
  waitForMetadata,
  waitForAudioTime,
  audioState,
  audioTime,
  assertTime,
  part,
  chapterButtons,
  seedExpected,
  DIST_URL,
  tickSeconds,
  screenshot,
} from './harness.mjs';

const ctx = useBrowser();
const [, , EP18, EP17] = seedExpected();

/** Appends a <chapter-player id=…> built from `attrs` and plain-text `notes` to <main>. */
function addPlayer(page, id, attrs, notes = '') {
  return page.evaluate(
    ([id, attrs, notes]) => {
      const el = document.createElement('chapter-player');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.textContent = notes;
      document.querySelector('main').append(el);
    },
    [id, attrs, notes],
  );
}

async function titles(page, sel) {
  return (await chapterButtons(page, sel)).map((c) => c.title);
}

test('two players on one page stay independent', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, '#ep18');
  await waitForMetadata(page, '#ep17');
  await part(page, '#ep18', 'chapter').nth(4).click();
  await waitForAudioTime(page, '#ep18', EP18[4].start);
  await part(page, '#ep17', 'chapter').nth(2).click();
  await waitForAudioTime(page, '#ep17', EP17[2].start);
  assertTime(await audioTime(page, '#ep18'), EP18[4].start, 'seeking ep17 left ep18 alone');
  for (const id of ['#ep20', '#ep19', '#ep16']) assert.equal(await audioTime(page, id), 0, `${id} stays at 0`);

  const current = async (sel) => (await chapterButtons(page, sel)).flatMap((c, i) => (c.current === 'true' ? [i] : []));
  assert.deepEqual(await current('#ep18'), [4]);
  assert.deepEqual(await current('#ep17'), [2]);
  assert.deepEqual(await current('#ep20'), [0]);
  assert.equal((await part(page, '#ep18', 'current-chapter').textContent()).trim(), EP18[4].title);
  assert.equal((await part(page, '#ep17', 'current-chapter').textContent()).trim(), EP17[2].title);

  // Playing one does not play the other.
  await part(page, '#ep18', 'play').click();
  await page.waitForFunction(
    (t) => document.querySelector('#ep18').shadowRoot.querySelector('audio').currentTime > t + 0.3,
    EP18[4].start,
  );
  const other = await audioState(page, '#ep17');
  assert.equal(other.paused, true);
  assertTime(other.currentTime, EP17[2].start, 'ep17 stayed where it was');
  assert.equal(await part(page, '#ep17', 'player').getAttribute('data-state'), 'paused');
  await page.evaluate(() => document.querySelector('#ep18').pause());
});

test('an element added after load upgrades, and can be removed and added again', async () => {
  const page = await ctx.page();
  await openDemo(page);
  const notes = 'Show notes.\n(00:00) Hello\n(01:00) World\n(02:30) Goodbye\n';
  await addPlayer(page, 'late', { src: 'media/episode-18.mp3', 'episode-title': 'Late' }, notes);
  await waitForPlayer(page, '#late');
  assert.deepEqual(await titles(page, '#late'), ['Hello', 'World', 'Goodbye']);
  assert.deepEqual(await page.evaluate(() => document.querySelector('#late').chapters), [
    { start: 0, title: 'Hello' },
    { start: 60, title: 'World' },
    { start: 150, title: 'Goodbye' },
  ]);

  // Removed while playing: the player stops and lets go of its audio.
  await waitForMetadata(page, '#late');
  await page.evaluate(() => document.querySelector('#late').play());
  await page.waitForFunction(() => document.querySelector('#late').shadowRoot.querySelector('audio').currentTime > 0.2);
  await page.evaluate(() => {
    window.__late = document.querySelector('#late');
    window.__lateAudio = window.__late.shadowRoot.querySelector('audio');
    window.__late.remove();
  });
  const detached = await page.evaluate(() => ({
    audio: window.__late.shadowRoot.querySelector('audio'),
    connected: window.__late.isConnected,
    paused: window.__lateAudio.paused,
    src: window.__lateAudio.getAttribute('src'),
  }));
  assert.deepEqual(detached, { audio: null, connected: false, paused: true, src: null });

  // Added again: a working player again.
  await page.evaluate(() => document.querySelector('main').append(window.__late));
  await waitForMetadata(page, '#late');
  assert.equal(await page.locator('#late [part~="player"]').count(), 1, 'one player, not two');
  assert.equal(await page.evaluate(() => document.querySelector('#late').shadowRoot.querySelectorAll('audio').length), 1);
  assert.deepEqual(await titles(page, '#late'), ['Hello', 'World', 'Goodbye']);
  await part(page, '#late', 'chapter').nth(2).click();
  await waitForAudioTime(page, '#late', 150);
  assert.equal((await part(page, '#late', 'current-chapter').textContent()).trim(), 'Goodbye');

  // Moved within the page in one go: still one working player.
  await page.evaluate(() => document.querySelector('header').append(document.querySelector('#late')));
  await waitForMetadata(page, '#late');
  assert.equal(await page.locator('#late [part~="player"]').count(), 1);
  await part(page, '#late', 'chapter').nth(1).click();
  await waitForAudioTime(page, '#late', 60);
});

test('hostile show notes render as inert text', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await page.evaluate(() => {
    window.__pageImgErrors = 0;
  });
  // Plain-text notes with markup in them: shown as the characters they are.
  const text = '(00:00) <img src=x onerror="window.__pwned=1"> Intro\n(01:00) <script>window.__pwned=2</script> Next\n';
  await addPlayer(page, 'hostile-text', { src: 'media/episode-18.mp3' }, text);

  // HTML notes inside the element. The page's own <img> errors as any would (counted, to show
  // the handler works); a copy of it inside the player's shadow root would set __pwned.
  await page.evaluate(() => {
    const el = document.createElement('chapter-player');
    el.id = 'hostile-element-html';
    el.setAttribute('src', 'media/episode-18.mp3');
    document.querySelector('main').append(el);
    el.innerHTML =
      '<p>Timestamps:<br>(00:00) <img src=x onerror="if (this.getRootNode() instanceof ShadowRoot) window.__pwned=8; ' +
      'else window.__pageImgErrors++"> Intro<br>(01:00) <span onmouseover="window.__pwned=9">Next</span></p>';
  });

  // HTML notes given to mount() as a string: nothing of it is ever parsed by the page.
  await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    const div = document.createElement('div');
    div.id = 'hostile-html';
    document.querySelector('main').append(div);
    window.__hostile = await mount(div, {
      src: 'media/episode-18.mp3',
      notes:
        '<p>Timestamps:<br>(00:00) <img src=x onerror="window.__pwned=3"> Intro<br>' +
        '(01:00) <b onmouseover="window.__pwned=4">Bold</b> <script>window.__pwned=5</script>Next<br>' +
        '(02:00) <a href="javascript:window.__pwned=6">Link</a> &lt;img src=x onerror=window.__pwned=7&gt;</p>',
    });
  });

  for (const sel of ['#hostile-text', '#hostile-element-html', '#hostile-html']) {
    await waitForPlayer(page, sel);
    const shown = await titles(page, sel);
    assert.ok(shown.length >= 2, `${sel}: chapters were found (${JSON.stringify(shown)})`);
    assert.match(shown[0], /Intro$/);
    assert.match(shown[1], /Next$/);
    assert.deepEqual(
      shown,
      (await page.evaluate((s) => (s === '#hostile-html' ? window.__hostile : document.querySelector(s)).chapters, sel)).map(
        (c) => c.title,
      ),
      `${sel}: the list shows el.chapters' titles`,
    );
    const dangerous = await page.evaluate(
      (s) =>
        [
          ...document
            .querySelector(s)
            .shadowRoot.querySelectorAll(
              'img:not([part~="artwork"]), script, iframe, object, [onerror], [onmouseover], a[href^="javascript:"]',
            ),
        ].map((e) => e.outerHTML),
      sel,
    );
    assert.deepEqual(dangerous, [], `${sel}: no element was made from the notes`);
    // Every title is text nodes only, and reads exactly as the title.
    const nodes = await page.evaluate(
      (s) =>
        [...document.querySelector(s).shadowRoot.querySelectorAll('[part~="chapter"] .chapter-title')].map((t) => ({
          types: [...t.childNodes].map((n) => n.nodeType),
          text: t.textContent,
        })),
      sel,
    );
    nodes.forEach(({ types, text }, i) => {
      assert.ok(types.every((t) => t === 3), `${sel}: title ${i} is text only (node types ${types})`);
      assert.equal(text, shown[i], `${sel}: title ${i} reads as its text`);
    });
    // Hovering over and clicking the titles runs nothing either.
    for (let i = 0; i < shown.length; i++) await part(page, sel, 'chapter').nth(i).hover();
    await part(page, sel, 'chapter').nth(1).click();
  }
  // Text notes keep their angle brackets as characters.
  assert.deepEqual(await titles(page, '#hostile-text'), [
    '<img src=x onerror="window.__pwned=1"> Intro',
    '<script>window.__pwned=2</script> Next',
  ]);
  // An escaped tag in HTML notes stays text too.
  assert.match((await titles(page, '#hostile-html'))[2], /<img src=x onerror=window.__pwned=7>/);

  await page.waitForFunction(() => window.__pageImgErrors >= 1);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script from the notes ran');
});

test('a missing audio file shows an error naming it, without a Retry that cannot help; other players still work', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await page.evaluate(() => {
    window.__errors = 0;
    const el = document.createElement('chapter-player');
    el.id = 'broken';
    el.setAttribute('src', 'media/no-such-episode.mp3');
    el.setAttribute('episode-title', 'Broken');
    el.textContent = '(00:00) One\n(01:00) Two\n';
    el.addEventListener('error', () => window.__errors++);
    document.querySelector('main').append(el);
  });
  await waitForPlayer(page, '#broken');
  const error = part(page, '#broken', 'error');
  await error.waitFor({ state: 'visible' });
  assert.equal(await error.getAttribute('role'), 'alert');
  // The server is asked why: the message settles on "not found", naming the file.
  await page.waitForFunction(() => /HTTP 404/.test(document.querySelector('#broken').shadowRoot.querySelector('[part~=error]').textContent));
  const reason = (await error.innerText()).trim();
  assert.equal(reason, `The audio ${DIST_URL}/media/no-such-episode.mp3 was not found (HTTP 404).`);
  assert.equal(await part(page, '#broken', 'retry').count(), 0, 'no Retry for a missing file');
  assert.equal(await part(page, '#broken', 'player').getAttribute('data-state'), 'error');
  assert.equal(await part(page, '#broken', 'play').isDisabled(), true, 'play is disabled');
  assert.ok((await page.evaluate(() => window.__errors)) >= 1, 'an error event reached the element');
  const rejected = await page.evaluate(() =>
    document.querySelector('#broken').play().then(() => null, (e) => String(e?.message ?? e)),
  );
  assert.ok(rejected, 'play() rejects');
  // The chapters are still listed.
  assert.deepEqual(await titles(page, '#broken'), ['One', 'Two']);

  // The demo's players are unaffected.
  await waitForMetadata(page, '#ep18');
  assert.equal(await part(page, '#ep18', 'error').count(), 0);
  await part(page, '#ep18', 'chapter').nth(7).click();
  await waitForAudioTime(page, '#ep18', EP18[7].start);
  await page.evaluate(() => document.querySelector('#ep18').play());
  await page.waitForFunction(
    (t) => document.querySelector('#ep18').shadowRoot.querySelector('audio').currentTime > t + 0.3,
    EP18[7].start,
  );
  assert.equal(await part(page, '#ep18', 'player').getAttribute('data-state'), 'playing');
  await page.evaluate(() => document.querySelector('#ep18').pause());
});

test('Retry recovers once the audio can be loaded again', async () => {
  const page = await ctx.page();
  let fail = true;
  await page.route('**/media/flaky.mp3', (route) =>
    fail ? route.fulfill({ status: 503, body: 'try later' }) : route.continue({ url: `${DIST_URL}/media/episode-18.mp3` }),
  );
  await openDemo(page);
  await addPlayer(page, 'flaky', { src: 'media/flaky.mp3' }, '(00:00) One\n(01:00) Two\n');
  await waitForPlayer(page, '#flaky');
  await part(page, '#flaky', 'error').waitFor({ state: 'visible' });
  assert.equal(await part(page, '#flaky', 'play').isDisabled(), true);
  // A server error may pass: the message says so, and Retry is offered.
  await part(page, '#flaky', 'retry').waitFor();
  assert.match(await part(page, '#flaky', 'error').innerText(), /flaky\.mp3 \(HTTP 503\)\. Try again later\./);

  // The listener picks a chapter meanwhile; Retry resumes there.
  await part(page, '#flaky', 'chapter').nth(1).click();
  assert.equal((await part(page, '#flaky', 'current-chapter').textContent()).trim(), 'Two');

  fail = false;
  await part(page, '#flaky', 'retry').click();
  await part(page, '#flaky', 'error').waitFor({ state: 'detached' });
  await waitForMetadata(page, '#flaky');
  assert.equal(await part(page, '#flaky', 'play').isDisabled(), false);
  assert.notEqual(await part(page, '#flaky', 'player').getAttribute('data-state'), 'error');
  await waitForAudioTime(page, '#flaky', 60);
  await part(page, '#flaky', 'play').click();
  await page.waitForFunction(() => document.querySelector('#flaky').shadowRoot.querySelector('audio').currentTime > 60.3);
  assert.equal(await part(page, '#flaky', 'player').getAttribute('data-state'), 'playing');
  await page.evaluate(() => document.querySelector('#flaky').pause());
});

test('mount(): a bad configuration is rejected with an Error naming the field', async () => {
  const page = await ctx.page();
  await openDemo(page);
  const errors = await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    const attempt = async (config) => {
      const div = document.createElement('div');
      document.body.append(div);
      try {
        await mount(div, config);
        return { ok: true };
      } catch (e) {
        return { ok: false, isError: e instanceof Error, message: e.message, shadow: div.shadowRoot !== null };
      } finally {
        div.remove();
      }
    };
    return {
      unknown: await attempt({ srcc: 'media/episode-18.mp3' }),
      srcType: await attempt({ src: 42 }),
      chapterItem: await attempt({ src: 'media/episode-18.mp3', chapters: [{ start: 0, title: 'A' }, { start: 'soon', title: 'B' }] }),
      chapterExtra: await attempt({ src: 'media/episode-18.mp3', chapters: [{ start: 0, title: 'A' }, { start: 5, name: 'B' }] }),
      chaptersNotArray: await attempt({ src: 'media/episode-18.mp3', chapters: 'nope' }),
      theme: await attempt({ src: 'media/episode-18.mp3', theme: 'blue' }),
      noSrc: await attempt({ title: 'No audio' }),
      // The largest numbers: past the model's 1,000 hours, not a time.
      hugeStart: await attempt({ src: 'media/episode-18.mp3', chapters: [{ start: 0, title: 'A' }, { start: 1e300, title: 'B' }] }),
      hugeDuration: await attempt({ src: 'media/episode-18.mp3', duration: Number.MAX_VALUE }),
      hugeClock: await attempt({ src: 'media/episode-18.mp3', duration: '99999999:00:00' }),
      negative: await attempt({ src: 'media/episode-18.mp3', chapters: [{ start: -1, title: 'A' }] }),
    };
  });
  const wrong = [];
  const check = (name, pattern) => {
    const e = errors[name];
    if (e.ok) wrong.push(`${name}: mount() resolved`);
    else if (!e.isError) wrong.push(`${name}: rejected with a non-Error`);
    else if (!pattern.test(e.message)) wrong.push(`${name}: ${JSON.stringify(e.message)} does not match ${pattern}`);
    else if (e.shadow) wrong.push(`${name}: a player was half-mounted`);
  };
  // As documented: `mount(): unknown field "srcc" (expected one of: …)`, `mount(): "src": invalid
  // type: …`, `mount(): "chapters[1].start" must be …` — the field itself, down to a chapter's.
  check('unknown', /^mount\(\): unknown field "srcc" \(expected one of: .*\bsrc\b.*\)$/);
  check('srcType', /^mount\(\): "src": invalid type: /);
  check('chapterItem', /^mount\(\): "chapters\[1\]\.start" must be a number of seconds ≥ 0$/);
  check('chapterExtra', /^mount\(\): unknown field "chapters\[1\]\.name" \(expected one of: start, title, url, img\)$/);
  check('chaptersNotArray', /^mount\(\): "chapters"/);
  check('theme', /^mount\(\): "theme"/);
  check('noSrc', /^mount\(\): "src"/);
  check('hugeStart', /^mount\(\): "chapters\[1\].start" must be a number of seconds ≥ 0$/);
  check('hugeDuration', /^mount\(\): "duration" must be seconds or a time like "1:44:20"$/);
  check('hugeClock', /^mount\(\): "duration"/);
  check('negative', /^mount\(\): "chapters\[0\].start"/);
  assert.deepEqual(wrong, [], 'every bad configuration is rejected with a message naming its field');
});

test('mount() on a <div> with inline chapters makes a working player', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await page.evaluate(async () => {
    const { mount } = await import('/chapter-player.js');
    const div = document.createElement('div');
    div.id = 'mounted';
    document.querySelector('main').prepend(div);
    window.__player = await mount(div, {
      src: 'media/episode-18.mp3',
      title: 'Mounted from code',
      show: 'core.py',
      chapters: [
        { start: 0, title: 'Opening' },
        { start: 65, title: 'Second', url: 'https://example.org/second' },
        { start: 120.5, title: 'Third', url: 'javascript:window.__pwned=1' },
      ],
      duration: '1:39:07',
    });
  });
  await waitForMetadata(page, '#mounted');
  assert.deepEqual(await titles(page, '#mounted'), ['Opening', 'Second', 'Third']);
  assert.equal((await part(page, '#mounted', 'title').textContent()).trim(), 'Mounted from code');
  // Only the http(s) link becomes a link.
  assert.deepEqual(
    await part(page, '#mounted', 'chapter-link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['https://example.org/second'],
  );
  assert.deepEqual(await page.evaluate(() => window.__player.chapters), [
    { start: 0, title: 'Opening' },
    { start: 65, title: 'Second', url: 'https://example.org/second' },
    { start: 120.5, title: 'Third', url: 'javascript:window.__pwned=1' },
  ]);
  await part(page, '#mounted', 'chapter').nth(2).click();
  await waitForAudioTime(page, '#mounted', 120.5);
  assert.equal(await page.evaluate(() => window.__player.currentChapter), 2);
  assertTime(await page.evaluate(() => window.__player.currentTime), 120.5, 'player.currentTime');
  await page.evaluate(() => (window.__player.currentTime = 70));
  await waitForAudioTime(page, '#mounted', 70);
  assert.equal((await part(page, '#mounted', 'current-chapter').textContent()).trim(), 'Second');
  await page.evaluate(() => window.__player.play());
  await page.waitForFunction(() => document.querySelector('#mounted').shadowRoot.querySelector('audio').currentTime > 70.3);
  await page.evaluate(() => window.__player.pause());
  await page.waitForFunction(() => window.__player.paused);
});

const VTT = `WEBVTT

00:00:00.000 --> 00:01:00.000
Cold open

00:01:00.000 --> 00:02:30.500
The & main <b>topic</b>

00:02:30.500 --> 00:05:00.000
Wrap-up
`;

const JSON_CHAPTERS = JSON.stringify({
  version: '1.2.0',
  chapters: [
    { startTime: 0, title: 'Start' },
    { startTime: 42.5, title: 'Middle', url: 'https://example.org/middle' },
    { startTime: 200, title: 'Not in the table of contents', toc: false },
    { startTime: 300, title: 'End' },
  ],
});

const PSC = `<?xml version="1.0" encoding="UTF-8"?>
<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
  <psc:chapter start="00:00:00.000" title="Begrüßung"/>
  <psc:chapter start="00:03:20.500" title="Herbert Bayer &amp; die Universal" href="https://example.org/bayer"/>
</psc:chapters>
`;

test('chapters="URL" reads a Podlove Simple Chapters file, served as plain text', async () => {
  const page = await ctx.page();
  await page.route(`${DIST_URL}/test-chapters.psc`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: PSC }),
  );
  await openDemo(page);
  await addPlayer(page, 'psc', { src: 'media/episode-18.mp3', chapters: 'test-chapters.psc' });
  await page.waitForFunction(() => document.querySelector('#psc').chapters.length === 2);
  assert.deepEqual(await page.evaluate(() => document.querySelector('#psc').chapters), [
    { start: 0, title: 'Begrüßung' },
    { start: 200.5, title: 'Herbert Bayer & die Universal', url: 'https://example.org/bayer' },
  ]);
});

test('a missing chapters file falls back to the notes\' chapters and says so; without any, no empty line', async () => {
  const page = await ctx.page();
  await openDemo(page);
  await addPlayer(page, 'fallback', { src: 'media/episode-18.mp3', chapters: 'gone.json' }, '(00:00) From the notes\n(01:00) Second\n');
  await waitForPlayer(page, '#fallback');
  await page.waitForFunction(() => document.querySelector('#fallback').chapters.length === 2);
  assert.deepEqual(await titles(page, '#fallback'), ['From the notes', 'Second']);
  const said = (await page.locator('#fallback [part~="chapter-list"] [role="alert"]').innerText()).trim();
  assert.match(said, /^Chapters could not be loaded from gone\.json: HTTP 404.*Showing the chapters from the show notes instead\.$/);

  // Neither a file nor times in the notes: the header has no blank line where a chapter would be.
  await addPlayer(page, 'bare', { src: 'media/episode-18.mp3', 'episode-title': 'No chapters' }, 'Just words.');
  await waitForPlayer(page, '#bare');
  const now = await page.evaluate(() => document.querySelector('#bare').shadowRoot.querySelector('[part~=current-chapter]').getBoundingClientRect().height);
  assert.equal(now, 0);
});

// The listener reads plain words naming the file; the reader's own words, which quote the bad line,
// go to developers: the console and an `error` event. The release wasm is built without `Debug`
// formatting: a message that quoted its input with `{:?}` would lose the quote. This one quotes
// the line, escaped, with a direction override made visible.
test('a chapters file that does not parse: plain words for the listener, the quoted line for developers', async () => {
  const page = await ctx.page();
  await page.addInitScript(() => {
    window.__reported = [];
    document.addEventListener('error', (e) => { if (e.detail) window.__reported.push(e.detail); }, true);
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route(`${DIST_URL}/bad-chapters.vtt`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/vtt', body: 'WEBVTT\n\n1\n00:00 --> "soon" \u202e\nIntro\n' }),
  );
  await openDemo(page);
  await addPlayer(page, 'badvtt', { src: 'media/episode-18.mp3', chapters: 'bad-chapters.vtt' });
  await waitForPlayer(page, '#badvtt');
  const problem = page.locator('#badvtt [part~="chapter-list"] [role="alert"]');
  await problem.waitFor({ state: 'visible' });
  const message = (await problem.innerText()).trim();
  assert.match(message, /bad-chapters\.vtt: the file is not in a form the player reads/);
  assert.ok(!message.includes('line 4'), `the listener is spared the reader's words: ${message}`);
  const quoted = 'line 4: bad cue timing "00:00 --> \\"soon\\" \\u{202e}"';
  const reported = await page.evaluate(() => window.__reported);
  assert.equal(reported.length, 1);
  assert.match(reported[0].url, /bad-chapters\.vtt$/);
  assert.ok(reported[0].message.includes(quoted), reported[0].message);
  assert.ok(warnings.some((w) => w.includes('bad-chapters.vtt') && w.includes(quoted)), warnings.join('\n'));
});

test('chapters="URL" loads WebVTT and JSON chapters; a missing file shows an error', async () => {
  const page = await ctx.page();
  await page.route(`${DIST_URL}/test-chapters.vtt`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/vtt', body: VTT }),
  );
  await page.route(`${DIST_URL}/test-chapters.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json+chapters', body: JSON_CHAPTERS }),
  );
  await openDemo(page);
  await addPlayer(page, 'vtt', { src: 'media/episode-18.mp3', chapters: 'test-chapters.vtt' }, '(00:00) Ignored\n(01:00) Notes');
  await addPlayer(page, 'json', { src: 'media/episode-18.mp3', chapters: `${DIST_URL}/test-chapters.json` });
  await addPlayer(page, 'missing', { src: 'media/episode-18.mp3', chapters: 'no-such-chapters.json' });

  await waitForPlayer(page, '#vtt');
  await page.waitForFunction(() => document.querySelector('#vtt').shadowRoot.querySelectorAll('[part~="chapter"]').length === 3);
  assert.deepEqual(await chapterButtons(page, '#vtt'), [
    { start: 0, title: 'Cold open', current: 'true' },
    { start: 60, title: 'The & main topic', current: null },
    { start: 150.5, title: 'Wrap-up', current: null },
  ]);
  assert.equal((await part(page, '#vtt', 'current-chapter').textContent()).trim(), 'Cold open');

  await waitForPlayer(page, '#json');
  await page.waitForFunction(() => document.querySelector('#json').shadowRoot.querySelectorAll('[part~="chapter"]').length >= 3);
  // A chapter with "toc": false is not listed (nor marked on the seek bar).
  const visible = await part(page, '#json', 'chapter').evaluateAll((bs) =>
    bs.filter((b) => b.checkVisibility()).map((b) => ({ start: Number(b.dataset.start), title: b.querySelector('.chapter-title').textContent })),
  );
  assert.deepEqual(visible, [
    { start: 0, title: 'Start' },
    { start: 42.5, title: 'Middle' },
    { start: 300, title: 'End' },
  ]);
  assert.equal(await part(page, '#json', 'chapter-link').getAttribute('href'), 'https://example.org/middle');
  await waitForMetadata(page, '#json');
  assert.deepEqual(await tickSeconds(page, '#json'), [42.5, 300]);
  await part(page, '#json', 'chapter').nth(1).click();
  await waitForAudioTime(page, '#json', 42.5);

  await waitForPlayer(page, '#missing');
  const problem = page.locator('#missing [part~="chapter-list"] [role="alert"]');
  await problem.waitFor({ state: 'visible' });
  const message = (await problem.innerText()).trim();
  assert.match(message, /Chapters could not be loaded/);
  assert.match(message, /404/);
  assert.match(message, /no-such-chapters\.json/);
  // The audio still plays without chapters.
  assert.equal(await part(page, '#missing', 'play').isDisabled(), false);
  assert.equal(await part(page, '#missing', 'error').count(), 0);
});

test('when the player cannot be loaded, each element says so and leaves the episode playable', async () => {
  // Every player on these pages fails to mount, on purpose.
  ctx.allowPageErrors = true;
  const page = await ctx.page();
  await page.route('**/chapter-player-widget_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${DIST_URL}/`);
  const said = page.locator('#ep18 [part~="load-error"]');
  await said.waitFor();
  assert.equal(await said.textContent(), 'The player could not be loaded.');
  // The browser's own controls play the episode.
  assert.match(await page.locator('#ep18 audio[controls]').getAttribute('src'), /episode-18\.mp3$/);
  await screenshot(page, 'robustness-wasm-missing', { locator: page.locator('#ep18') });
  // A feed player without the wasm: the message, and the feed.
  const feedPage = await ctx.page();
  await feedPage.route('**/chapter-player-widget_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await feedPage.goto(`${DIST_URL}/playlist.html`);
  await feedPage.locator('#show [part~="load-error"]').waitFor();
  assert.ok(await feedPage.locator('#show a[href]').count() >= 1, 'a link to the feed');
});
