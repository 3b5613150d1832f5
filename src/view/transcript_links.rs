//! What the transcript panel offers when no transcript file could be fetched here (CORS, CSP,
//! 404, an unreadable file): the files themselves, each named with its format.

use super::Shared;
use crate::i18n::{Lang, Text};
use chapters::feed::TranscriptLink;
use chapters::transcript::Kind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TranscriptLinksProps {
    pub lang: Lang,
    pub links: Shared<Vec<TranscriptLink>>,
}

#[function_component]
pub fn TranscriptLinks(props: &TranscriptLinksProps) -> Html {
    let lang = props.lang;
    let format = |l: &TranscriptLink| {
        l.mime
            .as_deref()
            .and_then(Kind::from_mime)
            .map(|k| k.name().to_string())
            .or_else(|| {
                let path = l.url.split(['?', '#']).next().unwrap_or_default();
                path.rsplit_once('.').map(|(_, ext)| ext.to_string())
            })
            .unwrap_or_else(|| "text".into())
            .to_ascii_uppercase()
    };
    html! {
        <details class="transcript" part="transcript">
            <summary part="transcript-toggle">{ lang.text(Text::Transcript) }</summary>
            <p class="transcript-warning" part="transcript-unavailable">{ lang.text(Text::TranscriptUnavailable) }</p>
            <ul class="transcript-links">
                { for props.links.iter().filter(|l| super::safe_link(&l.url)).map(|l| html! {
                    <li><a href={l.url.clone()} target="_blank" rel="noopener noreferrer" part="transcript-link">
                        { lang.fill(Text::TranscriptFile, &[&format(l)]) }
                    </a></li>
                }) }
            </ul>
        </details>
    }
}
