//! Podcasting 2.0 JSON transcripts: `{"version": "1.0.0", "segments": [{"speaker", "startTime",
//! "endTime", "body"}]}`, word-level files included (one word a segment; [`super::normalize`]
//! joins them). A bare array of segments is read too.

use super::speaker;
use super::{Cue, Transcript};
use crate::formats::json_value::{self, Value};
use crate::timestamp::seconds_to_ms;

pub fn read(text: &str) -> Result<Transcript, String> {
    let root = json_value::parse(text)?;
    let segments = match &root {
        Value::Array(items) => items,
        Value::Object(_) => match root.get("segments") {
            Some(Value::Array(items)) => items,
            Some(other) => {
                return Err(format!(
                    "\"segments\" must be an array, found {}",
                    other.kind()
                ))
            }
            None => return Err("missing \"segments\"".into()),
        },
        other => {
            return Err(format!(
                "expected an object with \"segments\", found {}",
                other.kind()
            ))
        }
    };
    let mut cues = Vec::with_capacity(segments.len());
    for (n, item) in segments.iter().enumerate() {
        let body = match item.get("body") {
            Some(Value::String(s)) => s,
            Some(Value::Null) | None => continue,
            Some(other) => {
                return Err(format!(
                    "segment {}: \"body\" must be a string, found {}",
                    n + 1,
                    other.kind()
                ))
            }
        };
        let time = |key: &str| match item.get(key) {
            Some(Value::Number(x)) => seconds_to_ms(*x),
            Some(Value::String(s)) => super::time::parse(s),
            _ => None,
        };
        let start_ms = time("startTime")
            .ok_or_else(|| format!("segment {}: missing or invalid \"startTime\"", n + 1))?;
        let end_ms = time("endTime").unwrap_or(start_ms).max(start_ms);
        let speaker = match item.get("speaker") {
            Some(Value::String(s)) => speaker::clean(s),
            _ => None,
        };
        cues.push(Cue {
            start_ms,
            end_ms,
            speaker,
            text: body.clone(),
        });
    }
    Ok(Transcript { cues, timed: true })
}
