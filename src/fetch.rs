//! The network adapter: chapter files, podcast feeds, and the ID3 tag at the start of an MP3
//! fetched with Range requests so only the tag's bytes are downloaded. Every answer is an action.

use crate::message::Reason;
use crate::parts;
use crate::port::Dispatch;
use crate::state::Action;
use chapters::feed::TranscriptLink;
use chapters::formats::id3;
use chapters::transcript::preference;
use chapters::Chapters;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

/// Larger tags are mostly cover art; chapters are not worth that download.
const MAX_TAG_BYTES: usize = 8 << 20;

async fn bytes_of(response: &Response) -> Result<Vec<u8>, Reason> {
    let buffer = response.array_buffer().map_err(|_| Reason::Unreadable)?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| Reason::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches a chapters file and reads it in whatever format it turns out to be. Its images and
/// links are resolved against the file's own URL, as the file's author meant them.
async fn chapters_file(url: &str) -> Result<Chapters, Reason> {
    let bytes = bytes_of(&get(url).await?).await?;
    let chapters = parts::read_chapters_file(bytes).await?;
    let base = crate::url::absolute(url);
    let mut list = chapters.as_slice().to_vec();
    for c in &mut list {
        for field in [&mut c.image, &mut c.url] {
            if let Some(u) = field.as_mut() {
                *u = crate::url::resolve(u, &base);
            }
        }
    }
    Ok(with_picture_urls(Chapters::new(list)))
}

/// Pictures carried in the file (ID3 `APIC`) become `blob:` URLs the page can show as images;
/// [`revoke_picture_urls`] frees them once the chapters are replaced.
fn with_picture_urls(chapters: Chapters) -> Chapters {
    if chapters.iter().all(|c| c.picture.is_none()) {
        return chapters;
    }
    let mut list = chapters.as_slice().to_vec();
    for c in &mut list {
        let Some(picture) = c.picture.take() else {
            continue;
        };
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(picture.data.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&picture.mime);
        let url = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob));
        if let Ok(url) = url {
            c.image = Some(url);
        }
    }
    Chapters::new(list)
}

/// Frees the `blob:` URLs of `old` chapters that `new` ones (if any) no longer show.
pub fn revoke_picture_urls(old: &Chapters, new: Option<&Chapters>) {
    let kept = |url: &str| new.is_some_and(|n| n.iter().any(|c| c.image.as_deref() == Some(url)));
    for image in old.iter().filter_map(|c| c.image.as_deref()) {
        if image.starts_with("blob:") && !kept(image) {
            let _ = web_sys::Url::revoke_object_url(image);
        }
    }
}

/// Starts loading a part of the player that a fetch under way will need, so that it downloads
/// beside the file instead of after it. Its failure is met again, and reported, where the part
/// is used.
fn preload<E>(load: impl std::future::Future<Output = Result<(), E>> + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load.await;
    });
}

/// A successful response for `url`, or why there is none.
async fn get(url: &str) -> Result<Response, Reason> {
    let window = web_sys::window().ok_or(Reason::Request)?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| Reason::Request)?
        .unchecked_into();
    if response.ok() {
        Ok(response)
    } else {
        Err(Reason::Http(response.status()))
    }
}

/// A request for bytes `0..=last` of `url`, with the controller that can cancel its download.
async fn range_request(url: &str, last: usize) -> Option<(Response, AbortController)> {
    let window = web_sys::window()?;
    let headers = Headers::new().ok()?;
    headers.append("Range", &format!("bytes=0-{last}")).ok()?;
    let controller = AbortController::new().ok()?;
    let init = RequestInit::new();
    init.set_headers(&headers);
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .unchecked_into();
    Some((response, controller))
}

/// Bytes `0..len` of `url`, or `None` when the server will not serve a range (it would send the
/// whole episode: that download is cancelled) or the request fails.
async fn leading_bytes(url: &str, len: usize) -> Option<Vec<u8>> {
    let (response, controller) = range_request(url, len.checked_sub(1)?).await?;
    if response.status() != 206 {
        controller.abort();
        return None;
    }
    let bytes = bytes_of(&response).await.ok()?;
    (bytes.len() >= len.min(10)).then_some(bytes)
}

/// Chapters from the ID3 tag at the start of the MP3 at `src`, if it has any. Every failure —
/// no tag, CORS, no Range support, a broken tag — means "no chapters here", not an error: this
/// is the last place the player looks.
async fn id3_chapters(src: &str) -> Option<Chapters> {
    let header = leading_bytes(src, 10).await?;
    let len = id3::tag_len(&header).filter(|len| *len <= MAX_TAG_BYTES)?;
    preload(parts::preload_chapter_files());
    let tag = leading_bytes(src, len).await?;
    parts::read_id3(tag)
        .await
        .ok()
        .filter(|c| !c.is_empty())
        .map(with_picture_urls)
}

/// Fetches the chapter file at `url` for the source of `generation`, and answers.
pub fn chapters(url: String, generation: u32, dispatch: Dispatch) {
    preload(parts::preload_chapter_files());
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.send(match chapters_file(&url).await {
            Ok(chapters) => Action::ChaptersLoaded {
                generation,
                chapters: Rc::new(chapters),
            },
            Err(reason) => Action::ChaptersFailed { generation, reason },
        });
    });
}

/// Reads the ID3 chapters of the audio at `src`; finding none is no answer at all.
pub fn id3(src: String, generation: u32, dispatch: Dispatch) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(chapters) = id3_chapters(&src).await {
            dispatch.send(Action::ChaptersLoaded {
                generation,
                chapters: Rc::new(chapters),
            });
        }
    });
}

/// The first of the episode's transcript files, in the listener's order (the player's language,
/// then the browser's; timed before untimed), that can be fetched and read; when none can, the
/// player offers them as links.
pub fn transcript(
    links: Vec<TranscriptLink>,
    lang: &'static str,
    generation: u32,
    dispatch: Dispatch,
) {
    if !links.is_empty() {
        preload(parts::preload_transcripts());
    }
    wasm_bindgen_futures::spawn_local(async move {
        let browser = web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default();
        for link in preference(&links, &[lang, &browser]) {
            let Ok(response) = get(&link.url).await else {
                continue;
            };
            let served = response.headers().get("content-type").ok().flatten();
            let Ok(bytes) = bytes_of(&response).await else {
                continue;
            };
            let mime = link.mime.clone().or(served);
            // The readers' part, if it is still on its way, is waited for outside the read's
            // measure (a failed load is met again, and reported, by the read).
            let _ = parts::preload_transcripts().await;
            let start = crate::timing::now();
            let read = parts::read_transcript(bytes, mime).await;
            crate::timing::measure("chapter-player: transcript read", start);
            if let Ok(t) = read {
                if !t.cues.is_empty() {
                    dispatch.send(Action::TranscriptLoaded {
                        generation,
                        transcript: Rc::new(t),
                    });
                    return;
                }
            }
        }
        dispatch.send(Action::TranscriptFailed { generation });
    });
}

/// Loads a podcast feed as the player's playlist; a failure is shown where the episode list
/// would be.
pub fn feed(url: String, dispatch: Dispatch) {
    preload(parts::preload_feed());
    wasm_bindgen_futures::spawn_local(async move {
        let absolute = crate::url::absolute(&url);
        let result = match feed_text(&absolute).await {
            Ok(xml) => parts::read_feed(xml, absolute).await,
            Err(reason) => Err(reason),
        }
        .and_then(|entries| {
            if entries.is_empty() {
                Err(Reason::NoEpisodes)
            } else {
                Ok(entries)
            }
        });
        dispatch.send(match result {
            Ok(entries) => Action::PlaylistLoaded {
                feed: Some(url),
                entries: Rc::new(entries),
            },
            Err(reason) => Action::PlaylistFailed { url, reason },
        });
    });
}

/// Asks for the first byte of the audio at `src` and answers with the HTTP status (`None`: no
/// answer at all), so a failed episode can say whether it is missing or the server is down.
pub fn probe(src: String, generation: u32, dispatch: Dispatch) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.send(Action::AudioProbed {
            generation,
            status: first_byte_status(&src).await,
        });
    });
}

async fn first_byte_status(src: &str) -> Option<u16> {
    let (response, controller) = range_request(src, 0).await?;
    controller.abort();
    Some(response.status())
}

async fn feed_text(url: &str) -> Result<String, Reason> {
    String::from_utf8(bytes_of(&get(url).await?).await?).map_err(|_| Reason::NotUtf8)
}
