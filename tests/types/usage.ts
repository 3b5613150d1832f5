// Every typed member of the loader's API, used as a page would; and what must not type-check,
// each marked `@ts-expect-error` (tsc fails if such a line stops being an error).
import { explain, mount, type Chapter, type ChapterPlayer, type ChapterPlayerElement } from "../../www/chapter-player.js";

const el = document.querySelector("chapter-player");
if (el) {
  const typed: ChapterPlayerElement = el;
  typed.src = "episode.mp3";
  typed.episodeTitle = "Episode 18";
  typed.show = "core.py";
  typed.artwork = "art.jpg";
  typed.chaptersUrl = "chapters.json";
  typed.transcriptUrl = "transcript.vtt";
  typed.theme = "dark";
  typed.feed = "feed.xml";
  typed.noResume = true;
  typed.noPauseOthers = false;
  typed.duration = "1:39:07";
  typed.duration = 5947;
  const seconds: number = typed.duration;
  typed.currentTime = seconds / 2;
  const chapters: Chapter[] = typed.chapters;
  const index: number = typed.currentChapter + chapters.length;
  typed.nextChapter();
  typed.previousChapter();
  void typed.ready.then(() => typed.play()).then(() => typed.pause());
  typed.addEventListener("chapterchange", (event) => {
    const { index: i, start, title } = event.detail;
    console.log(i + start + index, title.toUpperCase());
  });
  typed.addEventListener("timeupdate", (event) => console.log(event.timeStamp));
  // @ts-expect-error: no such property
  typed.srcc = "x";
  // @ts-expect-error: the list is read-only; chaptersUrl is the attribute
  typed.chapters = [];
}

const made = document.createElement("chapter-player");
made.noResume = true;

async function configs(host: HTMLElement): Promise<ChapterPlayer[]> {
  return Promise.all([
    mount(host, { src: "a.mp3" }),
    mount(host, { src: "a.mp3", title: "A", notes: "(00:00) Intro", theme: "auto", duration: 60, resume: false }),
    mount(host, { src: "a.mp3", chapters: [{ start: 0, title: "Intro", img: "i.jpg", url: "https://x" }] }),
    mount(host, { src: "a.mp3", chaptersUrl: "c.vtt" }),
    mount(host, { src: "a.mp3", transcriptUrl: "t.srt" }),
    mount(host, { src: "a.mp3", transcript: [{ start: 0, end: 4.2, speaker: "Ana", text: "Hello." }] }),
    mount(host, { feed: "feed.xml", show: "Show" }),
    mount(host, { playlist: [{ src: "1.mp3", title: "One", notes: "0:00 A" }, { src: "2.mp3", chaptersUrl: "2.json" }] }),
    // @ts-expect-error: a wrong field
    mount(host, { srcc: "a.mp3" }),
    // @ts-expect-error: src is required for one episode
    mount(host, { notes: "0:00 Intro" }),
    // @ts-expect-error: chapters and chaptersUrl at once
    mount(host, { src: "a.mp3", chapters: [], chaptersUrl: "c.vtt" }),
    // @ts-expect-error: a feed and a playlist at once
    mount(host, { feed: "f.xml", playlist: [] }),
    // @ts-expect-error: an unknown theme
    mount(host, { src: "a.mp3", theme: "blue" }),
    // @ts-expect-error: a chapter needs its title
    mount(host, { src: "a.mp3", chapters: [{ start: 0 }] }),
    // @ts-expect-error: a transcript and a transcript file at once
    mount(host, { src: "a.mp3", transcript: [], transcriptUrl: "t.vtt" }),
    // @ts-expect-error: a cue needs its text
    mount(host, { src: "a.mp3", transcript: [{ start: 0 }] }),
  ]);
}
void configs;

void explain("(00:00) Intro").then((found) => found.map((c) => `${c.start} ${c.title} ${c.line}`));
void explain("(00:00) Intro").then((found) => found.skipped.map((s) => `${s.line} ${s.text} ${s.reason}`));

// What mount() resolves to can also be destroyed.
void mount(made, { src: "a.mp3" }).then((player) => {
  player.destroy();
  // @ts-expect-error: destroy takes no argument
  player.destroy(true);
});
