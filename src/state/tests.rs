use super::*;
use crate::i18n::Lang;
use crate::message::{AudioProblem, Message, Reason};
use chapters::{Chapter, ChapterSource};

const SRC: &str = "https://pod.example/ep.mp3";
const KEY: &str = "chapter-player:position:https://pod.example/ep.mp3";

fn three() -> Chapters {
    Chapters::new(vec![
        Chapter::new(0, "Intro"),
        Chapter::new(60_000, "Middle"),
        Chapter::new(120_000, "End"),
    ])
}

fn episode(src: &str, chapters: ChapterSource, notes: &str) -> Rc<Episode> {
    Rc::new(Episode {
        src: src.into(),
        title: "Episode".into(),
        notes: Rc::from(notes),
        chapters,
        ..Episode::default()
    })
}

fn changed(index: usize, start_ms: u64, title: &str) -> Command {
    Command::ChapterChanged {
        index,
        start_ms,
        title: title.into(),
    }
}

const SETTINGS_KEY: &str = "chapter-player:settings:https://pod.example";

fn save(ms: u64) -> Command {
    Command::SaveProgress {
        key: KEY.into(),
        ms,
    }
}

fn player() -> PlayerState {
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(
        SRC,
        ChapterSource::Inline(three()),
        "",
    )));
    p.update(Action::DurationKnown(180_000));
    p
}

#[test]
fn chapter_navigation_seeks_and_announces() {
    let mut p = player();
    assert_eq!(
        p.update(Action::NextChapter),
        [Command::Seek(60_000), changed(1, 60_000, "Middle")]
    );
    p.update(Action::TimeUpdate(65_000));
    // More than the grace period into a chapter: back to its start.
    assert_eq!(p.update(Action::PreviousChapter), [Command::Seek(60_000)]);
    // Right at its start: to the chapter before.
    assert_eq!(
        p.update(Action::PreviousChapter),
        [Command::Seek(0), changed(0, 0, "Intro")]
    );
    // Choosing a chapter while paused plays from its start; while playing, it only seeks.
    assert_eq!(
        p.update(Action::GoToChapter(2)),
        [
            Command::Seek(120_000),
            changed(2, 120_000, "End"),
            Command::Play
        ]
    );
    assert_eq!(p.update(Action::NextChapter), []);
    assert_eq!(
        p.update(Action::GoToChapter(1)),
        [Command::Seek(60_000), changed(1, 60_000, "Middle")]
    );
    assert_eq!(p.update(Action::GoToChapter(9)), []);
}

#[test]
fn seeks_are_clamped_to_the_episode() {
    let mut p = player();
    p.update(Action::SeekBy(-5_000));
    assert_eq!(p.position_ms, 0);
    p.update(Action::SeekBy(500_000));
    assert_eq!(p.position_ms, 180_000);
    p.update(Action::SeekToFraction(0.5));
    assert_eq!(p.position_ms, 90_000);
    assert_eq!(p.current, Some(1));
}

#[test]
fn playback_reports_move_the_current_chapter() {
    let mut p = player();
    assert_eq!(p.update(Action::TimeUpdate(30_000)), []);
    assert_eq!(
        p.update(Action::TimeUpdate(61_000)),
        [changed(1, 60_000, "Middle")]
    );
    assert_eq!(
        progress_in(&p.chapters, 1, p.position_ms, p.duration_ms),
        Some(1.0 / 60.0)
    );
    assert_eq!(p.current_title(), Some("Middle"));
    assert!(p.has_previous() && p.has_next());
}

#[test]
fn play_pause_and_replay_after_the_end() {
    let mut p = player();
    assert_eq!(p.update(Action::TogglePlay), [Command::Play]);
    assert!(!p.paused);
    assert_eq!(p.activity(), Activity::Playing);
    assert_eq!(p.update(Action::TogglePlay), [Command::Pause]);
    p.update(Action::TimeUpdate(150_000));
    assert_eq!(
        p.update(Action::Ended),
        [Command::ClearProgress(KEY.into())]
    );
    assert_eq!(
        p.update(Action::Play),
        [Command::Seek(0), changed(0, 0, "Intro"), Command::Play]
    );
}

#[test]
fn playing_claims_the_page() {
    let mut p = player();
    assert_eq!(p.update(Action::Playing), [Command::PlaybackStarted]);
}

#[test]
fn volume_rate_and_mute() {
    let mut p = player();
    // Saving them is `speed_and_volume_are_kept_per_show`'s subject.
    p.update(Action::SetResume(false));
    p.update(Action::VolumeBy(-0.25));
    assert_eq!(p.volume, 0.75);
    p.update(Action::VolumeBy(5.0));
    assert_eq!(p.volume, 1.0);
    assert_eq!(p.update(Action::ToggleMute), [Command::SetMuted(true)]);
    assert_eq!(
        p.update(Action::VolumeBy(-0.1)),
        [Command::SetVolume(0.9), Command::SetMuted(false)]
    );
    assert_eq!(p.update(Action::RateStep(1)), [Command::SetRate(1.25)]);
    p.update(Action::SetRate(3.0));
    assert_eq!(p.update(Action::RateStep(1)), [Command::SetRate(3.0)]);
    p.update(Action::SetRate(0.5));
    assert_eq!(p.update(Action::RateStep(-1)), [Command::SetRate(0.5)]);
    assert_eq!(p.update(Action::SetRate(f64::NAN)), [Command::SetRate(1.0)]);
}

#[test]
fn a_deep_link_starts_there_and_stops_at_its_end() {
    let mut p = player();
    let start = Action::StartAt {
        ms: 10_000,
        stop_at_ms: Some(20_000),
        episode: None,
    };
    assert_eq!(p.update(start), [Command::Seek(10_000)]);
    assert_eq!(p.notice, Some(Message::StartingAt(10_000)));
    // A saved position does not override the link.
    assert_eq!(p.update(Action::PositionRestored(90_000)), []);
    p.update(Action::Play);
    assert_eq!(p.notice, None);
    p.update(Action::Playing);
    assert_eq!(p.update(Action::TimeUpdate(14_000)), []);
    // Stopping is a pause: the audio's `pause` event then saves the position.
    assert_eq!(p.update(Action::TimeUpdate(20_100)), [Command::Pause]);
    assert!(p.paused);
    assert_eq!(p.stop_at_ms, None);
}

#[test]
fn progress_is_saved_while_playing_on_pause_and_cleared_at_the_end() {
    let mut p = player();
    p.update(Action::Playing);
    // Too close to the start to be worth resuming.
    assert_eq!(p.update(Action::TimeUpdate(1_000)), []);
    assert_eq!(p.update(Action::TimeUpdate(6_000)), [save(6_000)]);
    assert_eq!(p.update(Action::TimeUpdate(9_000)), []);
    assert_eq!(p.update(Action::TimeUpdate(11_500)), [save(11_500)]);
    assert_eq!(p.update(Action::Paused), [save(11_500)]);
    assert_eq!(p.update(Action::Leaving), [save(11_500)]);
    // Near the end is as good as finished.
    p.update(Action::TimeUpdate(177_000));
    assert_eq!(p.update(Action::Leaving), []);
    assert_eq!(
        p.update(Action::Ended),
        [Command::ClearProgress(KEY.into())]
    );
}

#[test]
fn no_resume_saves_and_restores_nothing() {
    let mut p = player();
    p.update(Action::SetResume(false));
    p.update(Action::Playing);
    assert_eq!(p.update(Action::TimeUpdate(30_000)), []);
    assert_eq!(p.update(Action::Paused), []);
    p.update(Action::TimeUpdate(150_000));
    assert_eq!(p.update(Action::Ended), []);
    let mut fresh = PlayerState {
        resume: false,
        ..PlayerState::default()
    };
    let commands = fresh.update(Action::Load(episode(SRC, ChapterSource::Notes, "")));
    assert!(!commands
        .iter()
        .any(|c| matches!(c, Command::LoadPosition(_))));
}

#[test]
fn a_saved_position_resumes_only_when_worth_it() {
    let mut p = player();
    assert_eq!(
        p.update(Action::PositionRestored(90_000)),
        [Command::Seek(90_000), changed(1, 60_000, "Middle")]
    );
    assert_eq!(p.notice, Some(Message::ResumeAt(90_000)));
    for absurd in [2_000, 178_000, 10_000_000, u64::MAX] {
        let mut p = player();
        assert_eq!(p.update(Action::PositionRestored(absurd)), [], "{absurd}");
        assert_eq!(p.position_ms, 0);
    }
    // The listener moved first: their choice stands.
    let mut p = player();
    p.update(Action::SeekTo(30_000));
    assert_eq!(p.update(Action::PositionRestored(90_000)), []);
}

#[test]
fn loading_an_episode_points_everything_at_it() {
    let mut p = PlayerState::default();
    let notes = "0:00 Hello\n1:00 World";
    assert_eq!(
        p.update(Action::Load(episode(SRC, ChapterSource::Notes, notes))),
        [
            Command::SetSource(SRC.into()),
            changed(0, 0, "Hello"),
            Command::LoadPosition(KEY.into()),
            Command::LoadSettings(SETTINGS_KEY.into()),
        ]
    );
    assert_eq!(p.chapters.len(), 2);
    assert_eq!(p.episode.title, "Episode");

    // A new source: the listener's settings stay, the rest starts over.
    p.update(Action::SetRate(1.5));
    p.update(Action::SetVolume(0.5));
    p.update(Action::TimeUpdate(61_000));
    let other = "https://pod.example/other.mp3";
    assert_eq!(
        p.update(Action::Load(episode(
            other,
            ChapterSource::Url("https://pod.example/c.json".into()),
            ""
        ))),
        [
            Command::SetSource(other.into()),
            Command::FetchChapters {
                url: "https://pod.example/c.json".into(),
                generation: 2
            },
            Command::LoadPosition(format!("{POSITION_KEY_PREFIX}{other}")),
            Command::LoadSettings(SETTINGS_KEY.into()),
        ]
    );
    assert_eq!(
        (p.rate, p.volume, p.position_ms, p.chapters.len(), p.current),
        (1.5, 0.5, 0, 0, None)
    );
}

#[test]
fn without_audio_the_player_says_so() {
    let mut p = PlayerState::default();
    assert_eq!(
        p.update(Action::Load(episode("", ChapterSource::Notes, ""))),
        [Command::SetSource(String::new())]
    );
    assert_eq!(
        p.error,
        Some(Message::Audio {
            src: String::new(),
            problem: AudioProblem::NoSource
        })
    );
    assert_eq!(p.update(Action::Play), []);
}

#[test]
fn notes_without_chapters_ask_the_audio_file() {
    let mut p = PlayerState::default();
    let commands = p.update(Action::Load(episode(SRC, ChapterSource::Notes, "no times")));
    assert!(commands.contains(&Command::ReadId3 {
        src: SRC.into(),
        generation: 1
    }));
    let id3 = Rc::new(three());
    assert_eq!(
        p.update(Action::ChaptersLoaded {
            generation: 1,
            chapters: id3
        }),
        [changed(0, 0, "Intro")]
    );
}

#[test]
fn answers_for_an_earlier_source_are_dropped() {
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(
        SRC,
        ChapterSource::Url("https://pod.example/a.json".into()),
        "",
    )));
    p.update(Action::SetChapterSource(ChapterSource::Url(
        "https://pod.example/b.json".into(),
    )));
    assert_eq!(p.generation, 2);
    let late = Action::ChaptersLoaded {
        generation: 1,
        chapters: Rc::new(three()),
    };
    assert_eq!(p.update(late), []);
    assert!(p.chapters.is_empty());
    let failed_late = Action::ChaptersFailed {
        generation: 1,
        reason: Reason::Http(404),
    };
    assert_eq!(p.update(failed_late), []);
    assert_eq!(p.chapters_error, None);
}

#[test]
fn a_failing_chapter_file_falls_back_to_the_notes_then_the_audio() {
    let url = ChapterSource::Url("https://pod.example/c.json".into());
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(SRC, url.clone(), "0:00 A\n2:00 B")));
    let failed = Action::ChaptersFailed {
        generation: 1,
        reason: Reason::Http(404),
    };
    assert_eq!(p.update(failed.clone()), [changed(0, 0, "A")]);
    assert_eq!(p.chapters.len(), 2);
    let said = p.chapters_error.as_ref().map(|e| Lang::En.say(e));
    assert!(said.is_some_and(
        |e| e.contains("c.json: HTTP 404.") && e.ends_with("from the show notes instead.")
    ));

    let mut p = PlayerState::default();
    p.update(Action::Load(episode(SRC, url, "no times")));
    assert_eq!(
        p.update(failed),
        [Command::ReadId3 {
            src: SRC.into(),
            generation: 1
        }]
    );
    assert!(p.chapters_error.is_some());
}

#[test]
fn the_notes_segments_wait_until_the_panel_asks() {
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(
        SRC,
        ChapterSource::Notes,
        "0:00 A\n1:00 B",
    )));
    // The chapters are there for the first render; the notes' segments are not built yet.
    assert_eq!(p.chapters.len(), 2);
    assert!(p.notes.is_empty() && p.has_notes());
    assert_eq!(p.update(Action::ShowNotes), []);
    assert_eq!(p.notes.len(), 2);
    // Markup with no text in it: once the segments are built, no panel.
    p.update(Action::NotesChanged(Rc::from("<p><br></p>")));
    assert!(p.notes.is_empty() && !p.has_notes());
    // Asked once, they follow the notes, and the next episode's are built on loading it.
    p.update(Action::NotesChanged(Rc::from("0:00 A\n1:00 B\n2:00 C")));
    assert_eq!(p.notes.len(), 3);
    p.update(Action::Load(episode(
        "https://pod.example/next.mp3",
        ChapterSource::Notes,
        "0:00 Z",
    )));
    assert_eq!(p.notes.len(), 1);
}

#[test]
fn changed_notes_are_read_again() {
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(
        SRC,
        ChapterSource::Notes,
        "0:00 A\n1:00 B",
    )));
    p.update(Action::ShowNotes);
    assert_eq!(
        p.update(Action::NotesChanged(Rc::from("0:00 X\n1:00 Y\n2:00 Z"))),
        [changed(0, 0, "X")]
    );
    assert_eq!(p.chapters.len(), 3);
    assert_eq!(p.notes.len(), 3);
    // The same notes again change nothing; with a chapter file, notes are only shown.
    assert_eq!(
        p.update(Action::NotesChanged(Rc::from("0:00 X\n1:00 Y\n2:00 Z"))),
        []
    );
    p.update(Action::SetChapterSource(ChapterSource::Inline(three())));
    assert_eq!(p.update(Action::NotesChanged(Rc::from("0:00 Q"))), []);
    assert_eq!(p.chapters.len(), 3);
}

#[test]
fn new_chapters_announce_only_another_chapter_under_the_playhead() {
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(
        SRC,
        ChapterSource::Notes,
        "0:00 A\n1:00 B",
    )));
    p.update(Action::TimeUpdate(70_000));
    // Another chapter list, with the same chapter under the playhead: nothing to announce.
    assert_eq!(
        p.update(Action::NotesChanged(Rc::from("0:00 A\n0:30 New\n1:00 B"))),
        []
    );
    assert_eq!(p.current, Some(2));
    // A different chapter there: announced.
    assert_eq!(
        p.update(Action::NotesChanged(Rc::from("0:00 A\n1:05 C"))),
        [changed(1, 65_000, "C")]
    );
}

#[test]
fn metadata_and_duration_hints_change_in_place() {
    let mut p = player();
    p.update(Action::TimeUpdate(61_000));
    let describe = Action::Describe {
        title: "New title".into(),
        show: "Show".into(),
        artwork: None,
    };
    assert_eq!(p.update(describe), []);
    assert_eq!(
        (p.episode.title.as_str(), p.position_ms),
        ("New title", 61_000)
    );
    // The audio already said how long it is: its word stands.
    p.update(Action::DurationHint(Some(5_000)));
    assert_eq!(p.duration_ms, Some(180_000));
    let mut fresh = PlayerState::default();
    fresh.update(Action::DurationHint(Some(5_000)));
    assert_eq!(fresh.duration_ms, Some(5_000));
}

#[test]
fn sharing_asks_the_glue_and_shows_its_answer() {
    let mut p = player();
    assert_eq!(
        p.update(Action::ShareAt(83_000)),
        [Command::CopyLink {
            ms: 83_000,
            episode: None,
            end_ms: None,
            quote: None
        }]
    );
    p.update(Action::TimeUpdate(42_000));
    assert_eq!(
        p.update(Action::ShareNow),
        [Command::CopyLink {
            ms: 42_000,
            episode: None,
            end_ms: None,
            quote: None
        }]
    );
    let share = Share {
        url: "https://x/#t=1:23".into(),
        copied: false,
    };
    p.update(Action::Shared(share.clone()));
    assert_eq!(p.share, Some(share));
    p.update(Action::DismissShare);
    assert_eq!(p.share, None);
}

#[test]
fn a_playlist_selects_episodes_and_goes_on_to_the_next() {
    let mut p = player();
    let entry = |src: &str, title: &str| Episode {
        src: src.into(),
        title: title.into(),
        duration_ms: Some(60_000),
        ..Episode::default()
    };
    let one = "https://pod.example/1.mp3";
    let two = "https://pod.example/2.mp3";
    p.update(Action::SetRate(1.5));
    let commands = p.update(Action::PlaylistLoaded {
        feed: None,
        entries: Rc::new(vec![entry(one, "One"), entry(two, "Two")]),
    });
    assert_eq!(commands[0], Command::SetSource(one.into()));
    assert!(!commands.contains(&Command::Play));
    assert_eq!(
        (
            p.episode_index,
            p.rate,
            p.duration_ms,
            p.episode.title.as_str()
        ),
        (Some(0), 1.5, Some(60_000), "One")
    );
    p.update(Action::TimeUpdate(59_000));
    let commands = p.update(Action::Ended);
    assert_eq!(
        commands[..2],
        [
            Command::ClearProgress(format!("{POSITION_KEY_PREFIX}{one}")),
            Command::SetSource(two.into())
        ]
    );
    assert_eq!(commands.last(), Some(&Command::Play));
    assert_eq!(
        (p.episode_index, p.position_ms, p.paused),
        (Some(1), 0, false)
    );
    assert_eq!(
        p.update(Action::SelectEpisode {
            index: 7,
            play: true
        }),
        []
    );
}

#[test]
fn errors_block_play_until_retry() {
    let mut p = player();
    p.update(Action::TimeUpdate(42_000));
    p.update(Action::Failed(Failure::Network));
    assert_eq!(p.activity(), Activity::Error);
    assert!(p.retry);
    assert_eq!(p.update(Action::Play), []);
    assert_eq!(p.update(Action::Retry), [Command::Reload(42_000)]);
    assert_eq!(p.error, None);
}

#[test]
fn speed_and_volume_are_kept_per_show() {
    let mut p = player();
    let saved = |rate, volume, muted| Command::SaveSettings {
        key: SETTINGS_KEY.into(),
        settings: Settings {
            rate,
            volume,
            muted,
        },
    };
    assert_eq!(
        p.update(Action::RateStep(1)),
        [Command::SetRate(1.25), saved(1.25, 1.0, false)]
    );
    assert_eq!(
        p.update(Action::ToggleMute),
        [Command::SetMuted(true), saved(1.25, 1.0, true)]
    );
    // What the audio reports back is not the listener's choice: nothing to save.
    assert_eq!(p.update(Action::RateChanged(1.25)), []);

    // The show's name keys them when there is one; the next episode asks for them.
    let mut next = PlayerState::default();
    let named = Rc::new(Episode {
        show: "core.py".into(),
        ..(*episode(SRC, ChapterSource::Notes, "")).clone()
    });
    let commands = next.update(Action::Load(named));
    assert!(commands.contains(&Command::LoadSettings(
        "chapter-player:settings:core.py".into()
    )));
    let restored = Settings {
        rate: 9.0,
        volume: 0.4,
        muted: false,
    };
    assert_eq!(
        next.update(Action::SettingsRestored(restored)),
        [
            Command::SetRate(3.0),
            Command::SetVolume(0.4),
            Command::SetMuted(false)
        ]
    );
    // no-resume keeps nothing.
    next.update(Action::SetResume(false));
    assert_eq!(next.update(Action::SetRate(1.0)), [Command::SetRate(1.0)]);
}

#[test]
fn errors_name_the_file_and_offer_retry_only_where_it_can_help() {
    let reason = |p: &PlayerState| {
        p.error
            .as_ref()
            .map(|e| Lang::En.say(e))
            .unwrap_or_default()
    };
    let mut p = player();
    p.update(Action::Failed(Failure::Decode));
    assert!(reason(&p).contains(SRC) && !p.retry);

    // Missing and unplayable look alike: the server is asked.
    let mut p = player();
    assert_eq!(
        p.update(Action::Failed(Failure::Unavailable)),
        [Command::ProbeAudio {
            src: SRC.into(),
            generation: 1
        }]
    );
    assert!(!p.retry);
    for (status, retry, words) in [
        (Some(404), false, "was not found (HTTP 404)"),
        (Some(403), false, "refused"),
        (Some(206), false, "format this browser cannot play"),
        (Some(503), true, "(HTTP 503). Try again later."),
        (None, true, "did not answer"),
    ] {
        let mut q = p.clone();
        q.update(Action::AudioProbed {
            generation: 1,
            status,
        });
        assert_eq!(q.retry, retry, "{status:?}");
        assert!(
            reason(&q).contains(words) && reason(&q).contains(SRC),
            "{}",
            reason(&q)
        );
    }
    // An answer about an earlier source, or after recovering, changes nothing.
    let mut q = p.clone();
    q.update(Action::AudioProbed {
        generation: 0,
        status: Some(503),
    });
    assert!(!q.retry);

    let mut none = PlayerState::default();
    none.update(Action::Load(episode("", ChapterSource::Notes, "")));
    assert!(none.error.is_some() && !none.retry);
}

#[test]
fn the_end_is_the_audios_end_once_it_reports_one() {
    let mut p = PlayerState::default();
    p.update(Action::Load(episode(
        SRC,
        ChapterSource::Notes,
        "0:00 A\n1:00 B",
    )));
    // Only the page's hint (1:44:20) is known: End goes there, then on to the audio's own end.
    p.update(Action::DurationHint(Some(6_260_000)));
    assert_eq!(
        p.update(Action::SeekToEnd),
        [Command::Seek(6_260_000), changed(1, 60_000, "B")]
    );
    assert_eq!(
        p.update(Action::DurationKnown(6_266_000)),
        [Command::Seek(6_266_000)]
    );
    // Once the audio's duration is known, End is its end at once; a later report moves nothing.
    assert_eq!(
        p.update(Action::SeekTo(0)),
        [Command::Seek(0), changed(0, 0, "A")]
    );
    assert_eq!(
        p.update(Action::SeekToEnd),
        [Command::Seek(6_266_000), changed(1, 60_000, "B")]
    );
    assert_eq!(p.update(Action::DurationKnown(6_266_000)), []);
}

#[test]
fn a_link_to_a_feed_episode_waits_for_the_feed_and_opens_that_episode_there() {
    let entry = |src: &str| Episode {
        src: src.into(),
        title: src.into(),
        duration_ms: Some(3_600_000),
        ..Episode::default()
    };
    let feed = || {
        Rc::new(vec![
            entry("https://pod.example/episode-20.mp3"),
            entry("https://pod.example/episode-19.mp3?x=1"),
        ])
    };
    let mut p = PlayerState::default();
    p.update(Action::LoadFeed(FEED.into()));
    let start = Action::StartAt {
        ms: 777_000,
        stop_at_ms: None,
        episode: Some("episode-19".into()),
    };
    // Before the feed arrives the link waits; with it, the named episode opens at the time.
    assert_eq!(p.update(start.clone()), []);
    let commands = p.update(Action::PlaylistLoaded {
        feed: Some(FEED.into()),
        entries: feed(),
    });
    assert_eq!(
        commands[0],
        Command::SetSource("https://pod.example/episode-19.mp3?x=1".into())
    );
    assert!(commands.contains(&Command::Seek(777_000)));
    assert_eq!((p.episode_index, p.position_ms), (Some(1), 777_000));
    assert_eq!(p.notice, Some(Message::StartingAt(777_000)));
    // Its share link names the episode.
    assert_eq!(
        p.update(Action::ShareNow),
        [Command::CopyLink {
            ms: 777_000,
            episode: Some("episode-19".into()),
            end_ms: None,
            quote: None
        }]
    );
    // A link to an episode the feed no longer has is not applied to another one.
    let mut q = PlayerState::default();
    q.update(Action::LoadFeed(FEED.into()));
    q.update(Action::StartAt {
        ms: 600_000,
        stop_at_ms: None,
        episode: Some("episode-1".into()),
    });
    q.update(Action::PlaylistLoaded {
        feed: Some(FEED.into()),
        entries: feed(),
    });
    assert_eq!((q.episode_index, q.position_ms), (Some(0), 0));
    // Without an episode, the time applies to the newest.
    let mut r = PlayerState::default();
    r.update(Action::LoadFeed(FEED.into()));
    r.update(Action::StartAt {
        ms: 600_000,
        stop_at_ms: None,
        episode: None,
    });
    r.update(Action::PlaylistLoaded {
        feed: Some(FEED.into()),
        entries: feed(),
    });
    assert_eq!((r.episode_index, r.position_ms), (Some(0), 600_000));
}

const FEED: &str = "https://pod.example/feed.xml";

#[test]
fn an_answer_for_a_feed_the_player_has_left_is_dropped() {
    let entry = |src: &str| Episode {
        src: src.into(),
        title: src.into(),
        ..Episode::default()
    };
    let mut p = PlayerState::default();
    p.update(Action::LoadFeed("old.xml".into()));
    p.update(Action::LoadFeed("new.xml".into()));
    // The new feed answers first; the old one's late answer changes nothing.
    p.update(Action::PlaylistLoaded {
        feed: Some("new.xml".into()),
        entries: Rc::new(vec![entry("https://a/new.mp3")]),
    });
    let late = Action::PlaylistLoaded {
        feed: Some("old.xml".into()),
        entries: Rc::new(vec![entry("https://a/old.mp3")]),
    };
    assert_eq!(p.update(late), []);
    let failed = Action::PlaylistFailed {
        url: "old.xml".into(),
        reason: Reason::Http(500),
    };
    assert_eq!(p.update(failed), []);
    assert_eq!(
        (p.episode.src.as_str(), p.playlist_error.is_none()),
        ("https://a/new.mp3", true)
    );
}
