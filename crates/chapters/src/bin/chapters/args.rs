//! The words of a command line as flags (`--to json`, `--to=json`) and plain words, for every
//! command alike.

pub enum Arg<'a> {
    /// `--name`, with the value written after `=` if there was one.
    Flag(&'a str, Option<&'a str>),
    /// A file name, a URL, or `-` for standard input.
    Word(&'a str),
}

pub struct Words<'a>(std::slice::Iter<'a, String>);

impl<'a> Words<'a> {
    pub fn new(words: &'a [String]) -> Self {
        Words(words.iter())
    }

    pub fn next_arg(&mut self) -> Option<Arg<'a>> {
        let word = self.0.next()?;
        Some(match word.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => Arg::Flag(flag, Some(value)),
            _ if word.starts_with('-') && word != "-" => Arg::Flag(word, None),
            _ => Arg::Word(word),
        })
    }

    /// The value of `flag`: the one written after `=`, else the next word.
    pub fn value(&mut self, flag: &str, inline: Option<&'a str>) -> Result<&'a str, String> {
        inline
            .or_else(|| self.0.next().map(String::as_str))
            .ok_or_else(|| format!("{flag} needs a value"))
    }
}
