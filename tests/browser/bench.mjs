// Size and speed of the player in headless Chromium. Run by `cargo xtask bench`, which builds the
// release bundle and serves dist/ at DIST_URL. Prints a Markdown table for the README.
import { chromium } from "playwright-core";
import { readFileSync, statSync, openSync, readSync, closeSync } from "node:fs";
import { createServer } from "node:http";
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

// 1. Bytes: what a page downloads to show the player (the audio is the episode, not the player),
// parts of the wasm included if it asks for any (the demo's players take chapters from notes).
const page = await browser.newPage();
const downloaded = new Map();
page.on("response", async (r) => {
  const url = new URL(r.url());
  if (/chapter-player|\/(split_|chunk-)[\w-]+\.wasm$/.test(url.pathname) && !url.pathname.endsWith(".mp3")) {
    // A body still arriving when the page closes is not one of the files measured.
    const body = await r.body().catch(() => null);
    if (body) downloaded.set(url.pathname.slice(1), body.length);
  }
});
await page.goto(`${DIST}/`);
await page.waitForFunction(() => document.querySelector("chapter-player")?.shadowRoot?.querySelector("[part~=chapter]"));
const files = [...downloaded.keys()].sort();
const rows = files.map((name) => {
  const bytes = readFileSync(`dist/${name}`);
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

// 2. Time from navigation to the first player's chapter list rendered, fresh page each run.
const firstRender = [];
for (let i = 0; i < RUNS; i++) {
  const p = await browser.newPage();
  await p.goto(`${DIST}/`, { waitUntil: "commit" });
  const t = await p.evaluate(() => new Promise((resolve) => {
    const check = () => {
      const list = document.querySelector("chapter-player")?.shadowRoot?.querySelector("[part~=chapter]");
      if (list) resolve(performance.now()); else requestAnimationFrame(check);
    };
    check();
  }));
  firstRender.push(t);
  await p.close();
}

// 3. Click on a chapter → audio.currentTime set; and until the media element reports `seeked`.
await page.waitForFunction(() => document.querySelector("#ep18")?.shadowRoot?.querySelector("audio")?.readyState >= 1);
const { clicks, seeks } = await page.evaluate(async (runs) => {
  const el = document.querySelector("#ep18");
  const audio = el.shadowRoot.querySelector("audio");
  const buttons = [...el.shadowRoot.querySelectorAll("[part~=chapter]")];
  const clicks = [], seeks = [];
  for (let i = 0; i < runs; i++) {
    const b = buttons[(i * 7 + 3) % buttons.length];
    const want = Number(b.dataset.start);
    const seeked = new Promise((r) => audio.addEventListener("seeked", r, { once: true }));
    const t0 = performance.now();
    b.click();
    const t1 = performance.now();
    if (Math.abs(audio.currentTime - want) > 0.25) throw new Error(`click did not seek: ${audio.currentTime} != ${want}`);
    clicks.push(t1 - t0);
    await seeked;
    seeks.push(performance.now() - t0);
  }
  return { clicks, seeks };
}, RUNS * 2);
await page.close();

// 4. A playback tick with many chapters: main-thread time (script + layout + style, from
// Chromium's performance metrics) per second of playback, 10 against 1,000 chapters; and the
// first render of a 1,000-chapter list, from the wasm module ready to the rows in the DOM.
async function mountChapters(p, count) {
  // A page with nothing else on it, same-origin with the build.
  await p.route(`${DIST}/bench-blank.html`, (r) => r.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title><body></body>" }));
  await p.goto(`${DIST}/bench-blank.html`);
  return p.evaluate(async ([dist, count]) => {
    const { mount } = await import(`${dist}/chapter-player.js`);
    await document.createElement("chapter-player").ready;
    const host = document.createElement("div");
    document.body.prepend(host);
    const chapters = Array.from({ length: count }, (_, i) => ({ start: i * 5, title: `Chapter ${i + 1}` }));
    const t0 = performance.now();
    await mount(host, { src: "media/episode-18.mp3", title: `${count} chapters`, chapters, resume: false });
    const rows = () => host.shadowRoot.querySelectorAll("[part~=chapter]").length;
    const until = (done) => new Promise((resolve) => {
      const check = () => (done() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      check();
    });
    const first = await until(() => rows() > 0);
    const all = await until(() => rows() === count);
    host.id = "bench";
    return { first, all };
  }, [DIST, count]);
}

const PLAY_SECONDS = 4;
async function tickCost(count) {
  const p = await browser.newPage();
  await mountChapters(p, count);
  await p.waitForFunction(() => document.querySelector("#bench").shadowRoot.querySelector("audio").readyState >= 3);
  const cdp = await p.context().newCDPSession(p);
  await cdp.send("Performance.enable");
  const busy = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return m.ScriptDuration + m.LayoutDuration + m.RecalcStyleDuration;
  };
  await p.evaluate(() => document.querySelector("#bench").shadowRoot.querySelector("audio").play());
  await p.waitForTimeout(500);
  const before = await busy();
  await p.waitForTimeout(PLAY_SECONDS * 1000);
  const after = await busy();
  await p.close();
  return ((after - before) * 1000) / PLAY_SECONDS;
}
// 5. Peers from npm, same run, same page shape: one player, the same audio, the same ten chapters.
// Bytes are what the page downloads for the player (brotli -q 11, as above); ready is navigation →
// the ten chapters on screen; click is a chapter click → audio.currentTime set. Every player's
// files are answered the same way (from this process, through the page's request routing), so no
// player is served faster than another.
const TEN = [[0, "INTRO"], [257, "PART 0: SPORTS NEWS"], [413, "PART 1: REFERENCE COUNTING"], [508, "New segment of 2025"],
  [834, "C++ is asymptotic Python"], [937, "Is Rust game yet?"], [1081, "Names"], [1225, "Breaking the law"],
  [1388, "sys.getrefcount()"], [1521, "Pedantic Pablo"]];
const clock = (s) => `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
const VTT = `WEBVTT\n\n${TEN.map(([s, t], i) => `${clock(s)}.000 --> ${clock(TEN[i + 1]?.[0] ?? 1600)}.000\n${t}`).join("\n\n")}\n`;
const OURS = {
  files: { "chapter-player.js": "dist/chapter-player.js", "chapter-player-widget_bg.wasm": "dist/chapter-player-widget_bg.wasm" },
  html: `<script type="module" src="/chapter-player.js"></script>
    <chapter-player src="media/episode-18.mp3" episode-title="Episode 18" show="core.py">${TEN.map(([s, t]) => `(${clock(s)}) ${t}`).join("\n")}</chapter-player>`,
  ready: () => document.querySelector("chapter-player")?.shadowRoot?.querySelectorAll("[part~=chapter]").length === 10,
  chapter: (i) => document.querySelector("chapter-player").shadowRoot.querySelectorAll("[part~=chapter]")[i],
  audio: () => document.querySelector("chapter-player").shadowRoot.querySelector("audio"),
};
const PEERS = {
  "chapter-player": OURS,
  // The same page with the README's preload line ahead of the player: the wasm is requested
  // while the page is parsed instead of when the loader runs.
  "chapter-player + the preload line": { ...OURS, chapter: null,
    html: `<link rel="preload" href="/chapter-player-widget_bg.wasm" as="fetch" crossorigin>${OURS.html}` },
  shikwasa: {
    files: { "peer/shikwasa.min.js": "node_modules/shikwasa/dist/shikwasa.min.js", "peer/shikwasa.css": "node_modules/shikwasa/dist/style.css" },
    html: `<link rel="stylesheet" href="/peer/shikwasa.css"><script src="/peer/shikwasa.min.js"></script><div id="sh"></div>
      <script>Shikwasa.Player.use(Shikwasa.Chapter);
      window.__shk = new Shikwasa.Player({ container: () => document.getElementById("sh"), preload: "metadata",
        audio: { title: "Episode 18", artist: "core.py", src: "media/episode-18.mp3",
          chapters: ${JSON.stringify(TEN.map(([s, t], i) => ({ title: t, startTime: s, endTime: TEN[i + 1]?.[0] ?? 1600 })))} } });</script>`,
    ready: () => document.querySelectorAll(".shk-chapter_item").length === 10,
    chapter: (i) => document.querySelectorAll(".shk-chapter_item")[i],
    audio: () => window.__shk.audio,
  },
  "media-chrome": {
    files: { "peer/media-chrome.js": "node_modules/media-chrome/dist/iife/index.js" },
    html: `<script src="/peer/media-chrome.js"></script>
      <media-controller audio><audio slot="media" src="media/episode-18.mp3" preload="metadata" crossorigin>
        <track kind="chapters" src="/peer/chapters.vtt" default></audio>
      <media-control-bar><media-play-button></media-play-button><media-time-range></media-time-range>
        <media-time-display showduration></media-time-display></media-control-bar></media-controller>`,
    // One clip rectangle per chapter, and one more.
    ready: () => document.querySelector("media-time-range")?.shadowRoot?.querySelectorAll("#segments-clipping rect").length >= 10,
    chapter: null,
    audio: () => document.querySelector("audio"),
  },
};

async function peerPage(name) {
  const peer = PEERS[name];
  const p = await browser.newPage();
  await p.route(`${DIST}/peer-page.html`, (r) => r.fulfill({ contentType: "text/html", body: `<!doctype html><meta charset="utf-8"><title>${name}</title><body>${peer.html}</body>` }));
  await p.route(`${DIST}/peer/chapters.vtt`, (r) => r.fulfill({ contentType: "text/vtt", body: VTT }));
  const types = { css: "text/css", js: "text/javascript", wasm: "application/wasm" };
  for (const [path, file] of Object.entries(peer.files)) {
    const body = readFileSync(file);
    await p.route(`${DIST}/${path}`, (r) => r.fulfill({ contentType: types[path.split(".").pop()], body }));
  }
  return p;
}

// Where our time goes, in the same loads: when the loader and the wasm arrive (resource timing),
// when the player is mounted (the element's `ready`: wasm compiled and instantiated, state built,
// shadow root filled) and when the ten chapters are in it.
const ourPhases = () => new Promise((resolve) => {
  let mounted = NaN;
  customElements.whenDefined("chapter-player")
    .then(() => document.querySelector("chapter-player").ready)
    .then(() => { mounted = performance.now(); });
  const check = () => {
    if (document.querySelector("chapter-player")?.shadowRoot?.querySelectorAll("[part~=chapter]").length !== 10) {
      requestAnimationFrame(check);
      return;
    }
    const chapters = performance.now();
    const entry = (end) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(end));
    const [loader, wasm] = [entry("/chapter-player.js"), entry(".wasm")];
    resolve({ loader: loader?.responseEnd, wasmRequested: wasm?.startTime, wasmArrived: wasm?.responseEnd, mounted, chapters });
  };
  check();
});
const phases = { loader: [], wasmRequested: [], wasmArrived: [], mounted: [], chapters: [] };

// Loads take turns (one of each player per round), so a slower spell of the machine falls on all.
const PEER_LOADS = 11;
const readyTimes = Object.fromEntries(Object.keys(PEERS).map((name) => [name, []]));
for (let i = 0; i < PEER_LOADS; i++) {
  for (const name of Object.keys(PEERS)) {
    const p = await peerPage(name);
    await p.goto(`${DIST}/peer-page.html`, { waitUntil: "commit" });
    if (name === "chapter-player") {
      const t = await within("chapter-player's load phases", p.evaluate(ourPhases));
      for (const [k, v] of Object.entries(t)) if (Number.isFinite(v)) phases[k].push(v);
      readyTimes[name].push(t.chapters);
    } else {
      readyTimes[name].push(await within(`${name}: chapters on screen`, p.evaluate((fn) => new Promise((resolve) => {
        const done = new Function(`return (${fn})()`);
        const check = () => (done() ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }), PEERS[name].ready.toString())));
    }
    await p.close();
  }
}

// The same work once the code is compiled: a second player, appended to a page whose first one
// is mounted, from `append` to its ten chapters in the DOM.
const second = [];
for (let i = 0; i < PEER_LOADS; i++) {
  const p = await peerPage("chapter-player");
  await p.goto(`${DIST}/peer-page.html`);
  await p.waitForFunction(`(${OURS.ready})()`);
  second.push(await within("a second player's chapters", p.evaluate(() => new Promise((resolve) => {
    const first = document.querySelector("chapter-player");
    const el = first.cloneNode(true);
    const t0 = performance.now();
    document.body.append(el);
    const done = () => el.shadowRoot.querySelectorAll("[part~=chapter]").length === 10;
    el.ready.then(() => {
      if (done()) return resolve(performance.now() - t0);
      const watch = new MutationObserver(() => done() && (watch.disconnect(), resolve(performance.now() - t0)));
      watch.observe(el.shadowRoot, { childList: true, subtree: true });
    });
  }))));
  await p.close();
}
// Chromium compiles wasm functions lazily, on their first call, on the thread that calls them:
// how many the first load compiles before its chapters are on screen, from one traced load (the
// only page open). A lazy compile wraps the baseline compile that says the function's size.
// The same trace splits the main thread's time from the wasm's arrival to the chapters on screen
// into those compiles, script (wasm and JavaScript, compiles excluded), style, layout and paint.
const lazily = await (async () => {
  const p = await peerPage("chapter-player");
  await browser.startTracing(p, { categories: ["devtools.timeline", "v8.wasm", "disabled-by-default-v8.wasm.detailed"] });
  await p.goto(`${DIST}/peer-page.html`);
  await p.waitForFunction(`(${OURS.ready})()`);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await p.close();
  const lazy = events.filter((e) => e.name === "wasm.CompileLazy");
  const inside = (e) => lazy.some((l) => l.pid === e.pid && l.tid === e.tid && e.ts >= l.ts && e.ts <= l.ts + l.dur);
  const compiled = events.filter((e) => e.name === "wasm.CompileBaseline" && inside(e));
  // The window: from the wasm's response finished to the trace's end (the chapters on screen).
  const wasmRequest = events.find((e) => e.name === "ResourceSendRequest" && /\.wasm$/.test(e.args?.data?.url ?? ""))?.args.data.requestId;
  const start = events.find((e) => e.name === "ResourceFinish" && e.args?.data?.requestId === wasmRequest)?.ts;
  const main = lazy[0] ?? {};
  const on = events.filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.ts >= (start ?? Infinity));
  const end = Math.max(...on.map((e) => e.ts + (e.dur ?? 0)));
  // Time covered by `names`, overlaps counted once, in ms.
  const covered = (names, within = null) => {
    const spans = on.filter((e) => names.includes(e.name)).map((e) => [e.ts, e.ts + (e.dur ?? 0)]).sort((a, b) => a[0] - b[0]);
    let total = 0, reach = -Infinity;
    for (const [a, b] of spans) {
      const clipped = within ? within.reduce((t, [x, y]) => t + Math.max(0, Math.min(b, y) - Math.max(a, x, reach)), 0) : Math.max(0, b - Math.max(a, reach));
      total += clipped;
      reach = Math.max(reach, b);
    }
    return total / 1000;
  };
  const SCRIPT = ["FunctionCall", "RunMicrotasks", "EvaluateScript", "v8.evaluateModule", "TimerFire", "FireAnimationFrame", "EventDispatch"];
  const STYLE = ["UpdateLayoutTree", "ParseAuthorStyleSheet"], LAYOUT = ["Layout"], PAINT = ["PrePaint", "Paint", "Layerize", "Commit"];
  const scriptSpans = on.filter((e) => SCRIPT.includes(e.name)).map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  const compile = covered(["wasm.CompileLazy"]);
  const style = covered(STYLE), layout = covered(LAYOUT), paint = covered(PAINT);
  const script = covered(SCRIPT) - compile - covered([...STYLE, ...LAYOUT], scriptSpans);
  const split = start === undefined ? null
    : { total: (end - start) / 1000, compile, script, style, layout, paint, other: (end - start) / 1000 - compile - script - style - layout - paint };
  return { functions: lazy.length, bytes: compiled.reduce((t, e) => t + (e.args?.bodySize ?? 0), 0),
    ms: lazy.reduce((t, e) => t + (e.dur ?? 0), 0) / 1000, split };
})();

const peers = {};
for (const name of Object.keys(PEERS)) {
  const peer = PEERS[name];
  const bytes = Object.values(peer.files).reduce((t, f) => t + brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  const ready = readyTimes[name];
  let click = null;
  if (peer.chapter) {
    const p = await peerPage(name);
    await p.goto(`${DIST}/peer-page.html`);
    await p.waitForFunction(`(${peer.ready})()`);
    await p.waitForFunction(`(${peer.audio})().readyState >= 1`);
    const times = await p.evaluate(async ([chapterFn, audioFn, starts]) => {
      const chapter = new Function("i", `return (${chapterFn})(i)`);
      const audio = new Function(`return (${audioFn})()`);
      const out = [];
      for (let i = 0; i < 20; i++) {
        const k = 1 + (i * 3) % 9;
        const t0 = performance.now();
        chapter(k).click();
        const t1 = performance.now();
        if (Math.abs(audio().currentTime - starts[k]) > 0.5) throw new Error(`click did not seek: ${audio().currentTime} != ${starts[k]}`);
        out.push(t1 - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
      return out;
    }, [peer.chapter.toString(), peer.audio.toString(), TEN.map(([s]) => s)]);
    click = median(times);
    await p.close();
  }
  peers[name] = { bytes, ready: median(ready), click };
}

const ticks = { 10: [], 1000: [] };
const TICK_RUNS = Number(process.env.BENCH_TICK_RUNS ?? 3);
for (let i = 0; i < TICK_RUNS; i++) for (const n of [10, 1000]) ticks[n].push(await tickCost(n));
const thousandFirst = [];
const thousandAll = [];
for (let i = 0; i < Math.min(RUNS, 7); i++) {
  const p = await browser.newPage();
  const { first, all } = await mountChapters(p, 1000);
  thousandFirst.push(first);
  thousandAll.push(all);
  await p.close();
}
// The mobile profile, as Lighthouse's: the CPU 4× slower, 150 ms round trips, 1.6 Mbps down,
// every text and wasm file sent brotli-compressed as a CDN would — from a server of our own, since
// the browser's network throttling applies only to real requests, not to intercepted ones.
const mobile = await (async () => {
  const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const types = { css: "text/css", js: "text/javascript", wasm: "application/wasm", vtt: "text/vtt", html: "text/html" };
  const routes = new Map();
  for (const [name, peer] of Object.entries(PEERS)) {
    const page = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>${name}</title><body>${peer.html}</body>`;
    routes.set(`/${encodeURIComponent(name)}.html`, { type: "text/html", body: br(Buffer.from(page)) });
    for (const [path, file] of Object.entries(peer.files)) {
      routes.set(`/${path}`, { type: types[path.split(".").pop()], body: br(readFileSync(file)) });
    }
  }
  routes.set("/peer/chapters.vtt", { type: "text/vtt", body: br(Buffer.from(VTT)) });
  const audio = "dist/media/episode-18.mp3";
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = routes.get(path);
    if (file) {
      res.writeHead(200, { "content-type": file.type, "content-encoding": "br", "content-length": file.body.length });
      return res.end(file.body);
    }
    if (path === "/media/episode-18.mp3") {
      // The audio, with the Range support a player's metadata request needs.
      const size = statSync(audio).size;
      const m = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? "");
      const start = m ? Number(m[1] || 0) : 0;
      const end = Math.min(m && m[2] ? Number(m[2]) : size - 1, start + (1 << 20) - 1, size - 1);
      const chunk = Buffer.alloc(end - start + 1);
      const fd = openSync(audio, "r");
      readSync(fd, chunk, 0, chunk.length, start);
      closeSync(fd);
      res.writeHead(m ? 206 : 200, { "content-type": "audio/mpeg", "accept-ranges": "bytes",
        "content-range": `bytes ${start}-${end}/${size}`, "content-length": chunk.length });
      return res.end(chunk);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const LOADS = Number(process.env.BENCH_MOBILE_LOADS ?? 7);
  const times = Object.fromEntries(Object.keys(PEERS).map((name) => [name, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const [name, peer] of Object.entries(PEERS)) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await p.goto(`${base}/${encodeURIComponent(name)}.html`, { waitUntil: "commit" });
      times[name].push(await within(`${name} on the mobile profile`, p.evaluate((fn) => new Promise((resolve) => {
        const done = new Function(`return (${fn})()`);
        const check = () => (done() ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }), peer.ready.toString())));
      await context.close();
    }
  }
  server.close();
  return { loads: LOADS, ready: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) };
})();

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
      await new Promise((r) => setTimeout(r, 60_000));
      audio.pause();
      return longest;
    });
    result.longest.push(longest);
    await p.close();
  }
  return result;
})();

await browser.close();

console.log(`| File | Raw | gzip -9 | brotli -q 11 |`);
console.log(`| --- | ---: | ---: | ---: |`);
for (const r of rows) console.log(`| \`${r.name}\` | ${kib(r.raw)} KiB | ${kib(r.gzip)} KiB | ${kib(r.brotli)} KiB |`);
console.log(`| **total** | ${kib(total.raw)} KiB | ${kib(total.gzip)} KiB | **${kib(total.brotli)} KiB** |`);
console.log();
console.log(`| Timing (${RUNS} runs, median / p95) | |`);
console.log(`| --- | ---: |`);
console.log(`| navigation → first chapter list rendered (demo page, 5 players) | ${median(firstRender).toFixed(0)} ms / ${p95(firstRender).toFixed(0)} ms |`);
console.log(`| chapter click → \`audio.currentTime\` set | ${median(clicks).toFixed(2)} ms / ${p95(clicks).toFixed(2)} ms |`);
console.log(`| chapter click → \`seeked\` event (media pipeline) | ${median(seeks).toFixed(1)} ms / ${p95(seeks).toFixed(1)} ms |`);
console.log(`| 1,000-chapter list: \`mount()\` (wasm ready) → first render | ${median(thousandFirst).toFixed(0)} ms / ${p95(thousandFirst).toFixed(0)} ms |`);
console.log(`| 1,000-chapter list: \`mount()\` → all 1,000 rows in the page | ${median(thousandAll).toFixed(0)} ms / ${p95(thousandAll).toFixed(0)} ms |`);
console.log();
const [t10, t1000] = [median(ticks[10]), median(ticks[1000])];
console.log(`| Playback, main-thread time per second (script + layout + style, median of ${TICK_RUNS}) | |`);
console.log(`| --- | ---: |`);
console.log(`| 10 chapters | ${t10.toFixed(1)} ms/s |`);
console.log(`| 1,000 chapters | ${t1000.toFixed(1)} ms/s (${(t1000 / t10).toFixed(2)}×) |`);
console.log();
const us = peers["chapter-player"];
console.log(`| Player (npm, same page, same audio, 10 chapters) | brotli | × ours | navigation → chapters on screen (median of ${PEER_LOADS}) | × ours | chapter click → \`currentTime\` |`);
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [name, r] of Object.entries(peers)) {
  const clickCell = r.click === null ? "—" : `${r.click.toFixed(2)} ms`;
  console.log(`| ${name} | ${kib(r.bytes)} KiB | ${(r.bytes / us.bytes).toFixed(2)} | ${r.ready.toFixed(0)} ms | ${(r.ready / us.ready).toFixed(2)} | ${clickCell} |`);
}
console.log();
console.log(`| Mobile profile (CPU 4× slower, 150 ms round trips, 1.6 Mbps, brotli; median of ${mobile.loads}) | navigation → chapters on screen | × ours |`);
console.log("| --- | ---: | ---: |");
for (const [name, ms] of Object.entries(mobile.ready)) {
  console.log(`| ${name} | ${ms.toFixed(0)} ms | ${(ms / mobile.ready["chapter-player"]).toFixed(2)} |`);
}
console.log();
console.log(`| chapter-player's load, from navigation (median of ${PEER_LOADS}) | ms |`);
console.log("| --- | ---: |");
const PHASES = { loader: "the loader has arrived", wasmRequested: "the wasm is requested (the loader has run)",
  wasmArrived: "the wasm has arrived", mounted: "the player is mounted (`ready`: compiled, instantiated, first render)",
  chapters: "the ten chapters are on screen (next frame)" };
for (const [k, label] of Object.entries(PHASES)) console.log(`| ${label} | ${phases[k].length ? median(phases[k]).toFixed(0) : "—"} |`);
console.log(`| a second player on the same page, code compiled: \`append\` → its chapters | ${median(second).toFixed(1)} (min ${Math.min(...second).toFixed(1)}, max ${Math.max(...second).toFixed(1)}) |`);
console.log();
console.log(`| Transcript: 3-hour word-level JSON (${transcript.segments.toLocaleString("en")} segments, ${(transcript.bytes / 1048576).toFixed(1)} MB), median of ${transcript.read.length} | measured | budget |`);
console.log("| --- | ---: | ---: |");
console.log(`| read (\`performance\` entry \`chapter-player: transcript read\`) | ${median(transcript.read).toFixed(0)} ms | 300 ms |`);
console.log(`| the panel's first render (\`chapter-player: transcript render\`) | ${median(transcript.render).toFixed(0)} ms | 100 ms |`);
console.log(`| a search keystroke, handled (median / max of ${transcript.search.length}) | ${median(transcript.search).toFixed(1)} ms / ${Math.max(...transcript.search).toFixed(1)} ms | 16 ms |`);
console.log(`| typing paused 150 ms → every match highlighted (\`chapter-player: transcript search\`, median / max of ${transcript.highlight.length}) | ${median(transcript.highlight).toFixed(1)} ms / ${Math.max(...transcript.highlight).toFixed(1)} ms | — |`);
console.log(`| longest task during 60 s of playback at 2×, the panel open and following | ${Math.max(...transcript.longest).toFixed(0)} ms | 50 ms |`);
console.log();
console.log(`Wasm functions compiled on first call during the first load: ${lazily.functions} (${kib(lazily.bytes)} KiB of code; ${lazily.ms.toFixed(1)} ms in those compiles, traced).`);
if (lazily.split) {
  const s = lazily.split;
  console.log();
  console.log(`| From the wasm's arrival to the chapters on screen, main thread (one traced load) | ms |`);
  console.log("| --- | ---: |");
  for (const [label, ms] of [["compiling wasm functions on their first call", s.compile], ["script: wasm and JavaScript running (compiles, style and layout excluded)", s.script],
    ["style", s.style], ["layout", s.layout], ["paint and compositing", s.paint], ["other (idle, waiting, the browser's own work)", s.other], ["**total**", s.total]]) {
    console.log(`| ${label} | ${ms.toFixed(1)} |`);
  }
}
