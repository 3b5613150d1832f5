//! URLs as the page means them: relative ones resolved against the document or a feed.

/// `url` made absolute against `base`; unchanged when it cannot be.
pub fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map_or_else(|_| url.to_string(), |u| u.href())
}

/// `url` made absolute against the document, as `<audio>.src` reports it.
pub fn absolute(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base {
        Some(base) => resolve(url, &base),
        None => url.to_string(),
    }
}
