//! Network reads for chapters: chapter files, and the ID3 tag at the start of an MP3 fetched with
//! Range requests so only the tag's bytes are downloaded.

use chapters::formats::id3;
use chapters::{Chapters, Format};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

/// Larger tags are mostly cover art; chapters are not worth that download.
const MAX_TAG_BYTES: usize = 8 << 20;

async fn bytes_of(response: &Response) -> Result<Vec<u8>, String> {
    let buffer = response
        .array_buffer()
        .map_err(|_| "the response has no body".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "the response could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches a chapters file and reads it in whatever format it turns out to be.
pub async fn chapters_file(url: &str) -> Result<Chapters, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the request failed (network or CORS)".to_string())?;
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let bytes = bytes_of(&response).await?;
    Format::detect(&bytes)
        .read(&bytes)
        .map_err(|e| e.to_string())
}

/// Bytes `0..len` of `url`, or `None` when the server will not serve a range (it would send the
/// whole episode: that download is cancelled) or the request fails.
async fn leading_bytes(url: &str, len: usize) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let headers = Headers::new().ok()?;
    headers
        .append("Range", &format!("bytes=0-{}", len.checked_sub(1)?))
        .ok()?;
    let controller = AbortController::new().ok()?;
    let init = RequestInit::new();
    init.set_headers(&headers);
    init.set_signal(Some(&controller.signal()));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .unchecked_into();
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
pub async fn id3_chapters(src: &str) -> Option<Chapters> {
    let header = leading_bytes(src, 10).await?;
    let len = id3::tag_len(&header).filter(|len| *len <= MAX_TAG_BYTES)?;
    let tag = leading_bytes(src, len).await?;
    id3::read(&tag).ok().filter(|c| !c.is_empty())
}
