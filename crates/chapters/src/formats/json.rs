//! Podcasting 2.0 JSON chapters (`application/json+chapters`, version 1.2.0):
//! `{"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro","img":…,"url":…,"toc":false,"endTime":…}]}`.

use super::json_value::{self, Value};
use crate::formats::{Format, ParseError};
use crate::model::{Chapter, Chapters};
use crate::timestamp::{format_seconds, seconds_to_ms};

pub fn read(text: &str) -> Result<Chapters, ParseError> {
    let err = |m: String| ParseError::new(Format::Json, m);
    let root = json_value::parse(text).map_err(err)?;
    let Some(list) = root.get("chapters") else {
        return Err(err(format!(
            "expected an object with a \"chapters\" array, found {}",
            if matches!(root, Value::Object(_)) {
                "an object without one"
            } else {
                root.kind()
            }
        )));
    };
    let Value::Array(items) = list else {
        return Err(err(format!(
            "\"chapters\" must be an array, found {}",
            list.kind()
        )));
    };
    let chapters = items
        .iter()
        .enumerate()
        .map(|(i, item)| chapter(item).map_err(|m| err(format!("chapter {}: {m}", i + 1))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Chapters::new(chapters))
}

fn chapter(item: &Value) -> Result<Chapter, String> {
    if !matches!(item, Value::Object(_)) {
        return Err(format!("expected an object, found {}", item.kind()));
    }
    let start = item.get("startTime").ok_or("missing \"startTime\"")?;
    Ok(Chapter {
        start_ms: time(start, "startTime")?,
        title: text(item, "title")?.unwrap_or_default(),
        url: text(item, "url")?,
        image: text(item, "img")?,
        end_ms: item
            .get("endTime")
            .map(|v| time(v, "endTime"))
            .transpose()?,
        hidden: match item.get("toc") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(toc)) => !toc,
            Some(v) => return Err(format!("\"toc\" must be true or false, found {}", v.kind())),
        },
        picture: None,
    })
}

/// Seconds as a number; a numeric string is accepted too, as some generators write them.
fn time(v: &Value, key: &str) -> Result<u64, String> {
    let seconds = match v {
        Value::Number(n) => Some(*n),
        Value::String(s) => json_value::parse_number(s.trim()),
        _ => None,
    };
    seconds.and_then(seconds_to_ms).ok_or_else(|| {
        format!(
            "\"{key}\" must be a number of seconds, found {}",
            describe(v)
        )
    })
}

fn describe(v: &Value) -> String {
    match v {
        // Whole numbers are written exactly; others in words, which keeps float formatting (and
        // its bytes) out of the wasm bundle.
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(_) => "a fractional number".to_string(),
        Value::String(s) => format!("\"{s}\""),
        other => other.kind().to_string(),
    }
}

fn text(item: &Value, key: &str) -> Result<Option<String>, String> {
    match item.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(format!("\"{key}\" must be a string, found {}", v.kind())),
    }
}

/// One line of compact JSON, fields in the order the specification lists them.
pub fn write(chapters: &Chapters) -> String {
    let mut out = String::from("{\"version\":\"1.2.0\",\"chapters\":[");
    for (i, c) in chapters.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"startTime\":");
        out.push_str(&format_seconds(c.start_ms));
        out.push_str(",\"title\":");
        json_value::write_string(&mut out, &c.title);
        if let Some(img) = &c.image {
            out.push_str(",\"img\":");
            json_value::write_string(&mut out, img);
        }
        if let Some(url) = &c.url {
            out.push_str(",\"url\":");
            json_value::write_string(&mut out, url);
        }
        if c.hidden {
            out.push_str(",\"toc\":false");
        }
        if let Some(end) = c.end_ms {
            out.push_str(",\"endTime\":");
            out.push_str(&format_seconds(end));
        }
        out.push('}');
    }
    out.push_str("]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_field() {
        let text = r#"{"version":"1.2.0","author":"x","chapters":[
            {"startTime": 62.5, "title": "Two", "img": "https://i/2.jpg", "url": "https://u/2", "toc": false, "endTime": 90},
            {"startTime": 0, "title": "One"},
            {"startTime": "5", "title": "Numeric string"}]}"#;
        let c = read(text).unwrap_or_default();
        assert_eq!(c.len(), 3);
        assert_eq!(c.get(0).map(|c| c.title.as_str()), Some("One"));
        let two = c.get(2).cloned().unwrap_or_default();
        assert_eq!(two.start_ms, 62_500);
        assert_eq!(two.image.as_deref(), Some("https://i/2.jpg"));
        assert_eq!(two.url.as_deref(), Some("https://u/2"));
        assert!(two.hidden);
        assert_eq!(two.end_ms, Some(90_000));
    }

    #[test]
    fn writes_the_specified_shape() {
        let mut c = Chapter::new(62_500, "Two \"quoted\"");
        c.hidden = true;
        let chapters = Chapters::new(vec![Chapter::new(0, "INTRO"), c]);
        assert_eq!(
            write(&chapters),
            "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"INTRO\"},{\"startTime\":62.5,\"title\":\"Two \\\"quoted\\\"\",\"toc\":false}]}\n"
        );
        assert_eq!(read(&write(&chapters)), Ok(chapters));
    }

    #[test]
    fn errors_name_the_problem() {
        let msg = |t: &str| read(t).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            msg("[]"),
            "invalid json chapters: expected an object with a \"chapters\" array, found an array"
        );
        assert_eq!(msg("{}"), "invalid json chapters: expected an object with a \"chapters\" array, found an object without one");
        assert_eq!(
            msg(r#"{"chapters":{}}"#),
            "invalid json chapters: \"chapters\" must be an array, found an object"
        );
        assert_eq!(
            msg(r#"{"chapters":[{"title":"x"}]}"#),
            "invalid json chapters: chapter 1: missing \"startTime\""
        );
        assert_eq!(
            msg(r#"{"chapters":[{"startTime":0,"title":"a"},{"startTime":-3,"title":"b"}]}"#),
            "invalid json chapters: chapter 2: \"startTime\" must be a number of seconds, found -3"
        );
        assert_eq!(
            msg(r#"{"chapters":[{"startTime":1,"title":5}]}"#),
            "invalid json chapters: chapter 1: \"title\" must be a string, found a number"
        );
        assert!(msg("{\"chapters\": [")
            .starts_with("invalid json chapters: unexpected end of input at line 1"));
    }
}
