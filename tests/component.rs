//! Component tests in a real browser (`wasm-bindgen-test`): the element glue and the view, without
//! audio playback (the end-to-end tests in `tests/browser/` cover real audio).
#![cfg(target_arch = "wasm32")]

use chapter_player_widget::element::{mount_element, mount_with_config};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlAudioElement, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Lets Yew's scheduler render.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn host(notes: &str) -> HtmlElement {
    let el: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    el.set_attribute("src", "data:audio/wav;base64,")
        .expect("attr");
    el.set_attribute("episode-title", "Test episode")
        .expect("attr");
    el.set_text_content(Some(notes));
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el
}

fn shadow_all(el: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let root = el.shadow_root().expect("open shadow root");
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn audio(el: &HtmlElement) -> HtmlAudioElement {
    el.shadow_root()
        .and_then(|r| r.query_selector("audio").ok().flatten())
        .expect("audio element")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn renders_chapters_from_notes_as_text() {
    let el = host(
        "(00:00) <img src=x onerror=alert(1)> Intro\n(01:00) <b>Bold</b> claims\n(02:30) Outro",
    );
    let mut player = mount_element(el.clone()).expect("mounts");
    settle().await;
    let chapters = shadow_all(&el, "[part~=chapter]");
    assert_eq!(chapters.len(), 3);
    let titles: Vec<String> = shadow_all(&el, ".chapter-title")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect();
    // Tags written as text are escaped HTML (as notes copied out of a feed are): read as HTML into
    // text, and never turned into elements.
    assert_eq!(titles, ["Intro", "Bold claims", "Outro"]);
    assert!(shadow_all(&el, ".chapters img, .chapters b").is_empty());
    player.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_chapter_moves_the_audio_and_marks_it_current() {
    let el = host("00:00 Intro\n01:00 Middle\n02:00 End");
    let mut player = mount_element(el.clone()).expect("mounts");
    settle().await;
    shadow_all(&el, "[part~=chapter]")[1].click();
    settle().await;
    assert_eq!(audio(&el).current_time(), 60.0);
    assert_eq!(player.current_chapter(), 1);
    let current: Vec<String> = shadow_all(&el, "[aria-current=true]")
        .iter()
        .map(|c| c.get_attribute("data-start").unwrap_or_default())
        .collect();
    assert_eq!(current, ["60"]);
    player.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn keys_inside_the_player_navigate_chapters() {
    let el = host("00:00 Intro\n01:00 Middle\n02:00 End");
    let mut player = mount_element(el.clone()).expect("mounts");
    settle().await;
    let slider = shadow_all(&el, "[part~=seek-bar]").remove(0);
    let init = KeyboardEventInit::new();
    init.set_key("n");
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    slider.dispatch_event(&event).expect("dispatch");
    settle().await;
    assert_eq!(audio(&el).current_time(), 60.0);
    assert!(event.default_prevented());
    player.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn missing_src_is_a_visible_error() {
    let el = host("00:00 Intro\n01:00 Middle");
    el.remove_attribute("src").expect("attr");
    let mut player = mount_element(el.clone()).expect("mounts");
    settle().await;
    let errors = shadow_all(&el, "[part~=error]");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].text_content().unwrap_or_default().contains("src"));
    player.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn bad_config_names_the_field() {
    let el = host("");
    let message = |config: &str| {
        let value = js_sys::JSON::parse(config).expect("json");
        match mount_with_config(el.clone(), value) {
            Ok(_) => String::from("mounted"),
            Err(e) => e
                .dyn_into::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default(),
        }
    };
    assert!(message(r#"{"srcc": "a.mp3"}"#).contains("unknown field \"srcc\""));
    assert!(message(r#"{"src": 5}"#).contains("\"src\""));
    assert!(message(
        r#"{"src": "a.mp3", "chapters": [{"start": 0, "title": "A"}, {"start": "x"}]}"#
    )
    .contains("chapters[1]"));
    assert!(message(r#"{"src": "a.mp3", "theme": "neon"}"#).contains("\"theme\""));
    assert!(message(r#"{"title": "no src"}"#).contains("\"src\" is required"));
    el.remove();
}

#[wasm_bindgen_test]
async fn config_with_inline_chapters_mounts_on_any_element() {
    let el = host("");
    let config = js_sys::JSON::parse(
        r#"{"src": "a.mp3", "title": "From code", "chapters": [{"start": 0, "title": "A"}, {"start": 90.5, "title": "B", "url": "https://example.com/b"}]}"#,
    )
    .expect("json");
    let mut player = mount_with_config(el.clone(), config).expect("mounts");
    settle().await;
    assert_eq!(shadow_all(&el, "[part~=chapter]").len(), 2);
    let chapters: js_sys::Array = player.chapters().unchecked_into();
    let second = chapters.get(1);
    let start = js_sys::Reflect::get(&second, &JsValue::from_str("start")).expect("start");
    assert_eq!(start.as_f64(), Some(90.5));
    player.destroy();
    el.remove();
}
