// The try-it page: a podcaster pastes notes and sees the chapters found with their lines, the live
// player, and a snippet that, pasted into a plain page, gives the same player.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, waitForPlayer, chapterButtons, routeWidget, DIST_URL, PLAIN_URL, REPO, WIDGET_ORIGIN } from './harness.mjs';

const ctx = useBrowser();

async function found(page) {
  return page.$$eval('#found li', (items) => items.map((li) => ({
    start: li.querySelector('.start').textContent,
    line: li.querySelector('.line').textContent,
    text: li.textContent,
  })));
}

test('pasted notes: the chapters found with their lines, the live player, and a snippet that works', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/try.html`);
  await page.waitForFunction(() => document.querySelectorAll('#found li').length === 4);
  const first = await found(page);
  assert.equal(first[1].start, '4:17');
  assert.equal(first[1].line, 'from: (04:17) Sports news');
  await waitForPlayer(page, '#live');
  await page.waitForFunction(() => document.querySelector('#live').chapters.length === 4);

  // HTML notes pasted in.
  const html = '<p>New episode!</p><ul><li>00:00 Welcome</li><li>02:30 <strong>The interview</strong></li><li>41:10 Listener mail</li></ul>';
  await page.fill('#notes', html);
  await page.waitForFunction(() => document.querySelector('#found-summary').textContent === '3 chapters');
  assert.deepEqual((await found(page)).map((f) => f.line), ['from: 00:00 Welcome', 'from: 02:30 The interview', 'from: 41:10 Listener mail']);
  await page.waitForFunction(() => document.querySelector('#live').chapters.length === 3);
  const live = (await chapterButtons(page, '#live')).map((c) => c.title);
  assert.deepEqual(live, ['Welcome', 'The interview', 'Listener mail']);

  // Served from this machine, the snippet says what to host and replace, and offers both files;
  // it carries the podcaster's own audio and title.
  await page.fill('#src', `${DIST_URL}/media/episode-18.mp3`);
  await page.fill('#title', 'My episode');
  await page.waitForFunction(() => document.querySelector('#snippet').value.includes('episode-title="My episode"'));
  const snippet = await page.inputValue('#snippet');
  assert.match(snippet, /^<script type="module" src="https:\/\/YOUR-SITE\/chapter-player\/chapter-player\.js"><\/script>/);
  assert.match(snippet, /<chapter-player src="http:\/\/127\.0\.0\.1:\d+\/media\/episode-18\.mp3" episode-title="My episode">/);
  assert.equal(await page.textContent('#snippet-note'), 'Host these two files side by side on your site, then replace https://YOUR-SITE/chapter-player/:');
  assert.deepEqual(await page.$$eval('#host-files a[download]', (as) => as.map((a) => a.getAttribute('href'))), ['chapter-player.js', 'chapter-player-widget_bg.wasm']);
  // The podcaster hosts the two files (here, on the widget's origin) and pastes the snippet into a
  // plain page of their own: the same player.
  const hosted = snippet.replace('https://YOUR-SITE/chapter-player/', WIDGET_ORIGIN);
  const plain = await ctx.page();
  await routeWidget(plain);
  await plain.route(`${PLAIN_URL}/pasted.html`, (r) => r.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main>${hosted}</main></body></html>`,
  }));
  await plain.goto(`${PLAIN_URL}/pasted.html`);
  await waitForPlayer(plain, 'chapter-player');
  assert.deepEqual((await chapterButtons(plain, 'chapter-player')).map((c) => c.title), live);

  // A mistyped time is set aside, and the page says which line and why.
  await page.fill('#notes', '00:00 Intro\n03:15 News\n12:40 Interview\n8:05 Interview part 2\n25:30 Mailbag\n44:20 Outro');
  await page.waitForFunction(() => document.querySelector('#found-summary').textContent === '5 chapters');
  assert.equal(await page.textContent('#skipped-summary'), '1 line with a time was not used:');
  assert.equal(await page.textContent('#skipped li'), 'line 4 8:05 Interview part 2 — out of order with the lines around it');

  // Notes without a list say so.
  await page.fill('#notes', 'Just a paragraph about the episode, recorded at 10:00 on a Tuesday.');
  await page.waitForFunction(() => document.querySelector('#found-summary').textContent.startsWith('No chapter list found'));
});

test('the try-it page has no axe-core violations', async () => {
  const page = await ctx.page();
  await page.goto(`${DIST_URL}/try.html`);
  await page.waitForFunction(() => document.querySelector('#live')?.shadowRoot?.querySelector('[part~=chapter]'));
  await page.addScriptTag({ content: readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`), []);
});
