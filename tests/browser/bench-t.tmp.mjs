// Size and speed of the player in headless Chromium. Run by `cargo xtask bench`, which builds the
// release bundle and serves dist/ at DIST_URL. Prints a Markdown table for the README.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const DIST = process.env.DIST_URL ?? "http://127.0.0.1:4173";
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
});

/** `promise`, or an error naming `what` once it has not settled in 30 s: a page that never gets
 * there fails the run instead of hanging it. */
const within = (what, promise) => Promise.race([promise, new Promise((_, reject) =>
  setTimeout(() => reject(new Error(`${what}: nothing after 30 s`)), 30_000).unref())]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const kib = (n) => (n / 1024).toFixed(1);

// 1. Bytes: what a page downloads to show the player (the audio is the episode, not the player).
// Transcripts: a 3-hour word-level Podcasting 2.0 JSON file, read, laid out, searched and
// followed during a minute of playback at 2×.
const transcript = await (async () => {
  const words = "so this is a sentence about python internals and reference counting".split(" ");
  const segments = [];
  for (let t = 0, i = 0; t < 3 * 3600; i++) {
    segments.push({ speaker: `SPEAKER_0${Math.floor(i / 400) % 3}`, startTime: +t.toFixed(3), endTime: +(t + 0.29).toFixed(3), body: words[i % words.length] + (i % 13 === 12 ? "." : "") });
    t += 0.29;
  }
  const body = JSON.stringify({ version: "1.0.0", segments });
  const result = { segments: segments.length, bytes: body.length, read: [], render: [], search: [], highlight: [], longest: [] };
  const RUNS_T = Number(process.env.BENCH_TRANSCRIPT_RUNS ?? 3);
  for (let run = 0; run < RUNS_T; run++) {
    const p = await browser.newPage();
    await p.route(`${DIST}/bench-transcript.json`, (r) => r.fulfill({ status: 200, contentType: "application/json", body }));
    await p.goto(`${DIST}/`);
    const measured = await within("the transcript read and laid out", p.evaluate(async () => {
      const { mount } = await import("/chapter-player.js");
      const div = document.createElement("div");
      div.id = "bench-transcript";
      document.body.prepend(div);
      await mount(div, { src: "media/episode-18.mp3", title: "Bench", notes: "(00:00) A\n(04:17) B", transcriptUrl: "/bench-transcript.json" });
      const entry = (name) => performance.getEntriesByName(`chapter-player: transcript ${name}`).at(-1);
      while (!entry("render")) await new Promise((r) => setTimeout(r, 20));
      return { read: entry("read").duration, render: entry("render").duration };
    }));
    result.read.push(measured.read);
    result.render.push(measured.render);
    const timings = await p.evaluate(async () => {
      const root = document.querySelector("#bench-transcript").shadowRoot;
      root.querySelector("[part~=transcript]").open = true;
      const input = root.querySelector("[part~=transcript-search]");
      // Typed a key at a time with pauses, so every prefix is highlighted: "r" alone matches
      // most cues.
      const keys = [];
      for (const ch of "reference") {
        input.value += ch;
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
        await new Promise((r) => setTimeout(r, 0));
        keys.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 400));
      }
      const highlights = performance.getEntriesByName("chapter-player: transcript search").map((e) => e.duration);
      input.value = "";
      input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
      return { keys, highlights };
    });
    result.search.push(...timings.keys);
    result.highlight.push(...timings.highlights);
    const longest = await p.evaluate(async () => {
      const el = document.querySelector("#bench-transcript");
      const audio = el.shadowRoot.querySelector("audio");
      let longest = 0;
      let started = Infinity;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.startTime >= started) longest = Math.max(longest, e.duration);
      }).observe({ type: "longtask" });
      audio.muted = true;
      audio.playbackRate = 2;
      await audio.play();
      started = performance.now();
      await new Promise((r) => setTimeout(r, 5_000));
      audio.pause();
      return longest;
    });
    result.longest.push(longest);
    await p.close();
  }
  return result;
})();

await browser.close();
console.log(`| Transcript: 3-hour word-level JSON (${transcript.segments.toLocaleString("en")} segments, ${(transcript.bytes / 1048576).toFixed(1)} MB), median of ${transcript.read.length} | measured | budget |`);
console.log("| --- | ---: | ---: |");
console.log(`| read (\`performance\` entry \`chapter-player: transcript read\`) | ${median(transcript.read).toFixed(0)} ms | 300 ms |`);
console.log(`| the panel's first render (\`chapter-player: transcript render\`) | ${median(transcript.render).toFixed(0)} ms | 100 ms |`);
console.log(`| a search keystroke, handled (median / max of ${transcript.search.length}) | ${median(transcript.search).toFixed(1)} ms / ${Math.max(...transcript.search).toFixed(1)} ms | 16 ms |`);
console.log(`| typing paused 150 ms → every match highlighted (\`chapter-player: transcript search\`, median / max of ${transcript.highlight.length}) | ${median(transcript.highlight).toFixed(1)} ms / ${Math.max(...transcript.highlight).toFixed(1)} ms | — |`);
console.log(`| longest task during 60 s of playback at 2×, the panel open and following | ${Math.max(...transcript.longest).toFixed(0)} ms | 50 ms |`);
console.log();
