//! The readers on files with the oddities real transcripts have, and the writers read back.

use super::*;

fn cues(t: &Transcript) -> Vec<(u64, Option<&str>, &str)> {
    t.cues
        .iter()
        .map(|c| (c.start_ms, c.speaker.as_deref(), c.text.as_str()))
        .collect()
}

#[test]
fn webvtt_with_voices_classes_broken_times_bom_and_crlf() {
    let file = "\u{feff}WEBVTT Kind: captions\r\n\r\nNOTE made by hand\r\n\r\n1\r\n0.860 --> 3:44.100\r\n<v Full Name>Hello <i>there</i> &amp; welcome</v>\r\n\r\n00:03:45.000 --> 00:03:50.000 align:start\r\n<v.loud Ana>Thanks!\r\n<v SPEAKER_1>Next.\r\n";
    let t = read(file.as_bytes(), Some("text/vtt; charset=utf-8")).expect("vtt");
    assert!(t.timed);
    assert_eq!(
        cues(&t),
        [
            (860, Some("Full Name"), "Hello there & welcome"),
            (225_000, Some("Ana"), "Thanks!"),
            (225_000, Some("Speaker 1"), "Next."),
        ]
    );
}

#[test]
fn srt_by_either_mime_type_and_by_content_with_names_only_when_they_look_like_names() {
    let file = "1\n00:00:01,000 --> 00:00:04,000\nKevin: Welcome to the show.\n\n2\n00:00:04,000 --> 00:00:06,500\nNote: this is a line, not a speaker.\n\n3\n00:00:07,000 --> 00:00:09,000\n<i>SPEAKER_00:</i> Hi.\n";
    for mime in [
        Some("application/x-subrip"),
        Some("APPLICATION/SRT"),
        Some("text/plain"),
        None,
    ] {
        let t = read(file.as_bytes(), mime).expect("srt");
        assert_eq!(
            cues(&t),
            [
                (1_000, Some("Kevin"), "Welcome to the show."),
                (4_000, None, "Note: this is a line, not a speaker."),
                (7_000, Some("Speaker 1"), "Hi."),
            ],
            "{mime:?}"
        );
    }
}

#[test]
fn podcasting_json_with_repeated_times_and_word_level_segments() {
    let mut words = String::from("{\"version\":\"1.0.0\",\"segments\":[");
    let text = "so this is a sentence . and here is another one that goes on";
    for (i, w) in text.split(' ').enumerate() {
        let start = i as f64 * 0.3;
        words.push_str(&format!(
            "{}{{\"speaker\":\"Ana\",\"startTime\":{start},\"endTime\":{},\"body\":\"{w}\"}}",
            if i > 0 { "," } else { "" },
            start + 0.3
        ));
    }
    words.push_str(",{\"speaker\":\"Bo\",\"startTime\":10,\"endTime\":10.5,\"body\":\"Yes\"},{\"speaker\":\"Bo\",\"startTime\":10,\"endTime\":11,\"body\":\"indeed\"}]}");
    let t = read(words.as_bytes(), Some("application/json")).expect("json");
    assert_eq!(
        cues(&t),
        [
            (0, Some("Ana"), "so this is a sentence."),
            (1_800, Some("Ana"), "and here is another one that goes on"),
            (10_000, Some("Bo"), "Yes indeed"),
        ]
    );
    assert!(read(b"{\"segments\": 3}", None).is_err());
    assert!(read(b"{\"segments\": [{\"body\": \"x\"}]}", None).is_err());
}

#[test]
fn html_with_cite_time_and_p() {
    let file = "<html><body><cite>Kevin:</cite><time>0:00</time><p>Welcome, <b>all</b>.</p>\n<cite>Ana:</cite>\n<time>0:05</time>\n<p>Hi (there).</p></body></html>";
    let t = read(file.as_bytes(), Some("text/html")).expect("html");
    assert!(t.timed);
    assert_eq!(
        cues(&t),
        [
            (0, Some("Kevin"), "Welcome, all."),
            (5_000, Some("Ana"), "Hi (there).")
        ]
    );
    let untimed = read(b"<p>One.</p><p>Two.</p>", None).expect("untimed html");
    assert!(!untimed.timed);
    assert_eq!(untimed.cues.len(), 2);
}

#[test]
fn plain_text_untimed_and_timed() {
    let t = read(
        b"Kevin: Welcome.\nStill Kevin.\n\nAna: Hi.\n",
        Some("text/plain"),
    )
    .expect("text");
    assert!(!t.timed);
    assert_eq!(
        cues(&t),
        [
            (0, Some("Kevin"), "Welcome. Still Kevin."),
            (0, Some("Ana"), "Hi.")
        ]
    );
    let timed =
        read(b"[00:00:05] Kevin: Welcome.\n(00:01:10) Ana: Hi.\n", None).expect("timed text");
    assert!(timed.timed);
    assert_eq!(
        cues(&timed),
        [
            (5_000, Some("Kevin"), "Welcome."),
            (70_000, Some("Ana"), "Hi.")
        ]
    );
}

#[test]
fn paragraphs_follow_speaker_turns() {
    let t = read(b"WEBVTT\n\n00:00.000 --> 00:01.000\n<v A>One.\n\n00:01.000 --> 00:02.000\n<v A>Two.\n\n00:02.000 --> 00:03.000\n<v B>Three.\n\n00:30.000 --> 00:31.000\n<v B>Four.\n", None).expect("vtt");
    let p: Vec<_> = t
        .paragraphs()
        .into_iter()
        .map(|p| (p.speaker, p.cues))
        .collect();
    assert_eq!(
        p,
        [
            (Some("A".into()), 0..2),
            (Some("B".into()), 2..3),
            (Some("B".into()), 3..4)
        ]
    );
    assert_eq!(t.cue_at(1_500), Some(1));
    assert_eq!(t.end_ms(), 31_000);
}

#[test]
fn every_format_reads_back_what_it_writes() {
    let source = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Kevin>Welcome & hello (again).\n\n00:00:04.000 --> 00:00:06.500\n<v Ana Ruiz>Café, <i>naïve</i>.\n";
    let t = read(source.as_bytes(), None).expect("vtt");
    for kind in [Kind::Vtt, Kind::Srt, Kind::Json, Kind::Html, Kind::Text] {
        let written = write(&t, kind);
        let back = kind
            .read(written.as_bytes())
            .unwrap_or_else(|e| panic!("{kind:?}: {e}\n{written}"));
        let strip = |t: &Transcript| {
            t.cues
                .iter()
                .map(|c| (c.start_ms / 1000, c.speaker.clone(), c.text.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&back), strip(&t), "{kind:?}\n{written}");
        assert_eq!(
            Kind::detect(written.as_bytes(), None),
            kind,
            "{kind:?} detected"
        );
    }
}

#[test]
fn nothing_panics_on_junk() {
    for junk in [
        "",
        "WEBVTT",
        "WEBVTT\n\n-->\n",
        "1\n-->\n",
        "<p",
        "<cite>",
        "{",
        "[1,2]",
        "\u{feff}",
        "00:00 -->",
        "<p>x</p",
    ] {
        let _ = read(junk.as_bytes(), None);
        for kind in [Kind::Vtt, Kind::Srt, Kind::Json, Kind::Html, Kind::Text] {
            let _ = kind.read(junk.as_bytes());
        }
    }
}

#[test]
fn transcript_files_are_tried_by_language_then_timed_first() {
    use crate::feed::TranscriptLink;
    let link = |url: &str, mime: &str, language: &str, captions: bool| TranscriptLink {
        url: url.into(),
        mime: Some(mime.into()),
        language: (!language.is_empty()).then(|| language.into()),
        captions,
    };
    let links = [
        link("en.txt", "text/plain", "en", false),
        link("de.html", "text/html", "de", false),
        link("en.srt", "application/x-subrip", "en-US", false),
        link("de.vtt", "text/vtt", "de-DE", false),
        link("en-cap.html", "text/html", "en", true),
    ];
    let order = |langs: &[&str]| {
        preference(&links, langs)
            .iter()
            .map(|l| l.url.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        order(&["de", "en"]),
        ["de.vtt", "de.html", "en.srt", "en-cap.html", "en.txt"]
    );
    assert_eq!(
        order(&["fr", "en-GB"]),
        ["en.srt", "en-cap.html", "en.txt", "de.vtt", "de.html"]
    );
}
