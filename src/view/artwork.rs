//! The header's artwork: the current chapter's image where it has one, the episode's otherwise,
//! and the episode's again when a chapter's image fails to load. The next chapter's image is
//! fetched ahead, so it is on screen the moment its chapter starts.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArtworkProps {
    /// The chapter's image on screen now, if any.
    pub chapter: Option<AttrValue>,
    /// The episode's artwork.
    pub episode: Option<AttrValue>,
    /// The image of the chapter after this one, loaded ahead.
    pub next: Option<AttrValue>,
}

/// Where an image may come from: the web, or the player's own memory (pictures from an ID3 tag).
pub fn safe_image(url: &str) -> bool {
    super::safe_link(url) || url.starts_with("blob:")
}

#[function_component]
pub fn Artwork(props: &ArtworkProps) -> Html {
    // Images that failed to load, so the episode's art stands in for them from then on.
    let failed = use_state(Vec::<AttrValue>::new);
    let usable =
        |src: &Option<AttrValue>| src.clone().filter(|s| safe_image(s) && !failed.contains(s));
    let chapter = usable(&props.chapter);
    let src = chapter.clone().or_else(|| props.episode.clone());
    let onerror = {
        let failed = failed.clone();
        let chapter = chapter.clone();
        Callback::from(move |_: Event| {
            if let Some(broken) = chapter.clone() {
                let mut list = (*failed).clone();
                list.push(broken);
                failed.set(list);
            }
        })
    };
    html! {
        <>
            if let Some(src) = src {
                <img class="art" part="artwork" {src} alt="" width="72" height="72" {onerror} />
            }
            if let Some(next) = usable(&props.next).filter(|n| Some(n) != chapter.as_ref()) {
                <img class="preload" src={next} alt="" aria-hidden="true" />
            }
        </>
    }
}
