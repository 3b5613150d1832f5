// <chapter-player> loader: finds its wasm next to itself, defines the element, and hands each
// instance to Rust. Attributes and the notes stay live; everything else lives in the wasm module.

// The build bundles the wasm-bindgen glue into this file (xtask/bundle-loader.mjs), so the wasm
// is the one request left: it starts at once and compiles while it streams in. (A page can start
// it even earlier: see the README's preload line.)
const wasm = fetch(new URL("chapter-player-widget_bg.wasm", import.meta.url));
wasm.catch(() => {}); // A failed fetch is reported through `ready`, once the glue has it.
const ready = import("./chapter-player-widget.js").then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  return glue;
});

/**
 * The parts of the wasm loaded only when a page uses them, each with its files: `{ feed:
 * ["split_feed.wasm", "chunk-chapter_files-feed.wasm"], lang_de: […], … }`, written in by the
 * build (xtask/bundle-loader.mjs). English, the notes and the player are in the module itself.
 */
const PARTS = typeof __PARTS__ === "undefined" ? {} : __PARTS__;
const asked = new Set();

/** Requests `part`'s files at once, beside the module, rather than once the player asks. */
function preload(part) {
  for (const file of PARTS[part] ?? []) {
    if (asked.has(file)) continue;
    asked.add(file);
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = new URL(file, import.meta.url).href;
    document.head.append(link);
  }
}

/**
 * The parts an element needs before its chapters can show: its language's words, the chapter
 * file reader, the feed reader. (A transcript's part waits for the player, which asks for it
 * beside the transcript, so it never slows the chapters.)
 */
function preloadParts(element) {
  const tag = element.closest("[lang]")?.getAttribute("lang")?.trim().split(/[-_]/)[0].toLowerCase();
  if (tag) preload(`lang_${tag}`);
  if (element.hasAttribute("chapters")) preload("chapter_files");
  if (element.hasAttribute("feed")) preload("feed");
}

/** Attributes the player follows, and the properties that reflect them (as `<audio>` does). */
const STRINGS = { src: "src", episodeTitle: "episode-title", show: "show", artwork: "artwork",
  chaptersUrl: "chapters", transcriptUrl: "transcript", theme: "theme", feed: "feed" };
const FLAGS = { noResume: "no-resume", noPauseOthers: "no-pause-others" };

// Until the wasm has arrived: the notes, readable, in a box about the player's size, so the
// page does not jump when the player appears. No host CSS needed.
const WAITING = new CSSStyleSheet();
WAITING.replaceSync(`:host { display: block; }
.waiting { box-sizing: border-box; overflow: hidden; padding: 18px 20px;
  border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 16px; }
.waiting.text, .waiting.text ::slotted(*) { white-space: pre-line; }
[part~=load-error] { margin: 0 0 10px; font-weight: 600; }
.waiting audio { display: block; width: 100%; margin: 0 0 12px; }`);

/** The player's height, roughly: its fixed parts, and a list when the notes hold times. */
function expectedHeight(element) {
  const times = (element.textContent.match(/\b\d{1,2}:\d\d\b/g) ?? []).length;
  const listMax = parseFloat(getComputedStyle(element).getPropertyValue("--cp-list-height")) || 320;
  const narrow = element.getBoundingClientRect().width <= 480;
  const list = times >= 2 ? Math.min(times * 40 + 4, listMax) + 60 : 0;
  return (narrow ? 320 : 262) + list + (element.textContent.trim() ? 40 : 0);
}

/** The box the element shows until (or instead of) the player, with `children` above its notes. */
function notesBox(element, className, ...children) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [WAITING];
  const box = document.createElement("div");
  box.className = className;
  box.setAttribute("part", "waiting");
  box.append(...children, document.createElement("slot"));
  root.replaceChildren(box);
  return box;
}

/**
 * Whether the notes rely on plain line breaks: a text node (in the element or any element inside
 * it) where a time starts a line after other text, as in notes pasted into a `<div>`. HTML notes
 * that break with `<br>`, `<p>` or `<li>` start each text node with its time, and keep their own
 * layout (breaking at their source's newlines as well would double them).
 */
function linesByNewline(element) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S[^\n]*\n[^\S\n]*[([]?\d{1,2}:\d\d/.test(node.data)) return true;
  }
  return false;
}

function showWaiting(element) {
  // Plain-text notes keep their line breaks, and so do notes whose times are broken by newlines.
  const text = !element.children.length || linesByNewline(element);
  const box = notesBox(element, text ? "waiting text" : "waiting");
  // Through the CSSOM: a strict style-src allows it, where a style attribute is refused.
  box.style.setProperty("height", `${expectedHeight(element)}px`);
}

function report(element, error) {
  console.error("<chapter-player>:", error);
  element.dispatchEvent(new CustomEvent("error", { detail: { message: String(error?.message ?? error) } }));
  showFailure(element);
}

/**
 * The player could not be loaded (its wasm missing, blocked or broken): say so where it would
 * have been, and leave the listener the episode — the browser's own audio controls, or the feed.
 */
function showFailure(element) {
  if (element.shadowRoot?.querySelector("[part~=load-error]")) return;
  const said = document.createElement("p");
  said.setAttribute("role", "alert");
  said.setAttribute("part", "load-error");
  said.textContent = "The player could not be loaded.";
  const episode = [];
  const src = element.getAttribute("src");
  const feed = element.getAttribute("feed");
  if (src) {
    const audio = document.createElement("audio");
    audio.controls = true;
    audio.preload = "none";
    audio.src = src;
    audio.setAttribute("aria-label", element.getAttribute("episode-title") || "Episode");
    episode.push(audio);
  } else if (feed) {
    const link = document.createElement("a");
    link.href = feed;
    link.textContent = "The podcast's feed";
    episode.push(link);
  }
  notesBox(element, "waiting text", said, ...episode);
}

class ChapterPlayerElement extends HTMLElement {
  static observedAttributes = [...Object.values(STRINGS), ...Object.values(FLAGS), "duration", "lang"];
  #player = null;
  #pending = null;
  // The notes are the element's content: edits and replacements are read again.
  #notes = new MutationObserver(() => this.#player?.notesChanged());

  constructor() {
    super();
    // A property set before the element was defined is an own property hiding the accessor:
    // hand it to the accessor, so it becomes the attribute.
    for (const property of [...Object.keys(STRINGS), ...Object.keys(FLAGS), "duration"]) {
      if (Object.hasOwn(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
  }

  connectedCallback() {
    // Mount after the current task, so children parsed after the opening tag are present.
    if (!this.shadowRoot) queueMicrotask(() => { if (!this.shadowRoot && !this.#player) showWaiting(this); });
    preloadParts(this);
    this.#pending = ready.then(async (glue) => {
      // Its words first, so the player speaks its language from its first frame.
      await glue.prepareLanguage(this);
      if (!this.isConnected || this.#player) return;
      try {
        this.#player = glue.mountElement(this);
        this.#notes.observe(this, { childList: true, subtree: true, characterData: true });
      } catch (error) {
        report(this, error);
      }
    }, (error) => report(this, error));
  }

  // Moving the element (or a framework re-ordering a list) disconnects and reconnects it in the
  // same task: the player, its state and playback stay. Only a real removal releases it.
  disconnectedCallback() {
    queueMicrotask(() => { if (!this.isConnected) this.#release(); });
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after) this.#player?.attributeChanged(name);
  }

  #release() {
    this.#notes.disconnect();
    this.#player?.destroy();
    this.#player?.free();
    this.#player = null;
  }

  /** Replaces the element's player (attribute-driven or mounted) with `player`, or with none. */
  _adopt(player) {
    this.#release();
    this.#player = player;
  }

  /** Resolves when the player is mounted. */
  get ready() { return this.#pending ?? ready; }

  play() { return this.#player ? this.#player.play() : this.ready.then(() => this.#player?.play()); }
  pause() { this.#player?.pause(); }
  get currentTime() { return this.#player?.currentTime ?? 0; }
  set currentTime(seconds) { if (this.#player) this.#player.currentTime = Number(seconds); }
  /** Seconds, as `<audio>` reports it (the `duration` attribute until the audio knows). */
  get duration() { return this.#player?.duration ?? (Number(this.getAttribute("duration")) || NaN); }
  set duration(value) { this.setAttribute("duration", String(value)); }
  get paused() { return this.#player?.paused ?? true; }
  get chapters() { return this.#player?.chapters ?? []; }
  get currentChapter() { return this.#player?.currentChapter ?? -1; }
  nextChapter() { this.#player?.nextChapter(); }
  previousChapter() { this.#player?.previousChapter(); }
}

for (const [property, attribute] of Object.entries(STRINGS)) {
  Object.defineProperty(ChapterPlayerElement.prototype, property, {
    get() { return this.getAttribute(attribute) ?? ""; },
    set(value) { this.setAttribute(attribute, String(value)); },
  });
}
for (const [property, attribute] of Object.entries(FLAGS)) {
  Object.defineProperty(ChapterPlayerElement.prototype, property, {
    get() { return this.hasAttribute(attribute); },
    set(value) { this.toggleAttribute(attribute, Boolean(value)); },
  });
}

if (!customElements.get("chapter-player")) {
  customElements.define("chapter-player", ChapterPlayerElement);
}

/**
 * Mounts a player on any element, configured from code:
 * `await mount(el, { src, title, show, artwork, notes | chapters | chaptersUrl, theme, duration })`.
 * Resolves to the player (the same API as the element); rejects with an error naming a bad field.
 */
export async function mount(element, config) {
  const glue = await ready;
  if (!(element instanceof HTMLElement)) throw new TypeError("mount(): the first argument must be an element");
  // A second mount() on an element replaces its player: the first one stops and lets go first.
  if (element instanceof ChapterPlayerElement) element._adopt(null);
  preloadParts(element);
  if (config?.chaptersUrl) preload("chapter_files");
  if (config?.feed) preload("feed");
  await glue.prepareLanguage(element);
  const previous = mounted.get(element);
  mounted.delete(element);
  // Destroyed, not freed: a handle the page still holds stays safe to call, and does nothing.
  previous?.destroy();
  const player = glue.mountWithConfig(element, config);
  if (element instanceof ChapterPlayerElement) element._adopt(player);
  else mounted.set(element, player);
  return player;
}

/** The players mount() put on elements other than <chapter-player>, to replace on a second mount(). */
const mounted = new WeakMap();

/**
 * What the player finds in show notes (plain text, HTML or Markdown), without a player:
 * `[{ start, title, line }]`, each chapter with the line of the notes it was read from.
 */
export async function explain(notes) {
  const glue = await ready;
  return glue.explainNotes(String(notes));
}
