// <chapter-player> loader: finds its wasm next to itself, defines the element, and hands each
// instance to Rust. Everything else lives in the wasm module.
import init, { mountElement, mountWithConfig } from "./chapter-player-widget.js";

const ready = init({ module_or_path: new URL("chapter-player-widget_bg.wasm", import.meta.url) });

function report(element, error) {
  console.error("<chapter-player>:", error);
  element.dispatchEvent(new CustomEvent("error", { detail: { message: String(error?.message ?? error) } }));
}

class ChapterPlayerElement extends HTMLElement {
  #player = null;
  #pending = null;

  connectedCallback() {
    // Mount after the current task, so children parsed after the opening tag are present.
    this.#pending = ready.then(() => {
      if (!this.isConnected || this.#player) return;
      try {
        this.#player = mountElement(this);
      } catch (error) {
        report(this, error);
      }
    }, (error) => report(this, error));
  }

  disconnectedCallback() {
    this.#player?.destroy();
    this.#player?.free();
    this.#player = null;
  }

  /** Replaces the attribute-driven player with one configured from JavaScript. */
  _adopt(player) {
    this.#player?.destroy();
    this.#player?.free();
    this.#player = player;
  }

  /** Resolves when the player is mounted. */
  get ready() { return this.#pending ?? ready; }

  play() { return this.#player ? this.#player.play() : this.ready.then(() => this.#player?.play()); }
  pause() { this.#player?.pause(); }
  get currentTime() { return this.#player?.currentTime ?? 0; }
  set currentTime(seconds) { if (this.#player) this.#player.currentTime = Number(seconds); }
  get duration() { return this.#player?.duration ?? NaN; }
  get paused() { return this.#player?.paused ?? true; }
  get chapters() { return this.#player?.chapters ?? []; }
  get currentChapter() { return this.#player?.currentChapter ?? -1; }
  nextChapter() { this.#player?.nextChapter(); }
  previousChapter() { this.#player?.previousChapter(); }
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
  await ready;
  if (!(element instanceof HTMLElement)) throw new TypeError("mount(): the first argument must be an element");
  const player = mountWithConfig(element, config);
  if (element instanceof ChapterPlayerElement) element._adopt(player);
  return player;
}
