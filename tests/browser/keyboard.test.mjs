// Keyboard shortcuts, pressed with the focus on a player's seek bar, checked on the <audio>
// element itself: position, volume, mute, speed, play/pause, and the `?` overlay.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  openDemo,
  waitForMetadata,
  waitForAudioTime,
  audioState,
  assertTime,
  part,
  focusSeekBar,
  seedExpected,
  EPISODES,
} from './harness.mjs';

const ctx = useBrowser();
const EP = '#ep18';
const OTHER = '#ep17';
const EXPECTED = seedExpected()[EPISODES.findIndex((e) => `#${e.id}` === EP)];

async function openFocused() {
  const page = await ctx.page();
  await openDemo(page);
  await waitForMetadata(page, EP);
  await focusSeekBar(page, EP);
  return page;
}

function setTime(page, seconds, sel = EP) {
  return page
    .evaluate(([s, t]) => (document.querySelector(s).currentTime = t), [sel, seconds])
    .then(() => waitForAudioTime(page, sel, seconds));
}

/** Waits until the player's <audio> has `prop` equal to `value` (numbers: within 0.001). */
async function waitForAudio(page, prop, value, sel = EP) {
  try {
    await page.waitForFunction(
      ([s, p, v]) => {
        const actual = document.querySelector(s).shadowRoot.querySelector('audio')[p];
        return typeof v === 'number' ? Math.abs(actual - v) < 0.001 : actual === v;
      },
      [sel, prop, value],
      { timeout: 5_000 },
    );
  } catch {
    const actual = (await audioState(page, sel))[prop];
    assert.fail(`${sel}: audio.${prop} is ${actual}, expected ${value}`);
  }
}

/** The element focused inside the player's shadow root, described. */
function focused(page, sel = EP) {
  return page.evaluate((s) => {
    const a = document.querySelector(s).shadowRoot.activeElement;
    return a ? { tag: a.tagName, part: a.getAttribute('part'), label: a.getAttribute('aria-label') } : null;
  }, sel);
}

test('Space and K toggle playback', async () => {
  const page = await openFocused();
  const scrollY = await page.evaluate(() => window.scrollY);
  for (const key of ['Space', 'k', 'K', ' ']) {
    const wasPaused = (await audioState(page, EP)).paused;
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await waitForAudio(page, 'paused', !wasPaused);
    const state = wasPaused ? 'playing' : 'paused';
    await page.waitForFunction(
      ([s, st]) => document.querySelector(s).shadowRoot.querySelector('[part~="player"]').dataset.state === st,
      [EP, state],
    );
    assert.equal(await part(page, EP, 'play').getAttribute('aria-label'), wasPaused ? 'Pause' : 'Play');
  }
  assert.equal((await audioState(page, EP)).paused, true);
  // Space did not scroll the page.
  assert.equal(await page.evaluate(() => window.scrollY), scrollY);
});

test('J/L and ←/→ seek by 10 and 5 seconds', async () => {
  const page = await openFocused();
  await setTime(page, 100);
  await page.keyboard.press('l');
  await waitForAudioTime(page, EP, 110);
  await page.keyboard.press('L');
  await waitForAudioTime(page, EP, 120);
  await page.keyboard.press('j');
  await waitForAudioTime(page, EP, 110);
  await page.keyboard.press('J');
  await waitForAudioTime(page, EP, 100);
  await page.keyboard.press('ArrowRight');
  await waitForAudioTime(page, EP, 105);
  await page.keyboard.press('ArrowLeft');
  await waitForAudioTime(page, EP, 100);
  await page.keyboard.press('ArrowLeft');
  await waitForAudioTime(page, EP, 95);
  // Never before the start.
  await setTime(page, 3);
  await page.keyboard.press('j');
  await waitForAudioTime(page, EP, 0);
  assert.equal(await part(page, EP, 'seek-bar').getAttribute('aria-valuenow'), '0');
});

test('↑/↓ change the volume by 0.1 and M mutes', async () => {
  const page = await openFocused();
  assert.equal((await audioState(page, EP)).volume, 1);
  await page.keyboard.press('ArrowDown');
  await waitForAudio(page, 'volume', 0.9);
  await page.keyboard.press('ArrowDown');
  await waitForAudio(page, 'volume', 0.8);
  assert.equal(await part(page, EP, 'volume').inputValue(), '80');
  await page.keyboard.press('ArrowUp');
  await waitForAudio(page, 'volume', 0.9);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await waitForAudio(page, 'volume', 1);
  assert.equal(await part(page, EP, 'volume').inputValue(), '100');

  await page.keyboard.press('m');
  await waitForAudio(page, 'muted', true);
  assert.equal(await part(page, EP, 'mute').getAttribute('aria-label'), 'Unmute');
  assert.equal(await part(page, EP, 'volume').inputValue(), '0');
  await page.keyboard.press('M');
  await waitForAudio(page, 'muted', false);
  assert.equal(await part(page, EP, 'mute').getAttribute('aria-label'), 'Mute');
  assert.equal((await audioState(page, EP)).volume, 1);

  // The mouse does the same: the mute button and the volume slider.
  await part(page, EP, 'mute').click();
  await waitForAudio(page, 'muted', true);
  await part(page, EP, 'mute').click();
  await waitForAudio(page, 'muted', false);
  await part(page, EP, 'volume').fill('35');
  await waitForAudio(page, 'volume', 0.35);
});

test('Alt+←/Alt+→ and P/N move between chapters', async () => {
  const page = await openFocused();
  const start = (i) => EXPECTED[i].start;
  await page.keyboard.press('Alt+ArrowRight');
  await waitForAudioTime(page, EP, start(1));
  await page.keyboard.press('n');
  await waitForAudioTime(page, EP, start(2));
  await page.keyboard.press('N');
  await waitForAudioTime(page, EP, start(3));
  // At a chapter's start: to the chapter before.
  await page.keyboard.press('Alt+ArrowLeft');
  await waitForAudioTime(page, EP, start(2));
  await page.keyboard.press('p');
  await waitForAudioTime(page, EP, start(1));
  // More than 3 s into a chapter: back to its start.
  await setTime(page, start(4) + 10);
  await page.keyboard.press('P');
  await waitForAudioTime(page, EP, start(4));
  await setTime(page, start(4) + 10);
  await page.keyboard.press('Alt+ArrowLeft');
  await waitForAudioTime(page, EP, start(4));
  // Within 3 s of its start: the chapter before.
  await setTime(page, start(4) + 2);
  await page.keyboard.press('p');
  await waitForAudioTime(page, EP, start(3));
  assert.equal(await page.evaluate((s) => document.querySelector(s).currentChapter, EP), 3);
  assert.equal((await part(page, EP, 'current-chapter').textContent()).trim(), EXPECTED[3].title);
  // Alt+← did not navigate the browser back.
  assert.equal(new URL(page.url()).pathname, '/');
});

test('0–9 jump to 0–90 % of the episode, Home and End to its ends', async () => {
  const page = await openFocused();
  const { duration } = await audioState(page, EP);
  for (const digit of [5, 1, 9, 0, 3, 7, 2, 8, 4, 6]) {
    await page.keyboard.press(String(digit));
    await waitForAudioTime(page, EP, (duration * digit) / 10);
  }
  await page.keyboard.press('End');
  await waitForAudioTime(page, EP, duration);
  assert.equal((await audioState(page, EP)).paused, true, 'End does not start playback');
  await page.keyboard.press('Home');
  await waitForAudioTime(page, EP, 0);
  assert.equal(await page.evaluate((s) => document.querySelector(s).currentChapter, EP), 0);
});

test('End pressed before the audio knows its length reaches its own end, not the duration attribute', async () => {
  const page = await ctx.page();
  // The page says 1:40:00; the audio, which arrives late, is 1:44:20.
  await page.route('**/media/episode-20.mp3', async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  await openDemo(page);
  await page.evaluate(() => { document.querySelector('#ep20').duration = '1:40:00'; });
  await focusSeekBar(page, '#ep20');
  assert.ok(Number.isNaN((await audioState(page, '#ep20')).duration), 'the audio has no duration yet');
  await page.keyboard.press('End');
  await waitForMetadata(page, '#ep20');
  const { duration } = await audioState(page, '#ep20');
  assert.ok(duration > 6000 + 60, `the audio is longer than the attribute says: ${duration}`);
  await waitForAudioTime(page, '#ep20', duration);
});

test('< and > step the speed through 0.5 … 3', async () => {
  const page = await openFocused();
  const select = part(page, EP, 'speed').locator('select');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => Number(o.value)));
  assert.deepEqual(options, [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3]);
  assert.equal((await audioState(page, EP)).playbackRate, 1);
  for (const rate of [1.25, 1.5, 1.75, 2, 2.5, 3, 3]) {
    await page.keyboard.press('>');
    await waitForAudio(page, 'playbackRate', rate);
    assert.equal(Number(await select.inputValue()), rate);
  }
  for (const rate of [2.5, 2, 1.75, 1.5, 1.25, 1, 0.75, 0.5, 0.5]) {
    await page.keyboard.press('<');
    await waitForAudio(page, 'playbackRate', rate);
    assert.equal(Number(await select.inputValue()), rate);
  }
  // The menu sets the speed too.
  await select.selectOption('1.75');
  await waitForAudio(page, 'playbackRate', 1.75);
});

test('? opens the shortcuts overlay, Escape closes it', async () => {
  const page = await openFocused();
  const overlay = part(page, EP, 'shortcuts');
  assert.equal(await overlay.count(), 0);
  await page.keyboard.press('?');
  await overlay.waitFor({ state: 'visible' });
  assert.equal(await overlay.getAttribute('role'), 'dialog');
  const text = await overlay.innerText();
  for (const [keys, what] of [
    ['Space, K', 'Play or pause'],
    ['J', 'Back 10 seconds'],
    ['L', 'Forward 10 seconds'],
    ['←', 'Back 5 seconds'],
    ['→', 'Forward 5 seconds'],
    ['↑', 'Volume up'],
    ['↓', 'Volume down'],
    ['M', 'Mute or unmute'],
    ['Alt+←, P', 'Previous chapter'],
    ['Alt+→, N', 'Next chapter'],
    ['0 – 9', '0 %'],
    ['Home', 'start'],
    ['End', 'end'],
    ['<', 'Slower'],
    ['>', 'Faster'],
    ['?', 'shortcuts'],
  ]) {
    assert.ok(text.includes(keys), `the overlay names the keys ${keys}`);
    assert.ok(text.includes(what), `the overlay says what ${keys} does (${what})`);
  }
  // Focus moves into the dialog, to its close button.
  assert.deepEqual(await focused(page), { tag: 'BUTTON', part: null, label: 'Close' });
  assert.equal(await overlay.locator('button[aria-label="Close"]').evaluate((b) => b.getRootNode().activeElement === b), true);

  await page.keyboard.press('Escape');
  await overlay.waitFor({ state: 'detached' });

  // The shortcuts button opens it too; its close button closes it.
  await part(page, EP, 'shortcuts-button').click();
  await overlay.waitFor({ state: 'visible' });
  await overlay.locator('button[aria-label="Close"]').click();
  await overlay.waitFor({ state: 'detached' });

  // `?` toggles: pressed again inside the open overlay, it closes it.
  await focusSeekBar(page, EP);
  await page.keyboard.press('?');
  await overlay.waitFor({ state: 'visible' });
  await page.keyboard.press('?');
  await overlay.waitFor({ state: 'detached' });
});

test('closing the overlay gives the focus back to the player, so the shortcuts keep working', async () => {
  const page = await openFocused();
  const overlay = part(page, EP, 'shortcuts');
  for (const close of ['Escape', '?', 'click']) {
    await focusSeekBar(page, EP);
    await page.keyboard.press('?');
    await overlay.waitFor({ state: 'visible' });
    if (close === 'click') await overlay.locator('button[aria-label="Close"]').click();
    else await page.keyboard.press(close);
    await overlay.waitFor({ state: 'detached' });
    // WAI-ARIA dialog pattern: focus returns to where it was before the dialog opened.
    assert.deepEqual(
      await focused(page),
      { tag: 'DIV', part: 'seek-bar', label: 'Seek' },
      `after closing with ${close}, the focus is back on the seek bar (document.activeElement is ` +
        `${await page.evaluate(() => document.activeElement?.tagName)})`,
    );
  }
  const before = (await audioState(page, EP)).currentTime;
  await page.keyboard.press('l');
  await waitForAudioTime(page, EP, before + 10);
});

test('Space and Enter on a focused button keep their native meaning', async () => {
  const page = await openFocused();
  // Space on "next chapter" goes to the next chapter; it does not also toggle playback.
  await part(page, EP, 'next-chapter').focus();
  await page.keyboard.press('Space');
  await waitForAudioTime(page, EP, EXPECTED[1].start);
  assert.equal((await audioState(page, EP)).paused, true);
  // Enter on a chapter in the list plays from that chapter, once: it does not also toggle.
  await part(page, EP, 'chapter').nth(4).focus();
  await page.keyboard.press('Enter');
  await waitForAudioTime(page, EP, EXPECTED[4].start, 1);
  await waitForAudio(page, 'paused', false);
  // Space on the play button toggles exactly once.
  await part(page, EP, 'play').focus();
  await page.keyboard.press('Space');
  await waitForAudio(page, 'paused', true);
  await page.keyboard.press('Enter');
  await waitForAudio(page, 'paused', false);
  await page.keyboard.press('Space');
  await waitForAudio(page, 'paused', true);
  assert.equal(await part(page, EP, 'play').getAttribute('aria-label'), 'Play');
});

test('keys act only on the player that has the focus', async () => {
  const page = await openFocused();
  await page.keyboard.press('l');
  await waitForAudioTime(page, EP, 10);
  await page.keyboard.press('m');
  await waitForAudio(page, 'muted', true);
  const other = await audioState(page, OTHER);
  assert.equal(other.currentTime, 0);
  assert.equal(other.muted, false);

  // Typing in a host-page input does nothing to any player.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'host-input';
    document.querySelector('main').prepend(input);
  });
  const before = await audioState(page, EP);
  const input = page.locator('#host-input');
  await input.focus();
  await page.keyboard.type('kl5 m?njp');
  for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'Home', 'End', '>']) await page.keyboard.press(key);
  assert.equal(await input.inputValue(), 'kl5 m?njp>', 'the input got every key');
  const after = await audioState(page, EP);
  assert.deepEqual(
    { t: after.currentTime, paused: after.paused, muted: after.muted, volume: after.volume, rate: after.playbackRate },
    { t: before.currentTime, paused: true, muted: true, volume: 1, rate: 1 },
  );
  assert.equal((await audioState(page, OTHER)).currentTime, 0);
  assert.equal(await part(page, EP, 'shortcuts').count(), 0, 'no overlay opened');
  assertTime(after.currentTime, 10, 'ep18 position');

  // With nothing focused, keys reach no player either.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('k');
  await page.keyboard.press('l');
  await page.keyboard.press('m');
  const idle = await audioState(page, EP);
  assert.deepEqual({ t: idle.currentTime, paused: idle.paused, muted: idle.muted }, { t: after.currentTime, paused: true, muted: true });
});
