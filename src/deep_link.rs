//! Links to a moment: Media Fragments (`#t=1:23:45`, `#t=5025`, `#t=npt:83.5`, `#t=10,20`) and the
//! `?t=` query many podcast sites use, optionally naming a player (`&player=ep18`) and, for a
//! player with a playlist, the episode (`&episode=episode-18`).

use chapters::timestamp::parse_duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeepLink {
    pub start_ms: u64,
    /// Where playback stops (`#t=10,20`).
    pub end_ms: Option<u64>,
    /// The `id` of the player meant; `None` means the first on the page.
    pub player: Option<String>,
    /// The playlist episode meant, by its audio file's name (`episode-18`).
    pub episode: Option<String>,
}

/// A time as Media Fragments write it: `npt:` prefix optional, clock or seconds.
fn time(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s.strip_prefix("npt:").unwrap_or(s);
    if s.is_empty() {
        return None;
    }
    parse_duration(s)
        .or_else(|| hms_words(s))
        .filter(|ms| *ms <= chapters::timestamp::MAX_MS)
}

/// `1h23m45s`, `83s`, `5m`: the form YouTube-style links use.
fn hms_words(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut number = String::new();
    let mut any = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return None,
        };
        total = total.checked_add(number.parse::<u64>().ok()?.checked_mul(unit)?)?;
        number.clear();
        any = true;
    }
    (any && number.is_empty())
        .then(|| total.checked_mul(1000))
        .flatten()
}

/// Percent-decodes the few characters a time or an id may carry (`%3A` for `:`).
fn decode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a deep link from a URL's fragment (`#…`, without the `#`) and query (`?…`, without the `?`).
/// The fragment wins when both carry a time, as in the Media Fragments specification.
pub fn parse(fragment: &str, query: &str) -> Option<DeepLink> {
    let pairs = |s: &str| -> Vec<(String, String)> {
        s.split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (decode(k), decode(v)))
            .collect()
    };
    let fragment = pairs(fragment);
    let query = pairs(query);
    let get = |list: &[(String, String)], key: &str| {
        list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    let t = get(&fragment, "t").or_else(|| get(&query, "t"))?;
    let (start, end) = match t.split_once(',') {
        Some((s, e)) => (
            if s.trim().is_empty() {
                Some(0)
            } else {
                time(s)
            },
            time(e),
        ),
        None => (time(&t), None),
    };
    let start_ms = start?;
    Some(DeepLink {
        start_ms,
        end_ms: end.filter(|e| *e > start_ms),
        player: get(&fragment, "player")
            .or_else(|| get(&query, "player"))
            .filter(|p| !p.is_empty()),
        episode: get(&fragment, "episode")
            .or_else(|| get(&query, "episode"))
            .filter(|e| !e.is_empty()),
    })
}

/// The fragment of a link to `ms` (to the stretch up to `end_ms`, rounded up to the second so
/// the last word is heard) in the player with `id`, and in a playlist's `episode`:
/// `t=1:23:45&player=show&episode=episode-18`, `t=1:23:45,1:24:02`.
pub fn fragment_for(
    ms: u64,
    end_ms: Option<u64>,
    player: Option<&str>,
    episode: Option<&str>,
) -> String {
    let mut out = format!("t={}", chapters::timestamp::format_compact(ms));
    if let Some(end) = end_ms.filter(|e| *e > ms) {
        out.push(',');
        out.push_str(&chapters::timestamp::format_compact(
            end.div_ceil(1000) * 1000,
        ));
    }
    for (key, value) in [("player", player), ("episode", episode)] {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        out.push('&');
        out.push_str(key);
        out.push('=');
        for c in value.chars() {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                out.push(c);
            } else {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(fragment: &str, query: &str) -> Option<u64> {
        parse(fragment, query).map(|d| d.start_ms)
    }

    #[test]
    fn a_quote_links_its_stretch_rounded_out_to_whole_seconds() {
        let f = fragment_for(83_400, Some(91_200), None, None);
        assert_eq!(f, "t=1:23,1:32");
        let link = parse(&f, "").expect("a link");
        assert_eq!((link.start_ms, link.end_ms), (83_000, Some(92_000)));
    }

    #[test]
    fn times_past_the_model_maximum_are_not_links() {
        // 1000 hours is the longest episode the model knows.
        assert_eq!(start("t=1000h", ""), Some(3_600_000_000));
        assert_eq!(start("t=1000h1s", ""), None);
        assert_eq!(start("t=999999999999h", ""), None);
        assert_eq!(start("t=18446744073709551615", ""), None);
        assert_eq!(start("t=3600001", ""), None);
        assert_eq!(start("t=1000:00:01", ""), None);
        assert_eq!(start("", "t=1e309"), None);
        assert_eq!(parse("t=10,99999999999", "").map(|d| d.end_ms), Some(None));
    }

    #[test]
    fn media_fragment_forms() {
        assert_eq!(start("t=1:23:45", ""), Some(5_025_000));
        assert_eq!(start("t=5025", ""), Some(5_025_000));
        assert_eq!(start("t=npt:83.5", ""), Some(83_500));
        assert_eq!(start("t=npt:1:23", ""), Some(83_000));
        assert_eq!(start("t=1h23m45s", ""), Some(5_025_000));
        assert_eq!(start("t=1%3A23%3A45", ""), Some(5_025_000));
        let range = parse("t=10,20", "");
        assert_eq!(
            range.as_ref().map(|d| (d.start_ms, d.end_ms)),
            Some((10_000, Some(20_000)))
        );
        assert_eq!(
            parse("t=,20", "").map(|d| (d.start_ms, d.end_ms)),
            Some((0, Some(20_000)))
        );
    }

    #[test]
    fn query_and_player() {
        assert_eq!(start("", "t=600"), Some(600_000));
        assert_eq!(start("t=5", "t=600"), Some(5_000));
        let d = parse("t=1:23:45&player=ep18", "");
        assert_eq!(d.and_then(|d| d.player).as_deref(), Some("ep18"));
    }

    #[test]
    fn nonsense_is_ignored() {
        for (f, q) in [
            ("", ""),
            ("t=", ""),
            ("t=soon", ""),
            ("x=5", ""),
            ("t=-5", ""),
            ("t=1:75:00", ""),
            ("t=5m3", ""),
        ] {
            assert_eq!(parse(f, q), None, "{f} {q}");
        }
        assert_eq!(parse("t=20,10", "").and_then(|d| d.end_ms), None);
    }

    #[test]
    fn fragments_round_trip() {
        let f = fragment_for(5_025_000, None, Some("ep 18"), None);
        assert_eq!(f, "t=1:23:45&player=ep%2018");
        let d = parse(&f, "");
        assert_eq!(d.as_ref().map(|d| d.start_ms), Some(5_025_000));
        assert_eq!(d.and_then(|d| d.player).as_deref(), Some("ep 18"));
        let f = fragment_for(777_000, None, Some("show"), Some("episode 18"));
        assert_eq!(f, "t=12:57&player=show&episode=episode%2018");
        let d = parse(&f, "");
        assert_eq!(d.and_then(|d| d.episode).as_deref(), Some("episode 18"));
        assert_eq!(
            parse("", "t=600&player=2&episode=ep-3")
                .and_then(|d| d.episode)
                .as_deref(),
            Some("ep-3")
        );
    }
}
