//! The `chapters` binary as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chapters"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn chapters");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parses_notes_from_stdin_into_podcasting_json() {
    let o = run(
        &["parse"],
        b"(00:00:00) INTRO\n(00:02:16) PART 1: PABLO'S LATEST PEP\n",
    );
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"INTRO\"},{\"startTime\":136,\"title\":\"PART 1: PABLO'S LATEST PEP\"}]}\n"
    );
}

#[test]
fn reads_a_file_argument_and_picks_the_longest_list() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");
    let o = run(&["parse", seed, "--to", "notes"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 36);
    assert!(out.starts_with("(00:00:00) INTRO\n(00:00:22) PART 0: SPORTS NEWS\n"));
}

#[test]
fn no_chapters_is_an_empty_list_and_success() {
    let o = run(
        &["parse", "--from", "notes"],
        b"Just prose, recorded at 5:30pm.",
    );
    assert!(o.status.success());
    assert_eq!(stdout(&o), "{\"version\":\"1.2.0\",\"chapters\":[]}\n");
}

#[test]
fn converts_between_formats() {
    let json = b"{\"chapters\":[{\"startTime\":0,\"title\":\"A & B\"},{\"startTime\":90.5,\"title\":\"C\"}]}";
    let vtt = run(&["parse", "--to", "vtt"], json);
    assert!(vtt.status.success(), "{}", stderr(&vtt));
    assert!(stdout(&vtt).starts_with("WEBVTT"));
    let back = run(&["parse", "--from", "vtt", "--to", "psc"], &vtt.stdout);
    assert!(back.status.success(), "{}", stderr(&back));
    let psc = stdout(&back);
    assert!(psc.contains("title=\"A &amp; B\""), "{psc}");
    let json_again = run(&["parse"], psc.as_bytes());
    assert_eq!(
        stdout(&json_again),
        "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"A & B\"},{\"startTime\":90.5,\"title\":\"C\"}]}\n"
    );
}

#[test]
fn bad_input_is_one_line_and_exit_1() {
    for (args, input, needle) in [
        (
            vec!["parse", "--from", "json"],
            &b"{\"chapters\": [}"[..],
            "invalid json chapters",
        ),
        (
            vec!["parse"],
            &b"ID3\x03\x00\x00\x00\x00\x10\x00abc"[..],
            "truncated",
        ),
        (
            vec!["parse", "--from", "yaml"],
            &b""[..],
            "unknown --from format 'yaml'",
        ),
        (
            vec!["parse", "/no/such/file"],
            &b""[..],
            "cannot read /no/such/file",
        ),
    ] {
        let o = run(&args, input);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn duration_drops_and_reports_late_chapters() {
    let o = run(
        &["parse", "--duration", "1:00"],
        b"00:00 A\n00:30 B\n01:30 C\n",
    );
    assert!(o.status.success());
    assert_eq!(stdout(&o).matches("startTime").count(), 2);
    assert!(
        stderr(&o).contains("dropped \"C\" at 00:01:30"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn explain_shows_the_line_each_chapter_came_from() {
    let o = run(
        &["parse", "--explain"],
        b"Episode notes\n- (00:00) Intro\n- (04:17) **Sports** news\nThanks!\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "00:00:00  Intro\n    from: - (00:00) Intro\n00:04:17  Sports news\n    from: - (04:17) **Sports** news\n"
    );
    let none = run(&["parse", "--explain"], b"no times at all");
    assert!(none.status.success());
    assert!(stdout(&none).starts_with("no chapter list found"));
    let vtt = run(
        &["parse", "--explain"],
        b"WEBVTT\n\n00:00.000 --> 00:10.000\nIntro\n",
    );
    assert_eq!(vtt.status.code(), Some(1));
    assert!(stderr(&vtt).contains("--explain"));
}

#[test]
fn version() {
    for flag in ["--version", "-V"] {
        let o = run(&[flag], b"");
        assert!(o.status.success());
        assert_eq!(
            stdout(&o),
            format!("chapters {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn help_documents_everything() {
    let o = run(&["--help"], b"");
    let help = stdout(&o);
    for word in [
        "--from",
        "--to",
        "--duration",
        "auto",
        "notes",
        "json",
        "vtt",
        "psc",
        "id3",
        "EXIT STATUS",
    ] {
        assert!(help.contains(word), "{word}");
    }
}

#[test]
fn converts_transcripts_between_formats() {
    let vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v SPEAKER_1>Welcome &amp; hello.\n\n00:00:04.000 --> 00:00:06.500\n<v Ana>Caf\xc3\xa9.\n";
    let o = run(&["transcript", "-", "--to", "srt"], vtt);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "1\n00:00:01,000 --> 00:00:04,000\nSpeaker 1: Welcome & hello.\n\n2\n00:00:04,000 --> 00:00:06,500\nAna: Caf\u{e9}.\n\n"
    );
    let o = run(&["transcript", "-", "--to", "json"], vtt);
    assert!(stdout(&o).starts_with("{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"Speaker 1\",\"startTime\":1,\"endTime\":4,\"body\":\"Welcome & hello.\"}"));
    let o = run(&["transcript", "-", "--to", "yaml"], vtt);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    let o = run(
        &["transcript", "-", "--from", "json", "--to", "text"],
        b"{\"segments\": 1}",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("invalid json transcript"),
        "{}",
        stderr(&o)
    );
}
