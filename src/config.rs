//! What one player is given: from the element's attributes, or from `mount(element, config)`.

use chapters::{Chapter, Chapters};
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// Where the chapters come from, in order of precedence.
#[derive(Debug, Clone, PartialEq)]
pub enum ChapterSource {
    /// Given directly (`mount()`'s `chapters`).
    Inline(Chapters),
    /// A JSON, WebVTT or PSC file to fetch (`chapters="URL"`, `chaptersUrl`).
    Url(String),
    /// Show notes to extract from (the element's content, `mount()`'s `notes`).
    Notes(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub src: String,
    pub title: String,
    pub show: String,
    pub artwork: Option<String>,
    pub chapters: ChapterSource,
    /// `light`, `dark`, or follow the system.
    pub theme: Option<String>,
    /// Known before the audio's metadata arrives, so chapter lengths show at once.
    pub duration_ms: Option<u64>,
    /// Save the position and offer to resume there (off with `no-resume` / `resume: false`).
    pub resume: bool,
    /// The show notes, shown (with clickable times) whatever the chapters come from.
    pub notes: String,
}

/// A chapter as JavaScript hands it to `mount()`: seconds, like `element.chapters` returns.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterInput {
    start: f64,
    title: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    img: Option<String>,
}

const FIELDS: [&str; 10] = [
    "src",
    "title",
    "show",
    "artwork",
    "notes",
    "chapters",
    "chaptersUrl",
    "theme",
    "duration",
    "resume",
];

/// Reads an attribute-style duration: `1:44:20`, `104:20` or seconds.
pub fn parse_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    chapters::timestamp::parse_clock(s).or_else(|| {
        chapters::formats::json_value::parse_number(s).and_then(chapters::timestamp::seconds_to_ms)
    })
}

impl Config {
    /// From `mount()`'s object. Errors name the field: `mount(): "src" must be a string, …`.
    pub fn from_js(value: &JsValue) -> Result<Config, String> {
        if !value.is_object() || js_sys::Array::is_array(value) {
            return Err(
                "mount(): the configuration must be an object like { src, title, notes }".into(),
            );
        }
        let keys = js_sys::Object::keys(value.unchecked_ref_object());
        for key in keys.iter() {
            let key = key.as_string().unwrap_or_default();
            if !FIELDS.contains(&key.as_str()) {
                return Err(format!(
                    "mount(): unknown field \"{key}\" (expected one of: {})",
                    FIELDS.join(", ")
                ));
            }
        }
        let src = field(value, "src")?;
        let src = src
            .filter(|s| !s.trim().is_empty())
            .ok_or("mount(): \"src\" is required: the URL of the episode's audio")?;
        let notes = field(value, "notes")?;
        let chapters_url = field(value, "chaptersUrl")?;
        let inline = chapters_field(value)?;
        let notes = notes.unwrap_or_default();
        let chapters = match (inline, chapters_url) {
            (Some(c), _) => ChapterSource::Inline(c),
            (None, Some(url)) => ChapterSource::Url(url),
            (None, None) => ChapterSource::Notes(notes.clone()),
        };
        let theme = field(value, "theme")?;
        if let Some(t) = &theme {
            if !matches!(t.as_str(), "light" | "dark" | "auto") {
                return Err(format!(
                    "mount(): \"theme\" must be \"light\", \"dark\" or \"auto\", not \"{t}\""
                ));
            }
        }
        let duration_ms = match js_sys::Reflect::get(value, &"duration".into()) {
            Ok(v) if v.is_undefined() || v.is_null() => None,
            Ok(v) => Some(
                v.as_f64()
                    .and_then(chapters::timestamp::seconds_to_ms)
                    .or_else(|| v.as_string().and_then(|s| parse_duration(&s)))
                    .ok_or("mount(): \"duration\" must be seconds or a time like \"1:44:20\"")?,
            ),
            Err(_) => None,
        };
        let resume = match js_sys::Reflect::get(value, &"resume".into()) {
            Ok(v) if v.is_undefined() || v.is_null() => true,
            Ok(v) => v
                .as_bool()
                .ok_or("mount(): \"resume\": invalid type: expected true or false")?,
            Err(_) => true,
        };
        Ok(Config {
            notes,
            resume,
            src,
            title: field(value, "title")?.unwrap_or_default(),
            show: field(value, "show")?.unwrap_or_default(),
            artwork: field(value, "artwork")?,
            chapters,
            theme,
            duration_ms,
        })
    }
}

trait ObjectRef {
    fn unchecked_ref_object(&self) -> &js_sys::Object;
}

impl ObjectRef for JsValue {
    fn unchecked_ref_object(&self) -> &js_sys::Object {
        wasm_bindgen::JsCast::unchecked_ref(self)
    }
}

/// A string field; a value of another type is an error naming the field and what it was.
fn field(obj: &JsValue, name: &str) -> Result<Option<String>, String> {
    let v = js_sys::Reflect::get(obj, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| {
        let kind = if js_sys::Array::is_array(&v) {
            "array".to_string()
        } else {
            v.js_typeof().as_string().unwrap_or_default()
        };
        format!("mount(): \"{name}\": invalid type: {kind}, expected a string")
    })
}

/// serde-wasm-bindgen's message, without the `Error: ` its JavaScript form starts with.
fn serde_message(e: serde_wasm_bindgen::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
}

fn chapters_field(obj: &JsValue) -> Result<Option<Chapters>, String> {
    let v = js_sys::Reflect::get(obj, &"chapters".into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&v) {
        return Err("mount(): \"chapters\" must be an array of { start, title, url }".into());
    }
    let list: js_sys::Array = wasm_bindgen::JsCast::unchecked_into(v);
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let c: ChapterInput = serde_wasm_bindgen::from_value(item)
            .map_err(|e| format!("mount(): \"chapters[{i}]\": {}", serde_message(e)))?;
        let start_ms = chapters::timestamp::seconds_to_ms(c.start).ok_or_else(|| {
            format!("mount(): \"chapters[{i}].start\" must be a number of seconds ≥ 0")
        })?;
        out.push(Chapter {
            start_ms,
            title: c.title,
            url: c.url,
            image: c.img,
            ..Chapter::default()
        });
    }
    Ok(Some(Chapters::new(out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1:44:20"), Some(6_260_000));
        assert_eq!(parse_duration(" 90.5 "), Some(90_500));
        assert_eq!(parse_duration("soon"), None);
    }
}
