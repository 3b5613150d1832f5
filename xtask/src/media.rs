//! `cargo xtask media`: the demo's and the tests' audio, made here rather than committed.
//!
//! Each of the seed page's five episodes becomes an MP3 as long as the real episode, silent except
//! that at each chapter's start a voice reads the chapter's title. A person trying the demo hears
//! that a chapter jump landed where it should, and a test can check for sound at a chapter start
//! and silence elsewhere. The chapters come from `chapters::notes::extract`, the same code the
//! widget runs, on the same notes.
//!
//! `tone.wav` is a small, fast asset (60 s, 8 kHz, a beep every 10 s) for tests that need real
//! media without the long episodes; it is written here without any tool.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use crate::cmd::{self, format_size, spawn_error, Context, Error, Result};

/// Where the media goes: served by the plain page's server and copied into the widget's demo.
const MEDIA_DIR: &str = "www/media";
/// The page the project grew from, with five episodes' show notes.
const SEED: &str = "crates/chapters/tests/fixtures/seed.txt";
/// This file: a change to how the media is made makes the old media stale.
const SOURCE: &str = "xtask/src/media.rs";
/// Between two episodes' notes on the seed page.
const SEPARATOR: &str = "--------";
/// The newest episode, the first on the page; the page gives no title for it.
const FIRST_EPISODE: u32 = 20;
/// Episode 18 with its chapters in an ID3 tag and nowhere else, two of them with pictures.
const ID3_COPY: &str = "episode-18-id3.mp3";
/// Chapter art for the tests: `(file, colour)`, also embedded in [`ID3_COPY`]'s second and third
/// chapters.
const CHAPTER_ART: [(&str, &str); 2] = [
    ("chapter-art-1.png", "0x2e7d32"),
    ("chapter-art-2.png", "0x1565c0"),
];
/// The last episode on the page has no duration line: it lasts this long after its last chapter.
const LAST_CHAPTER_MS: u64 = 150_000;
/// MP3 bitrate: speech over silence needs little, and small files keep the tests fast.
const BITRATE: &str = "16k";

/// One episode from the seed page.
#[derive(Debug)]
pub struct Episode {
    pub number: u32,
    pub title: String,
    pub duration_ms: u64,
    pub chapters: chapters::Chapters,
}

impl Episode {
    fn file_name(&self) -> String {
        format!("episode-{}.mp3", self.number)
    }
}

pub fn media(force: bool) -> Result {
    let root = cmd::root();
    let dir = root.join(MEDIA_DIR);
    fs::create_dir_all(&dir).context(|| format!("creating {}", dir.display()))?;
    let seed_path = root.join(SEED);
    let seed = fs::read_to_string(&seed_path).context(|| format!("reading {SEED}"))?;
    let episodes = split_seed(&seed)?;

    let mut outputs: Vec<PathBuf> = episodes.iter().map(|e| dir.join(e.file_name())).collect();
    outputs.push(dir.join("tone.wav"));
    outputs.extend(CHAPTER_ART.map(|(name, _)| dir.join(name)));
    outputs.push(dir.join(ID3_COPY));
    outputs.push(dir.join("episodes.json"));

    if !force && up_to_date(&outputs, &[seed_path, root.join(SOURCE)]) {
        println!("media: up to date in {MEDIA_DIR} (`cargo xtask media --force` remakes it)");
        for path in &outputs {
            print_size(path)?;
        }
        return Ok(());
    }

    let tone = dir.join("tone.wav");
    fs::write(&tone, tone_wav()).context(|| format!("writing {}", tone.display()))?;
    print_size(&tone)?;
    for episode in &episodes {
        let path = dir.join(episode.file_name());
        write_episode(episode, &path)?;
        print_size(&path)?;
    }
    // Episode 18 again, its chapters only in an ID3 tag: the player must find them there.
    if let Some(episode) = episodes.iter().find(|e| e.number == 18) {
        let audio =
            fs::read(dir.join(episode.file_name())).context(|| "reading episode 18".to_string())?;
        let mut list = episode.chapters.as_slice().to_vec();
        for ((name, colour), chapter) in CHAPTER_ART.iter().zip(list.iter_mut().skip(1)) {
            let path = dir.join(name);
            write_picture(&path, colour)?;
            let data = fs::read(&path).context(|| format!("reading {}", path.display()))?;
            chapter.picture = Some(chapters::Picture {
                mime: "image/png".into(),
                data,
            });
        }
        let with_art = chapters::Chapters::new(list);
        let tagged = chapters::formats::id3_write::write(&audio, &with_art, None)
            .map_err(|e| Error::new(format!("tagging episode 18: {e}")))?;
        let path = dir.join(ID3_COPY);
        fs::write(&path, tagged.bytes).context(|| format!("writing {}", path.display()))?;
        print_size(&path)?;
    }
    // Last, so an interrupted run leaves it missing and the next run starts over.
    let json = dir.join("episodes.json");
    fs::write(&json, episodes_json(&episodes)).context(|| format!("writing {}", json.display()))?;
    print_size(&json)?;
    Ok(())
}

/// A 96×96 PNG in one colour, made by ffmpeg.
fn write_picture(path: &Path, colour: &str) -> Result {
    let mut cmd = Command::new("ffmpeg");
    cmd.args([
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
    ])
    .arg(format!("color=c={colour}:s=96x96"))
    .args(["-frames:v", "1"])
    .arg(path);
    cmd::run(&mut cmd)
}

/// Whether every output exists and is newer than every input.
fn up_to_date(outputs: &[PathBuf], inputs: &[PathBuf]) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let newest_input = inputs
        .iter()
        .map(|p| modified(p).unwrap_or_else(SystemTime::now))
        .max()
        .unwrap_or(SystemTime::UNIX_EPOCH);
    outputs
        .iter()
        .all(|p| modified(p).is_some_and(|t| t > newest_input))
}

fn print_size(path: &Path) -> Result {
    let size = fs::metadata(path)
        .context(|| format!("reading {}", path.display()))?
        .len();
    let shown = path.strip_prefix(cmd::root()).unwrap_or(path);
    println!("media: {:<28} {:>10}", shown.display(), format_size(size));
    Ok(())
}

/// Splits the seed page into its episodes, newest first as on the page.
///
/// A separator line ends one episode's notes; the line after it is the duration of the episode
/// before it, the next is the following episode's title, then come that episode's notes.
pub fn split_seed(seed: &str) -> Result<Vec<Episode>> {
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in seed.lines() {
        if line.trim_end() == SEPARATOR {
            chunks.push(Vec::new());
        } else if let Some(chunk) = chunks.last_mut() {
            chunk.push(line);
        }
    }

    let mut episodes: Vec<Episode> = Vec::new();
    let mut expected_number = FIRST_EPISODE;
    for (i, chunk) in chunks.iter().enumerate() {
        let mut lines = chunk.as_slice();
        let title = if i == 0 {
            format!("Episode {FIRST_EPISODE}")
        } else {
            let (duration_line, rest) = lines
                .split_first()
                .ok_or_else(|| seed_error(i, "nothing after the separator"))?;
            let duration_ms = chapters::timestamp::parse_clock(duration_line.trim())
                .ok_or_else(|| seed_error(i, &format!("not a duration: {duration_line:?}")))?;
            if let Some(previous) = episodes.last_mut() {
                previous.duration_ms = duration_ms;
            }
            let (title, rest) = rest
                .split_first()
                .ok_or_else(|| seed_error(i, "no title line"))?;
            lines = rest;
            title.trim().to_string()
        };
        let number = episode_number(&title).unwrap_or(expected_number);
        if number != expected_number {
            return Err(seed_error(
                i,
                &format!("expected episode {expected_number}, found {title:?}"),
            ));
        }
        expected_number = number.saturating_sub(1);

        let notes = lines.join("\n");
        let chapters = chapters::notes::extract(&notes);
        let last_start = chapters
            .iter()
            .last()
            .map(|c| c.start_ms)
            .ok_or_else(|| seed_error(i, "no chapters in the notes"))?;
        episodes.push(Episode {
            number,
            title,
            // Until the next chunk's duration line says otherwise: the last episode has none.
            duration_ms: last_start + LAST_CHAPTER_MS,
            chapters,
        });
    }
    if episodes.len() != 5 {
        return Err(Error::new(format!(
            "{SEED}: expected 5 episodes, found {}",
            episodes.len()
        )));
    }
    Ok(episodes)
}

fn seed_error(chunk: usize, what: &str) -> Error {
    Error::new(format!("{SEED}: episode {} on the page: {what}", chunk + 1))
}

/// `19` from `Episode 19: Async hacks…`.
fn episode_number(title: &str) -> Option<u32> {
    let rest = title.strip_prefix("Episode ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// 16-bit mono PCM as ffmpeg reads it (`s16le`), with its sample rate.
struct Pcm {
    rate: u32,
    /// Little-endian samples.
    bytes: Vec<u8>,
}

impl Pcm {
    fn samples(&self) -> u64 {
        self.bytes.len() as u64 / 2
    }
}

/// Samples quieter than this before the speech starts are cut, so the voice starts right at the
/// chapter's start.
const SPEECH_THRESHOLD: i16 = 256;

/// The title spoken by espeak-ng, passed as an argument (after `--`, so a title starting with `-`
/// is not an option), never through a shell.
fn speak(title: &str) -> Result<Pcm> {
    let mut cmd = Command::new("espeak-ng");
    cmd.args(["-v", "en-us", "-s", "170", "--stdout", "--", title])
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    let shown = cmd::display(&cmd);
    let output = cmd.output().map_err(|e| spawn_error(&shown, &e))?;
    cmd::check(&shown, output.status)?;
    let mut pcm = parse_wav(&output.stdout).map_err(|e| format!("`{shown}`: {e}"))?;
    let first_sound = pcm
        .bytes
        .chunks_exact(2)
        .position(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs() >= SPEECH_THRESHOLD as u16)
        .unwrap_or(0);
    pcm.bytes.drain(..first_sound * 2);
    Ok(pcm)
}

/// The samples of a 16-bit mono PCM WAV file. espeak-ng writing to a pipe cannot seek back to fill
/// in the sizes, so a `data` chunk claiming more than the file holds is read to the end.
fn parse_wav(wav: &[u8]) -> std::result::Result<Pcm, String> {
    if wav.len() < 12 || &wav[0..4] != b"RIFF" || &wav[8..12] != b"WAVE" {
        return Err("not a RIFF/WAVE file".into());
    }
    let mut format: Option<(u16, u16, u32, u16)> = None;
    let mut at = 12;
    while at + 8 <= wav.len() {
        let id = &wav[at..at + 4];
        let size = u32::from_le_bytes([wav[at + 4], wav[at + 5], wav[at + 6], wav[at + 7]]);
        let body_start = at + 8;
        let body_end = body_start.saturating_add(size as usize).min(wav.len());
        let body = &wav[body_start..body_end];
        match id {
            b"fmt " => {
                if body.len() < 16 {
                    return Err("short fmt chunk".into());
                }
                let u16_at = |i: usize| u16::from_le_bytes([body[i], body[i + 1]]);
                let rate = u32::from_le_bytes([body[4], body[5], body[6], body[7]]);
                format = Some((u16_at(0), u16_at(2), rate, u16_at(14)));
            }
            b"data" => {
                let (encoding, channels, rate, bits) =
                    format.ok_or("data chunk before fmt chunk")?;
                if (encoding, channels, bits) != (1, 1, 16) {
                    return Err(format!(
                        "expected 16-bit mono PCM, got format {encoding}, {channels} channels, {bits} bits"
                    ));
                }
                let even = body.len() & !1;
                return Ok(Pcm {
                    rate,
                    bytes: body[..even].to_vec(),
                });
            }
            _ => {}
        }
        // Chunks are padded to an even size.
        at = body_start
            .saturating_add(size as usize)
            .saturating_add(size as usize & 1);
    }
    Err("no data chunk".into())
}

/// Streams the episode's PCM into ffmpeg, a block at a time, and lets it encode the MP3. Written
/// under a temporary name and renamed at the end, so an interrupted run leaves no short file that
/// looks up to date.
fn write_episode(episode: &Episode, path: &Path) -> Result {
    let clips: Vec<(u64, Pcm)> = episode
        .chapters
        .iter()
        .map(|c| Ok((c.start_ms, speak(&c.title)?)))
        .collect::<Result<_>>()?;
    let rate = clips.first().map_or(22_050, |(_, pcm)| pcm.rate);
    if let Some((_, odd)) = clips.iter().find(|(_, pcm)| pcm.rate != rate) {
        return Err(Error::new(format!(
            "espeak-ng gave clips at {rate} Hz and {} Hz",
            odd.rate
        )));
    }
    let at_sample = |ms: u64| ms * u64::from(rate) / 1000;
    let total = at_sample(episode.duration_ms);

    let partial = path.with_extension("partial.mp3");
    let rate_arg = rate.to_string();
    let mut cmd = Command::new("ffmpeg");
    cmd.args(["-hide_banner", "-loglevel", "error", "-y"])
        .args(["-f", "s16le", "-ar", &rate_arg, "-ac", "1", "-i", "-"])
        .args([
            "-c:a",
            "libmp3lame",
            "-b:a",
            BITRATE,
            "-ar",
            &rate_arg,
            "-ac",
            "1",
        ])
        .args(["-f", "mp3"])
        .arg(&partial)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    let shown = cmd::display(&cmd);
    let mut child = cmd.spawn().map_err(|e| spawn_error(&shown, &e))?;
    let stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::new(format!("`{shown}`: no stdin")))?;

    let written = write_pcm(
        BufWriter::with_capacity(1 << 20, stdin),
        &clips,
        total,
        at_sample,
    );
    // Whatever happened, stdin is closed now: ffmpeg finishes or has already failed.
    let status = child.wait().context(|| format!("waiting for `{shown}`"))?;
    cmd::check(&shown, status)?;
    written.context(|| format!("writing audio to `{shown}`"))?;
    fs::rename(&partial, path)
        .context(|| format!("renaming {} to {}", partial.display(), path.display()))
}

/// Silence, with each clip starting at its chapter's start and cut where the next chapter starts.
fn write_pcm(
    mut out: impl Write,
    clips: &[(u64, Pcm)],
    total: u64,
    at_sample: impl Fn(u64) -> u64,
) -> std::io::Result<()> {
    let mut cursor = 0u64;
    for (i, (start_ms, clip)) in clips.iter().enumerate() {
        let start = at_sample(*start_ms);
        if start >= total {
            break;
        }
        let next = clips
            .get(i + 1)
            .map_or(total, |(ms, _)| at_sample(*ms).min(total));
        write_silence(&mut out, start - cursor)?;
        let len = clip.samples().min(next - start);
        out.write_all(&clip.bytes[..len as usize * 2])?;
        cursor = start + len;
    }
    write_silence(&mut out, total - cursor)?;
    out.flush()
}

fn write_silence(out: &mut impl Write, samples: u64) -> std::io::Result<()> {
    static ZEROS: [u8; 64 * 1024] = [0; 64 * 1024];
    let mut left = samples * 2;
    while left > 0 {
        let n = left.min(ZEROS.len() as u64);
        out.write_all(&ZEROS[..n as usize])?;
        left -= n;
    }
    Ok(())
}

/// 60 s of 8 kHz mono 16-bit silence with a 440 Hz beep of 250 ms every 10 s (faded in and out
/// over 10 ms, so it does not click).
pub fn tone_wav() -> Vec<u8> {
    const RATE: u32 = 8_000;
    const SECONDS: u32 = 60;
    const EVERY: u32 = 10;
    const BEEP_MS: u32 = 250;
    const FADE_MS: u32 = 10;
    let total = RATE * SECONDS;
    let beep = RATE * BEEP_MS / 1000;
    let fade = RATE * FADE_MS / 1000;
    let data_len = total * 2;

    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&RATE.to_le_bytes());
    wav.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes per second
    wav.extend_from_slice(&2u16.to_le_bytes()); // block align
    wav.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    for n in 0..total {
        let in_period = n % (RATE * EVERY);
        let sample = if in_period < beep {
            let envelope = (in_period.min(beep - 1 - in_period) as f64 / fade as f64).min(1.0);
            let phase = 2.0 * std::f64::consts::PI * 440.0 * f64::from(n) / f64::from(RATE);
            (phase.sin() * envelope * 0.5 * f64::from(i16::MAX)) as i16
        } else {
            0
        };
        wav.extend_from_slice(&sample.to_le_bytes());
    }
    wav
}

/// `episodes.json`, for the browser tests: one episode per line, in page order.
fn episodes_json(episodes: &[Episode]) -> String {
    let lines: Vec<String> = episodes
        .iter()
        .map(|e| {
            format!(
                "  {{\"number\":{},\"title\":{},\"duration\":{},\"file\":\"media/{}\",\"chapters\":{}}}",
                e.number,
                json_string(&e.title),
                seconds(e.duration_ms),
                e.file_name(),
                e.chapters.len()
            )
        })
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

fn seconds(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        format!("{}.{:03}", ms / 1000, ms % 1000)
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    chapters::formats::json_value::write_string(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_TEXT: &str = include_str!("../../crates/chapters/tests/fixtures/seed.txt");

    #[test]
    fn the_seed_has_five_episodes_with_durations() {
        let episodes = split_seed(SEED_TEXT).expect("seed splits");
        let summary: Vec<(u32, u64, usize)> = episodes
            .iter()
            .map(|e| (e.number, e.duration_ms / 1000, e.chapters.len()))
            .collect();
        // Episode 16 has no duration line: its last chapter, 01:40:42, plus 150 s.
        let last_start = 3600 + 40 * 60 + 42;
        assert_eq!(
            summary,
            [
                (20, 6260, 23),
                (19, 7641, 34),
                (18, 5947, 31),
                (17, 6306, 28),
                (16, last_start + 150, 36),
            ]
        );
        assert_eq!(episodes[0].title, "Episode 20");
        assert_eq!(
            episodes[1].title,
            "Episode 19: Async hacks, unicorns and velociraptors"
        );
    }

    #[test]
    fn clips_start_at_their_chapter_and_stop_at_the_next() {
        let clip = |n: usize| Pcm {
            rate: 1000,
            bytes: [1u8, 0].repeat(n),
        };
        let clips = vec![(0, clip(3)), (2, clip(5)), (9, clip(5))];
        let mut out = Vec::new();
        write_pcm(&mut out, &clips, 12, |ms| ms).expect("writes to a Vec");
        let samples: Vec<u8> = out.chunks(2).map(|s| s[0]).collect();
        assert_eq!(samples, [1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn the_tone_is_a_valid_wav() {
        let pcm = parse_wav(&tone_wav()).expect("parses");
        assert_eq!(pcm.rate, 8000);
        assert_eq!(pcm.samples(), 8000 * 60);
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
    }
}
