//! Saved web pages: the article's text by readability-style extraction
//! (dom_smoothie, a port of Firefox's Readability), without menus, cookie
//! banners, related-story lists, share buttons and footers; paragraphs kept.
//! The details come from the page's metadata: the title, the outlet
//! (`og:site_name`, else the canonical URL's domain), the date
//! (`article:published_time`, JSON-LD `datePublished`, else the first
//! `<time datetime>`), the author and the canonical URL. The strings are
//! handed on as the page has them; reading dates and naming outlets is the
//! metadata's work.

use dom_smoothie::{Config, Readability, TextMode};

use super::Meta;

/// Fewer words than this is not an article: a page of menus and links.
pub const MIN_WORDS: usize = 15;

/// What a page gave: its details and its text (not yet sanitised).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub meta: Meta,
    pub text: String,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoArticle {
    /// The extraction found nothing that reads as an article's text.
    NoText { words: usize },
}

impl std::fmt::Display for NoArticle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoArticle::NoText { words: 0 } => write!(f, "no article text in the page"),
            NoArticle::NoText { words } => write!(
                f,
                "no article text in the page (only {words} words outside menus and links)"
            ),
        }
    }
}

/// The article in a web page, or in a fragment of one (a feed item's content).
pub fn extract(html: &str) -> Result<Page, NoArticle> {
    let html = strip_inert(html);
    let doc = dom_query::Document::from(html.as_ref());
    // read before extraction, which prunes the document
    let canonical = attr_of(&doc, "link[rel~=canonical]", "href")
        .or_else(|| attr_of(&doc, "meta[property=\"og:url\"]", "content"));
    let time = attr_of(&doc, "time[datetime]", "datetime");
    let author_meta = attr_of(&doc, "meta[name=author]", "content")
        .or_else(|| attr_of(&doc, "meta[property=\"article:author\"]", "content"))
        .filter(|a| !a.starts_with("http"));
    // cookie and consent banners, which readability keeps when the article is short
    if let Some(banners) = doc.try_select(BANNERS) {
        banners.remove();
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let article = Readability::with_document(doc, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = article else {
        return Err(NoArticle::NoText { words: 0 });
    };
    let text = tidy(&article.text_content);
    let words = crate::analysis::text::count_words(&text);
    if words < MIN_WORDS {
        return Err(NoArticle::NoText { words });
    }
    let url = canonical.or(article.url).filter(|u| !u.is_empty());
    let source = article
        .site_name
        .filter(|s| !s.trim().is_empty())
        .or_else(|| url.as_deref().and_then(domain_of));
    let meta = Meta {
        title: article.title.trim().to_string(),
        source,
        date: article.published_time.or(time).filter(|d| !d.trim().is_empty()),
        url,
        author: article.byline.or(author_meta).filter(|a| !a.trim().is_empty()),
    };
    Ok(Page { meta, text })
}

const BANNERS: &str = "[class*=cookie],[id*=cookie],[class*=consent],[id*=consent],[class*=gdpr],[id*=gdpr]";

/// Elements that hold no article text, which Readability drops anyway:
/// scripts (but JSON-LD metadata), styles, SVG drawings, templates and
/// comments. Cutting them out of the bytes before parsing spares building
/// them into a tree: a saved page is often mostly scripts and styles.
fn strip_inert(html: &str) -> std::borrow::Cow<'_, str> {
    const INERT: [&str; 5] = ["script", "style", "svg", "template", "noscript"];
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]).map(|i| at + i) {
        at = i + 1;
        let rest = &b[i + 1..];
        let cut_to = if rest.starts_with(b"!--") {
            Some(memchr::memmem::find(&rest[3..], b"-->").map_or(b.len(), |j| i + 1 + 3 + j + 3))
        } else {
            INERT.iter().find_map(|name| {
                let n = name.len();
                let named = rest.len() > n
                    && rest[..n].eq_ignore_ascii_case(name.as_bytes())
                    && matches!(rest[n], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/');
                if !named {
                    return None;
                }
                let open_end = memchr::memchr(b'>', rest).map_or(rest.len(), |j| j + 1);
                let open = &rest[..open_end];
                if *name == "script" && contains_ignore_case(open, b"ld+json") {
                    return None;
                }
                Some(close_of(b, i + 1 + open_end, name.as_bytes()))
            })
        };
        if let Some(end) = cut_to {
            out.push_str(&html[copied..i]);
            copied = end;
            at = end;
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// The end of `</name ...>` at or after `from` (the text's end when it never closes).
fn close_of(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&b[at..], b"</").map(|i| at + i) {
        let rest = &b[i + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return memchr::memchr(b'>', rest).map_or(b.len(), |j| i + 2 + j + 1);
        }
        at = i + 2;
    }
    b.len()
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

fn attr_of(doc: &dom_query::Document, selector: &str, attr: &str) -> Option<String> {
    let found = doc.try_select(selector)?;
    let v = found.first().attr(attr)?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// The host of an absolute URL, less a leading `www.`: the outlet's name
/// when the page gives none.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.')).then_some(host)
}

/// Paragraphs separated by one blank line, lines trimmed, no runs of blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
            blank = false;
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Port deal signed | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="og:title" content="Port deal signed after long talks">
<meta property="article:published_time" content="2024-05-02T08:00:00+02:00">
<meta name="author" content="Jo Smith">
<link rel="canonical" href="https://www.harbourtimes.example/news/port-deal">
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner"><p>We use cookies. Accept all cookies to continue reading our site today.</p></div>
<article>
<h1>Port deal signed after long talks</h1>
<p>The two governments signed the port agreement on Thursday after eleven rounds of talks, officials said, ending a dispute that had lasted for years.</p>
<p>Under the deal, the harbour will be run jointly, and tolls will be shared between the two cities, according to a statement released after the ceremony.</p>
<p>Critics said the agreement leaves the question of fishing rights open, and that the council would have to return to it before the end of the year.</p>
</article>
<section class="related"><h2>Related stories</h2><ul><li><a href="/a">Ferry strike ends</a></li><li><a href="/b">New bridge opens</a></li></ul></section>
<footer><p>All rights reserved. Privacy policy. Terms.</p></footer>
</body></html>"#;

    #[test]
    fn the_article_without_the_furniture() {
        let p = extract(PAGE).unwrap();
        assert!(p.text.contains("signed the port agreement"), "{}", p.text);
        assert!(p.text.contains("fishing rights open"));
        for junk in [
            "Accept all cookies",
            "Ferry strike",
            "All rights reserved",
            "Sport",
        ] {
            assert!(!p.text.contains(junk), "{junk} in {}", p.text);
        }
        // paragraphs kept, one blank line between them
        assert!(p.text.contains("for years.\n\nUnder the deal"), "{}", p.text);
    }

    #[test]
    fn details_from_the_metadata() {
        let m = extract(PAGE).unwrap().meta;
        assert_eq!(m.title, "Port deal signed after long talks");
        assert_eq!(m.source.as_deref(), Some("The Harbour Times"));
        assert_eq!(m.date.as_deref(), Some("2024-05-02T08:00:00+02:00"));
        assert_eq!(m.author.as_deref(), Some("Jo Smith"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.harbourtimes.example/news/port-deal")
        );
    }

    #[test]
    fn json_ld_time_and_canonical_domain_as_fallbacks() {
        let page = PAGE
            .replace(r#"<meta property="og:site_name" content="The Harbour Times">"#, "")
            .replace(
                r#"<meta property="article:published_time" content="2024-05-02T08:00:00+02:00">"#,
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port deal signed after long talks","datePublished":"2024-05-01"}</script>"#,
            );
        let m = extract(&page).unwrap().meta;
        assert_eq!(m.source.as_deref(), Some("harbourtimes.example"));
        assert_eq!(m.date.as_deref(), Some("2024-05-01"));
        let page = page
            .replace(r#""datePublished":"2024-05-01""#, r#""x":1"#)
            .replace(
                "<h1>",
                r#"<p class="byline"><time datetime="2024-04-30T10:00">Tuesday</time></p><h1>"#,
            );
        assert_eq!(
            extract(&page).unwrap().meta.date.as_deref(),
            Some("2024-04-30T10:00")
        );
    }

    #[test]
    fn a_page_of_menus_is_not_an_article() {
        let page = r#"<html><body><nav><a href="/">Home</a> <a href="/b">Business</a></nav>
<footer>Contact us</footer></body></html>"#;
        let e = extract(page).unwrap_err();
        assert!(e.to_string().starts_with("no article text"), "{e}");
        assert!(extract("").is_err());
    }

    #[test]
    fn inert_elements_are_cut_before_parsing() {
        let page = "<p>a</p><SCRIPT src=x>if (a<b) { s = '</p>'; }</script><p>b</p><style>p{}</style><!-- <p>c</p> --><svg><text>d</text></svg><script type=\"application/ld+json\">{}</script><scripty>e</scripty>";
        assert_eq!(
            strip_inert(page),
            "<p>a</p><p>b</p><script type=\"application/ld+json\">{}</script><scripty>e</scripty>"
        );
        assert_eq!(strip_inert("<p>plain</p>"), "<p>plain</p>");
        // one that never closes runs to the end
        assert_eq!(strip_inert("<p>x</p><script>never"), "<p>x</p>");
        assert_eq!(strip_inert("<!-- open"), "");
        assert_eq!(strip_inert("<p>é<"), "<p>é<");
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain_of("https://www.x.example/a?b").as_deref(),
            Some("x.example")
        );
        assert_eq!(
            domain_of("http://user@news.y.example:8080/").as_deref(),
            Some("news.y.example")
        );
        assert_eq!(domain_of("/relative/path"), None);
        assert_eq!(domain_of("https://localhost/"), None);
    }

    #[test]
    fn tidy_keeps_paragraphs() {
        assert_eq!(tidy("\n  a  \n\n\n\n b\nc \n\n"), "a\n\nb\nc");
    }
}
