//! Writing a transcript in any of the formats it can be read from, so `chapters transcript`
//! converts between them.

use super::{Kind, Transcript};
use crate::formats::json_value::write_string;
use crate::timestamp::{format_hms_millis, format_hms_whole, format_seconds};

pub fn write(t: &Transcript, kind: Kind) -> String {
    let mut out = String::new();
    match kind {
        Kind::Vtt => {
            out.push_str("WEBVTT\n");
            for c in &t.cues {
                out.push_str(&format!(
                    "\n{} --> {}\n",
                    format_hms_millis(c.start_ms),
                    format_hms_millis(c.end_ms)
                ));
                if let Some(s) = &c.speaker {
                    out.push_str(&format!("<v {}>", escape(s)));
                }
                out.push_str(&escape(&c.text));
                out.push('\n');
            }
        }
        Kind::Srt => {
            for (n, c) in t.cues.iter().enumerate() {
                let srt = |ms| format_hms_millis(ms).replace('.', ",");
                out.push_str(&format!(
                    "{}\n{} --> {}\n",
                    n + 1,
                    srt(c.start_ms),
                    srt(c.end_ms)
                ));
                if let Some(s) = &c.speaker {
                    out.push_str(&format!("{s}: "));
                }
                out.push_str(&c.text);
                out.push_str("\n\n");
            }
        }
        Kind::Json => {
            out.push_str("{\"version\":\"1.0.0\",\"segments\":[");
            for (n, c) in t.cues.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push('{');
                if let Some(s) = &c.speaker {
                    out.push_str("\"speaker\":");
                    write_string(&mut out, s);
                    out.push(',');
                }
                out.push_str(&format!(
                    "\"startTime\":{},\"endTime\":{},\"body\":",
                    format_seconds(c.start_ms),
                    format_seconds(c.end_ms)
                ));
                write_string(&mut out, &c.text);
                out.push('}');
            }
            out.push_str("]}\n");
        }
        Kind::Html | Kind::Text => {
            let html = kind == Kind::Html;
            for p in t.paragraphs() {
                let cues = &t.cues[p.cues.clone()];
                let text = cues
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let start = cues.first().map_or(0, |c| c.start_ms);
                if html {
                    if let Some(s) = &p.speaker {
                        out.push_str(&format!("<cite>{}:</cite>\n", escape(s)));
                    }
                    if t.timed {
                        out.push_str(&format!("<time>{}</time>\n", format_hms_whole(start)));
                    }
                    out.push_str(&format!("<p>{}</p>\n", escape(&text)));
                } else {
                    if t.timed {
                        out.push_str(&format_hms_whole(start));
                        out.push(' ');
                    }
                    if let Some(s) = &p.speaker {
                        out.push_str(&format!("{s}: "));
                    }
                    out.push_str(&text);
                    out.push_str("\n\n");
                }
            }
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
