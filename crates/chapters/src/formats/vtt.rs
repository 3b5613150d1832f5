//! Stub, replaced by the real module.
use crate::formats::{Format, ParseError};
use crate::model::Chapters;

pub fn read(_text: &str) -> Result<Chapters, ParseError> {
    Err(ParseError::new(Format::Notes, "not yet"))
}

pub fn write(_chapters: &Chapters) -> String {
    String::new()
}
