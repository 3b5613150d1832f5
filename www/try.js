// The try-it page: what the player makes of a podcaster's notes, the live player, and the snippet
// to paste — all through the same wasm, nothing sent anywhere.
import { explain, mount } from "./chapter-player.js";

const $ = (id) => document.getElementById(id);
const clock = (s) => {
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, Math.floor(s % 60)];
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(sec).padStart(2, "0")}`;
};
const escapeHtml = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const looksLikeHtml = (t) => /<\/?(p|br|li|ul|ol|div|a|strong|b|em|h\d)\b/i.test(t);

/** Placeholders a podcaster replaces, marked so they cannot be mistaken for working values. */
const SITE = "https://YOUR-SITE/chapter-player/";
const EPISODE = "YOUR-EPISODE.mp3";
/** What the live player plays while no audio URL is given. */
const SAMPLE = "media/episode-18.mp3";

/**
 * Where a pasted snippet loads the player from: this page's own copy when it is served from a
 * real site, else a placeholder — a copy on this machine would not load on anyone else's page.
 */
function scriptBase() {
  const local = /^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(location.hostname) || !/^https?:$/.test(location.protocol);
  return local ? null : new URL("./", location.href).href;
}

function snippet(notes, src, title) {
  const attrs = [`src="${escapeHtml(src || EPISODE)}"`];
  if (title) attrs.push(`episode-title="${escapeHtml(title)}"`);
  // HTML notes go in as they are; plain text and Markdown are escaped so they stay text.
  const body = looksLikeHtml(notes) ? notes : escapeHtml(notes);
  return `<script type="module" src="${scriptBase() ?? SITE}chapter-player.js"></script>\n` +
    `<chapter-player ${attrs.join(" ")}>\n${body}\n</chapter-player>`;
}

/** One sentence under the snippet: what to host or replace before it works. */
function snippetNote(src) {
  const base = scriptBase();
  const replace = src ? "" : ` and ${EPISODE} with your episode's audio URL`;
  $("host-files").hidden = Boolean(base);
  $("snippet-note").textContent = base
    ? `The snippet loads the player from ${base}${src ? "; paste it as it is." : `; replace ${EPISODE} with your episode's audio URL.`}`
    : `Host these two files side by side on your site, then replace ${SITE}${replace}:`;
}

async function update() {
  const notes = $("notes").value;
  const src = $("src").value.trim();
  const title = $("title").value.trim();
  const found = await explain(notes);
  $("found-summary").textContent = found.length
    ? `${found.length} chapters`
    : "No chapter list found: the player needs two or more increasing timestamps, each with a title.";
  $("found").replaceChildren(...found.map((c) => {
    const li = document.createElement("li");
    const start = document.createElement("span");
    start.className = "start";
    start.textContent = clock(c.start);
    const line = document.createElement("span");
    line.className = "line";
    line.textContent = `from: ${c.line}`;
    li.append(start, ` ${c.title}`, line);
    return li;
  }));
  const skipped = found.skipped || [];
  $("skipped-summary").textContent = skipped.length === 0 ? "" : skipped.length === 1
    ? "1 line with a time was not used:"
    : `${skipped.length} lines with times were not used:`;
  $("skipped").replaceChildren(...skipped.map((s) => {
    const li = document.createElement("li");
    const text = document.createElement("code");
    text.textContent = s.text;
    li.append(`line ${s.line} `, text, ` — ${s.reason}`);
    return li;
  }));
  $("snippet").value = snippet(notes, src, title);
  snippetNote(src);
  await mount($("live"), { src: src || SAMPLE, title, notes: looksLikeHtml(notes) ? notes : escapeHtml(notes) });
}

let timer;
for (const id of ["notes", "src", "title"]) {
  $(id).addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
}
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("snippet").value);
    $("copied").textContent = "Copied.";
  } catch {
    $("snippet").focus();
    $("snippet").select();
    $("copied").textContent = "Select all and copy it by hand.";
  }
});
update();
