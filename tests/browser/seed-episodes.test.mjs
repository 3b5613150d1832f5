// The demo page's five episodes: each <chapter-player> turns its show notes into exactly the
// chapters of crates/chapters/tests/fixtures/seed.expected, in order.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, chapterButtons, part, seedExpected, EPISODES, DIST_URL } from './harness.mjs';

const ctx = useBrowser();
const expected = seedExpected();

test('seed.expected lists the five demo episodes', () => {
  assert.equal(expected.length, EPISODES.length);
  assert.deepEqual(
    expected.map((list) => list.length),
    EPISODES.map((e) => e.chapters),
  );
});

test('every demo episode shows its chapter count and exact titles in order', async () => {
  const page = await ctx.page();
  await openDemo(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll('chapter-player')].map((e) => e.id));
  assert.deepEqual(ids, EPISODES.map((e) => e.id), 'the page has the five players in order');

  for (const [n, episode] of EPISODES.entries()) {
    const sel = `#${episode.id}`;
    const want = expected[n];
    await assert.doesNotReject(
      page.waitForFunction(
        ([s, count]) => document.querySelector(s).shadowRoot.querySelectorAll('[part~="chapter"]').length === count,
        [sel, episode.chapters],
        { timeout: 5_000 },
      ),
      `${sel}: ${episode.chapters} chapters`,
    );
    const shown = await chapterButtons(page, sel);
    assert.equal(shown.length, episode.chapters, `${sel}: chapter count`);
    assert.deepEqual(
      shown.map((c) => c.title),
      want.map((c) => c.title),
      `${sel}: titles in order`,
    );
    assert.deepEqual(
      shown.map((c) => c.start),
      want.map((c) => c.start),
      `${sel}: chapter starts (data-start)`,
    );
    // The count in the list's heading and the element API agree with the list.
    const head = await page.evaluate(
      (s) => document.querySelector(s).shadowRoot.querySelector('[part~="chapter-list"] .count')?.textContent,
      sel,
    );
    assert.equal(head, String(episode.chapters), `${sel}: the count shown above the list`);
    const api = await page.evaluate((s) => document.querySelector(s).chapters, sel);
    assert.deepEqual(api, want, `${sel}: el.chapters`);
    // Each button names its chapter for screen readers, title first, times spoken: the name is
    // its text less what is hidden from them (the clock digits).
    const names = await part(page, sel, 'chapter').evaluateAll((els) =>
      els.map((e) => [...e.children].filter((c) => c.getAttribute('aria-hidden') !== 'true').map((c) => c.textContent).join('')),
    );
    names.forEach((name, i) => assert.ok(name.startsWith(`${want[i].title}, at `), `${sel}: name ${name}`));
    // The header shows the episode's own title and show.
    const title = await page.evaluate((s) => document.querySelector(s).getAttribute('episode-title'), sel);
    assert.equal((await part(page, sel, 'title').textContent()).trim(), title);
    assert.equal((await part(page, sel, 'show').textContent()).trim(), 'core.py');
    assert.equal(
      await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('audio').src, sel),
      `${DIST_URL}/media/episode-${episode.number}.mp3`,
    );
  }
});
