// Types for the <chapter-player> loader (chapter-player.js): the element, its events, and mount().
// Checked against a usage file by `tsc` in `cargo xtask test` (tests/types/).

/** A chapter as the player reports it: start in seconds. */
export interface Chapter {
  start: number;
  title: string;
  url?: string;
}

/** A chapter as `mount()` takes it. */
export interface ChapterInput extends Chapter {
  /** An image for the chapter. */
  img?: string;
}

/** `chapterchange`'s detail. */
export interface ChapterChangeDetail {
  index: number;
  /** Seconds. */
  start: number;
  title: string;
}

/** What both the element and the object `mount()` resolves to can do: a media element's API. */
export interface ChapterPlayer {
  /** Resolves when playback starts; rejects when it cannot (the audio failed, autoplay refused). */
  play(): Promise<void>;
  pause(): void;
  /** Seconds. Setting it seeks. */
  currentTime: number;
  /** Seconds; `NaN` until known. */
  readonly duration: number;
  readonly paused: boolean;
  readonly chapters: Chapter[];
  /** The index of the chapter playing, or -1. */
  readonly currentChapter: number;
  nextChapter(): void;
  previousChapter(): void;
}

export interface ChapterPlayerEventMap extends HTMLElementEventMap {
  chapterchange: CustomEvent<ChapterChangeDetail>;
}

/** `<chapter-player>`: every property reflects its attribute, as on `<audio>`. */
export interface ChapterPlayerElement extends HTMLElement, Omit<ChapterPlayer, "duration"> {
  /** `src`: the episode's audio URL. */
  src: string;
  /** `episode-title`. */
  episodeTitle: string;
  show: string;
  artwork: string;
  /** `chapters`: the URL of a JSON, WebVTT or PSC chapters file (`chapters` is the list). */
  chaptersUrl: string;
  /** `transcript`: the URL of a WebVTT, SRT, Podcasting 2.0 JSON, HTML or text transcript. */
  transcriptUrl: string;
  /** `theme`: `light`, `dark`, or empty to follow the system. */
  theme: string;
  /** `feed`: a podcast RSS feed to play as a playlist. */
  feed: string;
  /** `no-resume`. */
  noResume: boolean;
  /** `no-pause-others`. */
  noPauseOthers: boolean;
  /** Reads the known duration in seconds (`NaN` until known); sets the `duration` attribute. */
  get duration(): number;
  set duration(value: number | string);
  /** Resolves once the player is mounted. */
  readonly ready: Promise<unknown>;
  addEventListener<K extends keyof ChapterPlayerEventMap>(
    type: K,
    listener: (this: ChapterPlayerElement, event: ChapterPlayerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ChapterPlayerEventMap>(
    type: K,
    listener: (this: ChapterPlayerElement, event: ChapterPlayerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "chapter-player": ChapterPlayerElement;
  }
}

/** A cue of a transcript given to `mount()`: seconds, like chapters. */
export interface CueInput {
  start: number;
  end?: number;
  speaker?: string;
  text: string;
}

/** A transcript: given as cues, or a file to fetch (WebVTT, SRT, JSON, HTML or text). */
type TranscriptInput =
  | { transcript?: CueInput[]; transcriptUrl?: never }
  | { transcriptUrl: string; transcript?: never };

/** What every configuration may say. */
interface Common {
  title?: string;
  show?: string;
  artwork?: string;
  theme?: "light" | "dark" | "auto";
  /** Seconds, or a time such as `"1:44:20"`. */
  duration?: number | string;
  /** `false`: do not save the position or offer to resume. */
  resume?: boolean;
}

/** Where chapters come from: exactly one of notes, chapters or chaptersUrl (none: the MP3's ID3). */
type OneEpisode = Common & { src: string } & (
  | { notes?: string; chapters?: never; chaptersUrl?: never }
  | { chapters: ChapterInput[]; chaptersUrl?: never }
  | { chaptersUrl: string; chapters?: never }
) & TranscriptInput & { feed?: never; playlist?: never };

/** One entry of `mount({ playlist })`. */
export type PlaylistEntry = {
  src: string;
  title?: string;
  artwork?: string;
  duration?: number | string;
  published?: string;
} & (
  | { notes?: string; chapters?: never; chaptersUrl?: never }
  | { chapters: ChapterInput[]; chaptersUrl?: never; notes?: string }
  | { chaptersUrl: string; chapters?: never; notes?: string }
) & TranscriptInput;

/** `mount()`'s configuration: one episode, a podcast feed, or a playlist. */
export type MountConfig =
  | OneEpisode
  | (Common & { feed: string; src?: string; playlist?: never; notes?: never; chapters?: never; chaptersUrl?: never })
  | (Common & { playlist: PlaylistEntry[]; src?: string; feed?: never; notes?: never; chapters?: never; chaptersUrl?: never });

/**
 * Mounts a player on any element, configured from code. Rejects with an `Error` naming a wrong
 * field (`mount(): unknown field "srcc" …`).
 */
export declare function mount(element: HTMLElement, config: MountConfig): Promise<MountedPlayer>;

/** What `mount()` resolves to. Mounting again on the same element replaces it. */
export interface MountedPlayer extends ChapterPlayer {
  /** Stops playback and releases the player's listeners, view and audio download. */
  destroy(): void;
}

/** A chapter found in show notes, with the line it was read from. */
export interface ExplainedChapter extends Chapter {
  line: string;
}

/** A line of show notes with a time that gave no chapter, and why (in English). */
export interface SkippedLine {
  /** The line's number, from 1, in the notes as text (HTML read into lines). */
  line: number;
  text: string;
  reason: string;
}

/**
 * What the player finds in show notes (plain text, HTML or Markdown), without a player: the
 * chapters, and on the array, `skipped`, the lines with times it did not use.
 */
export declare function explain(notes: string): Promise<ExplainedChapter[] & { skipped: SkippedLine[] }>;
