//! What one player is given: from the element's attributes, or from `mount(element, config)`.

use crate::episode::{Episode, TranscriptSource};
use crate::url::absolute;
use chapters::feed::TranscriptLink;
use chapters::timestamp::parse_duration;
use chapters::transcript::{Cue, Transcript};
use chapters::{Chapter, ChapterSource, Chapters};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// Where a playlist comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum PlaylistSource {
    /// A podcast RSS feed (`feed="URL"`, `mount({ feed })`).
    Feed(String),
    /// `mount({ playlist: [...] })`.
    Entries(Vec<Episode>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub episode: Episode,
    /// `light`, `dark`, or follow the system.
    pub theme: Option<String>,
    /// Save the position and offer to resume there (off with `no-resume` / `resume: false`).
    pub resume: bool,
    pub playlist: Option<PlaylistSource>,
}

/// The fields of a chapter as JavaScript hands it to `mount()`: `start` in seconds, like
/// `element.chapters` returns.
const CHAPTER_FIELDS: [&str; 4] = ["start", "title", "url", "img"];

/// The fields of a transcript cue given to `mount()`: seconds, like chapters.
const CUE_FIELDS: [&str; 4] = ["start", "end", "speaker", "text"];

const FIELDS: [&str; 14] = [
    "src",
    "title",
    "show",
    "artwork",
    "notes",
    "chapters",
    "chaptersUrl",
    "transcript",
    "transcriptUrl",
    "theme",
    "duration",
    "resume",
    "feed",
    "playlist",
];

const ENTRY_FIELDS: [&str; 10] = [
    "src",
    "title",
    "artwork",
    "notes",
    "chapters",
    "chaptersUrl",
    "transcript",
    "transcriptUrl",
    "duration",
    "published",
];

/// Reads the fields of one JavaScript object; `path` (`""`, `"playlist[2]."`) makes every error
/// name the field exactly as the caller wrote it.
struct Fields<'a> {
    obj: &'a JsValue,
    path: String,
}

impl Fields<'_> {
    fn name(&self, key: &str) -> String {
        format!("mount(): \"{}{key}\"", self.path)
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(self.obj, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn only(&self, allowed: &[&str]) -> Result<(), String> {
        let keys = js_sys::Object::keys(self.obj.unchecked_ref::<js_sys::Object>());
        for key in keys.iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                return Err(format!(
                    "mount(): unknown field \"{}{key}\" (expected one of: {})",
                    self.path,
                    allowed.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// A string field; a value of another type is an error naming the field and what it was.
    fn string(&self, key: &str) -> Result<Option<String>, String> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.as_string().map(Some).ok_or_else(|| {
            let kind = if js_sys::Array::is_array(&v) {
                "array".to_string()
            } else {
                v.js_typeof().as_string().unwrap_or_default()
            };
            format!(
                "{}: invalid type: {kind}, expected a string",
                self.name(key)
            )
        })
    }

    fn duration(&self) -> Result<Option<u64>, String> {
        let Some(v) = self.get("duration") else {
            return Ok(None);
        };
        v.as_f64()
            .and_then(chapters::timestamp::seconds_to_ms)
            .or_else(|| v.as_string().and_then(|s| parse_duration(&s)))
            .map(Some)
            .ok_or_else(|| {
                format!(
                    "{} must be seconds or a time like \"1:44:20\"",
                    self.name("duration")
                )
            })
    }

    /// The array at `key`, each item an object read by `read` with its own path in errors
    /// (`"chapters[2].start"`); `None` when the field is absent. `list` and `item` say what the
    /// array and each of its objects should look like.
    fn objects<T>(
        &self,
        key: &str,
        list: &str,
        item: &str,
        mut read: impl FnMut(&Fields) -> Result<T, String>,
    ) -> Result<Option<Vec<T>>, String> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        if !js_sys::Array::is_array(&v) {
            return Err(format!("{} must be an array of {list}", self.name(key)));
        }
        let array: js_sys::Array = v.unchecked_into();
        let mut out = Vec::new();
        for (i, value) in array.iter().enumerate() {
            let path = format!("{}{key}[{i}]", self.path);
            if !value.is_object() || js_sys::Array::is_array(&value) {
                return Err(format!("mount(): \"{path}\" must be an object like {item}"));
            }
            out.push(read(&Fields {
                obj: &value,
                path: format!("{path}."),
            })?);
        }
        Ok(Some(out))
    }

    /// A time in seconds at `key`, as milliseconds; `None` when absent or not a time.
    fn seconds(&self, key: &str) -> Option<u64> {
        self.get(key)
            .and_then(|v| v.as_f64())
            .and_then(chapters::timestamp::seconds_to_ms)
    }

    /// The start every chapter and cue must have, in seconds.
    fn start(&self) -> Result<u64, String> {
        self.seconds("start")
            .ok_or_else(|| format!("{} must be a number of seconds ≥ 0", self.name("start")))
    }

    /// A string field that must be there.
    fn required(&self, key: &str) -> Result<String, String> {
        self.string(key)?
            .ok_or_else(|| format!("{} is required", self.name(key)))
    }

    fn chapters(&self) -> Result<Option<Chapters>, String> {
        let list = self.objects(
            "chapters",
            "{ start, title, url }",
            "{ start, title }",
            |f| f.chapter(),
        )?;
        Ok(list.map(Chapters::new))
    }

    /// `chapters[i]`, read field by field like the rest of the config (no serde here: its errors
    /// would bring float printing into the bundle to say which number was wrong).
    fn chapter(&self) -> Result<Chapter, String> {
        self.only(&CHAPTER_FIELDS)?;
        Ok(Chapter {
            start_ms: self.start()?,
            title: self.required("title")?,
            url: self.string("url")?,
            image: self.string("img")?,
            ..Chapter::default()
        })
    }

    /// A transcript given as cues, else a file to fetch, else none.
    fn transcript_source(&self) -> Result<TranscriptSource, String> {
        if let Some(url) = self.string("transcriptUrl")? {
            if self.get("transcript").is_none() {
                return Ok(TranscriptSource::Links(vec![TranscriptLink {
                    url: absolute(&url),
                    ..TranscriptLink::default()
                }]));
            }
        }
        let Some(mut cues) = self.objects(
            "transcript",
            "{ start, end, speaker, text }",
            "{ start, text }",
            |f| f.cue(),
        )?
        else {
            return Ok(TranscriptSource::None);
        };
        cues.sort_by_key(|c| c.start_ms);
        Ok(TranscriptSource::Inline(Rc::new(Transcript {
            cues,
            timed: true,
        })))
    }

    /// `transcript[i]`: a cue, its end no earlier than its start.
    fn cue(&self) -> Result<Cue, String> {
        self.only(&CUE_FIELDS)?;
        let start_ms = self.start()?;
        Ok(Cue {
            start_ms,
            end_ms: self.seconds("end").unwrap_or(start_ms).max(start_ms),
            speaker: self.string("speaker")?,
            text: self.required("text")?,
        })
    }

    /// Chapters in order of precedence: given, a file, the notes.
    fn chapter_source(&self) -> Result<ChapterSource, String> {
        Ok(match (self.chapters()?, self.string("chaptersUrl")?) {
            (Some(c), _) => ChapterSource::Inline(c),
            (None, Some(url)) => ChapterSource::Url(url),
            (None, None) => ChapterSource::Notes,
        })
    }

    fn required_src(&self) -> Result<String, String> {
        self.string("src")?
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| {
                format!(
                    "{} is required: the URL of the episode's audio",
                    self.name("src")
                )
            })
    }
}

fn playlist_entry(item: &JsValue, i: usize) -> Result<Episode, String> {
    let f = Fields {
        obj: item,
        path: format!("playlist[{i}]."),
    };
    if !item.is_object() {
        return Err(format!(
            "mount(): \"playlist[{i}]\" must be an object like {{ src, title }}"
        ));
    }
    f.only(&ENTRY_FIELDS)?;
    Ok(Episode {
        src: absolute(&f.required_src()?),
        title: f.string("title")?.unwrap_or_default(),
        show: String::new(),
        published: f.string("published")?,
        duration_ms: f.duration()?,
        artwork: f.string("artwork")?,
        chapters: f.chapter_source()?,
        transcript: f.transcript_source()?,
        notes: Rc::from(f.string("notes")?.unwrap_or_default()),
    })
}

impl Config {
    /// From `mount()`'s object. Errors name the field: `mount(): "src": invalid type: …`.
    pub fn from_js(value: &JsValue) -> Result<Config, String> {
        if !value.is_object() || js_sys::Array::is_array(value) {
            return Err(
                "mount(): the configuration must be an object like { src, title, notes }".into(),
            );
        }
        let f = Fields {
            obj: value,
            path: String::new(),
        };
        f.only(&FIELDS)?;
        let playlist = match (f.string("feed")?, f.get("playlist")) {
            (Some(url), _) => Some(PlaylistSource::Feed(url)),
            (None, Some(list)) if js_sys::Array::is_array(&list) => {
                let list: js_sys::Array = list.unchecked_into();
                let entries = list
                    .iter()
                    .enumerate()
                    .map(|(i, item)| playlist_entry(&item, i))
                    .collect::<Result<Vec<_>, _>>()?;
                if entries.is_empty() {
                    return Err(
                        "mount(): \"playlist\" is empty: give it at least one { src, title }"
                            .into(),
                    );
                }
                Some(PlaylistSource::Entries(entries))
            }
            (None, Some(_)) => {
                return Err("mount(): \"playlist\" must be an array of { src, title, … }".into())
            }
            (None, None) => None,
        };
        let src = match playlist {
            Some(_) => f.string("src")?.unwrap_or_default(),
            None => f.required_src()?,
        };
        let src = if src.trim().is_empty() {
            String::new()
        } else {
            absolute(src.trim())
        };
        let theme = f.string("theme")?;
        if let Some(t) = theme
            .as_deref()
            .filter(|t| !matches!(*t, "light" | "dark" | "auto"))
        {
            return Err(format!(
                "mount(): \"theme\" must be \"light\", \"dark\" or \"auto\", not \"{t}\""
            ));
        }
        let resume = match f.get("resume") {
            None => true,
            Some(v) => v
                .as_bool()
                .ok_or("mount(): \"resume\": invalid type: expected true or false")?,
        };
        let episode = Episode {
            src,
            title: f.string("title")?.unwrap_or_default(),
            show: f.string("show")?.unwrap_or_default(),
            artwork: f.string("artwork")?,
            published: None,
            duration_ms: f.duration()?,
            notes: Rc::from(f.string("notes")?.unwrap_or_default()),
            chapters: f.chapter_source()?,
            transcript: f.transcript_source()?,
        };
        Ok(Config {
            episode,
            resume,
            theme,
            playlist,
        })
    }
}
