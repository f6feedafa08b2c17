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
///
/// A page that marks its article plainly (one `<article>` element, or one
/// `itemprop="articleBody"`, holding most of its paragraphs) is extracted
/// from its head and that element alone: the menus, related stories and
/// footers around it are never built into a tree, which costs most of the
/// time on a saved page. Readability still cleans the element (share
/// buttons, promotions inside it). A page that marks nothing is cut the
/// same way to the element that holds its prose ([`dense_focus`]). A page
/// where neither finds an element, or whose element gives too little text,
/// is extracted whole.
pub fn extract(html: &str) -> Result<Page, NoArticle> {
    let html = strip_inert(html);
    if let Some(focused) = focus(&html).or_else(|| dense_focus(&html))
        && let Ok(mut page) = extract_from(&focused)
    {
        if page.meta.date.is_none() {
            page.meta.date = first_time_datetime(&html);
        }
        return Ok(page);
    }
    extract_from(&html)
}

/// The page cut down to its head and its marked article element, when it
/// has one that holds at least [`FOCUS_SHARE`] of its paragraphs.
fn focus(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut head_end = None;
    let mut body_start = None;
    let mut articles = Vec::new();
    let mut article_close = None;
    let mut paragraphs = Vec::new();
    for i in memchr::memchr_iter(b'<', b) {
        let rest = &b[i + 1..];
        if tag_is(rest, b"p") {
            paragraphs.push(i);
        } else if tag_is(rest, b"article") {
            articles.push(i);
        } else if article_close.is_none() && rest.first() == Some(&b'/') && tag_is(&rest[1..], b"article") {
            article_close = articles.last().map(|&open| (open, i));
        } else if head_end.is_none() && rest.first() == Some(&b'/') && tag_is(&rest[1..], b"head") {
            head_end = Some(i);
        } else if body_start.is_none() && tag_is(rest, b"body") {
            body_start = Some(i);
        }
    }
    let head_end = match (body_start, head_end) {
        (Some(b), Some(h)) => b.min(h),
        (b, h) => b.or(h)?,
    };
    let all = paragraphs.iter().filter(|&&p| p > head_end).count();
    let holds_the_text = |&(start, end): &(usize, usize)| {
        let inside = paragraphs.iter().filter(|&&p| p > start && p < end).count();
        let (num, den) = FOCUS_SHARE;
        start > head_end && inside >= FOCUS_MIN_PARAGRAPHS && inside * den >= all * num
    };
    // the lone <article>, else the one element marked as the article's text
    let lone_article = match (articles.as_slice(), article_close) {
        ([one], Some((open, close))) if *one == open => Some((open, close)),
        _ => None,
    };
    let (start, end) = lone_article
        .into_iter()
        .chain(
            MARKS
                .iter()
                .filter_map(|(value, attr)| marked_element(b, value, attr)),
        )
        .find(holds_the_text)?;
    Some(cut(html, head_end, start, end))
}

/// The page's head (up to `head_end`) and the element at `start..end`, as a page.
fn cut(html: &str, head_end: usize, start: usize, end: usize) -> String {
    let mut out = String::with_capacity(head_end + (end - start) + 64);
    out.push_str(&html[..head_end]);
    out.push_str("</head><body>");
    out.push_str(&html[start..end]);
    out.push_str("</body></html>");
    out
}

/// Where the head ends: at `<body` or `</head>`, whichever comes first.
fn head_end(b: &[u8]) -> Option<usize> {
    let mut head = None;
    for i in memchr::memchr_iter(b'<', b) {
        let rest = &b[i + 1..];
        if tag_is(rest, b"body") {
            return Some(head.map_or(i, |h: usize| h.min(i)));
        }
        if head.is_none() && rest.first() == Some(&b'/') && tag_is(&rest[1..], b"head") {
            head = Some(i);
        }
    }
    head
}

/// The page cut down to its head and the element that holds its prose,
/// for a page that marks nothing as its article.
///
/// One pass over the body's bytes (scripts, styles and comments already
/// cut) follows the nesting of the container elements only ([`CONTAINERS`]:
/// `div`, `section`, `main`…, whose end tags pages write), so `<p>`, `<li>`
/// without end tags and void elements cannot upset it. Prose is text in runs
/// of at least [`PROSE_RUN`] bytes (inline tags such as `<a>` or `<em>` do
/// not break a run; menus, link lists and short comments are not prose).
/// The chosen element is the smallest that holds at least three of the
/// page's `<p>` tags and [`FOCUS_SHARE`] of its prose, widened to its parent
/// as long as the parent holds more prose (a lead paragraph beside the
/// body's container); it must hold the page's longest run of text (a short
/// article beside a longer list of teasers is not cut away). A container closed out of order, one never closed or
/// a tag never ended is a page too loose to cut: `None`, and the page is
/// read whole.
fn dense_focus(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let head_end = head_end(b)?;
    let (start, end) = densest(b, head_end)?;
    Some(cut(html, head_end, start, end))
}

/// Elements whose nesting [`densest`] follows.
const CONTAINERS: &[&[u8]] = &[
    b"div", b"section", b"main", b"article", b"aside", b"header", b"footer", b"nav", b"figure", b"form",
];
/// Tags that do not break a run of prose.
const INLINE: &[&[u8]] = &[
    b"a", b"em", b"strong", b"b", b"i", b"u", b"s", b"span", b"code", b"small", b"sub", b"sup", b"mark",
    b"abbr", b"time", b"q", b"cite", b"br", b"font", b"wbr",
];
/// A run of text this long (in bytes that are not white space) is prose.
const PROSE_RUN: usize = 80;
/// The chosen element holds at least this many `<p>` tags.
const DENSE_MIN_PARAGRAPHS: usize = 3;

/// One container element in [`densest`]'s pass.
struct Node {
    start: usize,
    end: usize,
    parent: Option<usize>,
    /// prose bytes and `<p>` tags before it opened, then inside it
    prose: usize,
    paragraphs: usize,
}

/// The byte range (from its `<` to its closing tag's `<`) of the element
/// that holds the prose of the body starting at `from`; see [`dense_focus`].
fn densest(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut open: Vec<(usize, &[u8])> = Vec::new();
    let (mut prose, mut paragraphs, mut run) = (0usize, 0usize, 0usize);
    // the longest run of text, and where it ends
    let mut longest = (0usize, 0usize);
    let mut text_from = from;
    let mut at = from;
    while let Some(i) = memchr::memchr(b'<', &b[at..]).map(|i| at + i) {
        let rest = &b[i + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let name_len = rest[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let is_tag = name_len > 0 || matches!(rest.first(), Some(b'!' | b'?'));
        if !is_tag {
            // a `<` in the text
            at = i + 1;
            continue;
        }
        run += b[text_from..i]
            .iter()
            .filter(|c| !c.is_ascii_whitespace())
            .count();
        let tag_end = i + memchr::memchr(b'>', &b[i..])? + 1;
        text_from = tag_end;
        at = tag_end;
        let name = &rest[name_at..name_at + name_len];
        if INLINE.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            continue;
        }
        if run >= PROSE_RUN {
            prose += run;
        }
        if run > longest.0 {
            longest = (run, i);
        }
        run = 0;
        if !closing && name.eq_ignore_ascii_case(b"p") {
            paragraphs += 1;
        }
        let Some(container) = CONTAINERS.iter().find(|n| n.eq_ignore_ascii_case(name)) else {
            continue;
        };
        if !closing {
            nodes.push(Node {
                start: i,
                end: 0,
                parent: open.last().map(|&(k, _)| k),
                prose,
                paragraphs,
            });
            open.push((nodes.len() - 1, container));
        } else {
            // closed out of order: too loose to cut
            let (k, opened) = open.pop()?;
            if opened != *container {
                return None;
            }
            let n = &mut nodes[k];
            n.end = i;
            n.prose = prose - n.prose;
            n.paragraphs = paragraphs - n.paragraphs;
        }
    }
    run += b[text_from..].iter().filter(|c| !c.is_ascii_whitespace()).count();
    if run >= PROSE_RUN {
        prose += run;
    }
    if run > longest.0 {
        longest = (run, b.len());
    }
    // never closed
    if !open.is_empty() || prose == 0 {
        return None;
    }
    let (num, den) = FOCUS_SHARE;
    let mut k = (0..nodes.len())
        .filter(|&k| {
            let n = &nodes[k];
            n.paragraphs >= DENSE_MIN_PARAGRAPHS && n.prose * den >= prose * num
        })
        .min_by_key(|&k| nodes[k].end - nodes[k].start)?;
    // widened while the parent holds more prose; and it must hold the
    // page's longest run (a short article beside a list of teasers that
    // holds most of the prose is not cut away)
    while let Some(p) = nodes[k].parent
        && nodes[p].prose > nodes[k].prose
    {
        k = p;
    }
    let n = &nodes[k];
    (n.start < longest.1 && longest.1 <= n.end).then_some((n.start, n.end))
}

/// A marked article element holds at least this share of the page's
/// paragraphs (a lone `<article>` that is a related story's card does not).
const FOCUS_SHARE: (usize, usize) = (3, 5);
/// ... and at least this many.
const FOCUS_MIN_PARAGRAPHS: usize = 2;

/// True when `rest` (what follows a `<`) starts the tag `name`, in any case.
fn tag_is(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(rest[name.len()], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
}

/// Attribute values that mark an element as the article's text, with the
/// attribute: schema.org's `itemprop="articleBody"`, and the class names
/// the common publishing systems give it (WordPress's `entry-content`…).
const MARKS: &[(&str, &str)] = &[
    ("articleBody", "itemprop"),
    ("article-body", "class"),
    ("article__body", "class"),
    ("story-body", "class"),
    ("entry-content", "class"),
    ("post-content", "class"),
    ("article-content", "class"),
];

/// The byte range of the one element whose `attr` holds `value` (the value
/// found nowhere else in the page), from its `<` to its closing tag's `<`.
fn marked_element(b: &[u8], value: &str, attr: &str) -> Option<(usize, usize)> {
    let mut found = memchr::memmem::find_iter(b, value.as_bytes()).filter_map(|at| {
        let open = memchr::memrchr(b'<', &b[..at])?;
        // inside that tag (no `>` between), after the attribute's name
        let tag = &b[open..at];
        (memchr::memchr(b'>', tag).is_none() && contains_ignore_case(tag, attr.as_bytes())).then_some(open)
    });
    let open = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let name_len = b[open + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = &b[open + 1..open + 1 + name_len];
    if name.is_empty() {
        return None;
    }
    // its closing tag: the same name, nesting counted
    let mut depth = 0usize;
    for i in memchr::memchr_iter(b'<', &b[open..]).map(|i| open + i) {
        let rest = &b[i + 1..];
        if tag_is(rest, name) {
            depth += 1;
        } else if rest.first() == Some(&b'/') && tag_is(&rest[1..], name) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some((open, i));
            }
        }
    }
    None
}

/// The `datetime` of the page's first `<time datetime=…>`, read from the bytes.
fn first_time_datetime(html: &str) -> Option<String> {
    let b = html.as_bytes();
    memchr::memchr_iter(b'<', b).find_map(|i| {
        if !tag_is(&b[i + 1..], b"time") {
            return None;
        }
        let tag_end = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |j| i + j);
        let tag = &html[i..tag_end];
        let at = tag.to_ascii_lowercase().find("datetime=")? + "datetime=".len();
        let v = &tag[at..];
        let v = match v.chars().next()? {
            q @ ('"' | '\'') => v[1..].split(q).next()?,
            _ => v.split(|c: char| c.is_ascii_whitespace() || c == '>').next()?,
        };
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_string())
    })
}

/// Extraction proper, on a whole page or a focused one.
fn extract_from(html: &str) -> Result<Page, NoArticle> {
    let doc = dom_query::Document::from(html);
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

/// Cookie and consent banners, and share and social-media button rows
/// (Readability drops the ones made of links, keeps those of plain text or
/// buttons inside the article).
const BANNERS: &str = "[class*=cookie],[id*=cookie],[class*=consent],[id*=consent],[class*=gdpr],[id*=gdpr],\
    [class~=share],[class*=share-],[class*=-share],[class*=sharing],[id*=share-],[id*=-share],\
    [class*=social-],[class*=-social]";

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

    /// A page whose article is marked only by `itemprop="articleBody"`,
    /// inside nested `div`s, with a comment section of paragraphs outside it.
    const ITEMPROP_PAGE: &str = r##"<html><head><title>Library reopens | Town Crier</title>
<meta property="og:site_name" content="Town Crier"></head>
<body><div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="wrap"><div itemprop="articleBody" class="text">
<div class="lead"><p>The town library reopened on Saturday after a year of repairs to its roof and its reading room, the council said.</p></div>
<div class="share"><a href="#">Share on social</a></div>
<p>Volunteers carried the last boxes of books back onto the shelves on Friday evening, and the first readers queued before the doors opened.</p>
<p>The repairs cost less than planned, the treasurer said, because the old oak beams could be kept and only the tiles had to be replaced.</p>
<p>Opening hours stay as they were before the repairs, and the children's corner opens again on Monday with a reading hour at four.</p>
</div></div>
<div class="comments"><p>Great news!</p></div>
<footer><p>Town Crier. All rights reserved.</p></footer>
<div class="late"><time datetime="2024-06-01">1 June</time></div>
</body></html>"##;

    #[test]
    fn share_rows_of_plain_text_or_buttons_are_left_out() {
        for row in [
            r#"<div class="share">Share on Twitter Share on Facebook</div>"#,
            r#"<div class="article-share"><button>Share</button><button>Email</button></div>"#,
            r#"<ul class="social-links"><li>Twitter</li><li>Facebook</li></ul>"#,
            r#"<div id="share-bar">Share this article</div>"#,
        ] {
            let page = format!(
                "<html><head><title>Harbour deal</title></head><body><article><h1>Harbour deal</h1>\
                 <p>The two cities signed a harbour deal on Monday after talks lasting most of the year, officials said.</p>\
                 <p>Under the deal the harbour will be run jointly and the tolls shared, according to a statement released after the ceremony.</p>\
                 <p>Fishing crews welcomed the agreement, saying it would end years of disputes over the mooring fees at the old quay.</p>\
                 {row}</article></body></html>"
            );
            let p = extract(&page).unwrap();
            assert!(p.text.ends_with("at the old quay."), "{row}: {}", p.text);
            // a word of the article that merely contains "share" is kept
            assert!(p.text.contains("tolls shared"), "{}", p.text);
        }
    }

    #[test]
    fn a_lone_article_element_is_extracted_by_itself() {
        let page = strip_inert(PAGE);
        let f = focus(&page).expect("one <article> with the paragraphs");
        assert!(f.contains("og:site_name") && f.contains("fishing rights"));
        for junk in ["cookie", "Related stories", "All rights reserved", "menu"] {
            assert!(!f.contains(junk), "{junk} in {f}");
        }
        // and gives what the whole page gives
        assert_eq!(extract(PAGE).unwrap(), extract_from(&page).unwrap());
    }

    #[test]
    fn an_article_body_marked_by_itemprop_is_extracted_by_itself() {
        let f = focus(ITEMPROP_PAGE).expect("one itemprop=articleBody");
        assert!(f.contains("first readers queued") && f.contains("oak beams"));
        assert!(
            !f.contains("Great news") && !f.contains("All rights reserved"),
            "{f}"
        );
        let p = extract(ITEMPROP_PAGE).unwrap();
        assert!(p.text.starts_with("The town library reopened"), "{}", p.text);
        assert!(p.text.ends_with("a reading hour at four."), "{}", p.text);
        assert!(!p.text.contains("Share on social"), "{}", p.text);
        assert_eq!(p.meta.source.as_deref(), Some("Town Crier"));
        // a <time> outside the element still dates the page
        assert_eq!(p.meta.date.as_deref(), Some("2024-06-01"));
    }

    #[test]
    fn an_article_body_marked_by_a_publishing_systems_class_is_extracted_by_itself() {
        let page = PAGE
            .replace("<article>", "<div class=\"post entry-content\">")
            .replace("</article>", "</div>");
        let f = focus(&strip_inert(&page)).expect("one .entry-content");
        assert!(
            f.contains("fishing rights") && !f.contains("Related stories"),
            "{f}"
        );
        assert_eq!(extract(&page).unwrap().text, extract(PAGE).unwrap().text);
        // the class named twice: not plain
        let twice = page.replace("<footer>", "<footer class=\"entry-content\">");
        assert!(focus(&strip_inert(&twice)).is_none());
    }

    #[test]
    fn pages_that_do_not_mark_their_article_plainly_are_read_whole() {
        // two <article> elements
        let two = PAGE.replace(
            "<section class=\"related\">",
            "<article><p>Ferry strike ends.</p></article><section>",
        );
        assert!(focus(&strip_inert(&two)).is_none());
        // a lone <article> that is a related story's card, the text elsewhere
        let card = PAGE
            .replace("<article>", "<div class=\"story-text\">")
            .replace("</article>", "</div>")
            .replace(
                "<section class=\"related\">",
                "<article class=\"card\"><p>Ferry strike ends after a pay deal.</p></article><section>",
            );
        assert!(focus(&strip_inert(&card)).is_none());
        let p = extract(&card).unwrap();
        assert!(p.text.contains("signed the port agreement"), "{}", p.text);
        // no head or body to cut at
        assert!(focus("<article><p>a</p><p>b</p></article>").is_none());
        // two elements marked articleBody
        let twice = ITEMPROP_PAGE.replace("class=\"comments\"", "itemprop=\"articleBody\"");
        assert!(focus(&twice).is_none());
    }

    /// A page that marks nothing: its article in plain `div`s, split by an
    /// advertisement into two halves under one parent, with a lead
    /// paragraph before them.
    const SPLIT_PAGE: &str = r##"<html><head><title>Ferry timetable changes | Bay Post</title>
<meta property="og:site_name" content="Bay Post"></head>
<body><div class="top"><div class="menu"><a href="/">Home</a> <a href="/local">Local</a> <a href="/weather">Weather</a></div></div>
<div class="cookie-note"><p>This site stores small files on your device so that it remembers your choices for next time.</p></div>
<div class="col"><h1>Ferry timetable changes from June</h1>
<p class="lead">The island ferry will leave the harbour half an hour earlier on weekdays from the first of June, the operator announced on Monday.</p>
<div class="part"><p>Commuters had asked for an earlier crossing for two winters, and the operator said the new times follow a survey of more than a thousand passengers.</p>
<p>The last boat of the evening keeps its old time, so that people working late shifts in town can still get home the same night.</p></div>
<div class="ad"><p>Advert</p><img src="/ad.png"></div>
<div class="part"><p>On Saturdays and Sundays nothing changes, the operator said, because weekend traffic is spread more evenly over the day.</p>
<p>A second vessel is due back from repairs in July, which should end the long queues of cars at the slipway in summer.</p></div>
</div>
<div class="more"><h2>More from the bay</h2><ul><li><a href="/1">Lifeboat crew honoured</a><li><a href="/2">Beach clean on Sunday</a></ul></div>
<div class="foot"><p>Bay Post, all rights kept.</p></div>
</body></html>"##;

    #[test]
    fn an_unmarked_article_split_by_an_advert_is_cut_to_the_parent_of_its_halves() {
        let page = strip_inert(SPLIT_PAGE);
        assert!(focus(&page).is_none(), "nothing marked");
        let f = dense_focus(&page).expect("a container holds the prose");
        assert!(f.contains("<div class=\"col\">"), "{f}");
        for kept in ["half an hour earlier", "late shifts", "evenly over", "slipway"] {
            assert!(f.contains(kept), "{kept} not in {f}");
        }
        for cut in ["Weather", "small files", "Lifeboat", "all rights kept"] {
            assert!(!f.contains(cut), "{cut} in {f}");
        }
        let p = extract(SPLIT_PAGE).unwrap();
        assert!(p.text.contains("\n\nThe island ferry"), "{}", p.text);
        assert!(p.text.ends_with("at the slipway in summer."), "{}", p.text);
        assert_eq!(p.meta.source.as_deref(), Some("Bay Post"));
        // what reading the whole page gives, less the footer Readability kept there
        let whole = extract_from(&page).unwrap();
        assert_eq!(p.meta, whole.meta);
        assert!(whole.text.starts_with(&p.text), "{}", whole.text);
        assert!(!p.text.contains("all rights kept"), "{}", p.text);
    }

    #[test]
    fn a_lead_paragraph_beside_the_body_widens_the_cut_to_their_parent() {
        let b = SPLIT_PAGE.replace(
            "<div class=\"ad\"><p>Advert</p><img src=\"/ad.png\"></div>\n<div class=\"part\">",
            "",
        );
        let b = b.replacen("</p></div>\n", "</p>\n", 1);
        let page = strip_inert(&b);
        // one div.part holds four of the five long paragraphs: without the
        // widening the lead would be cut off
        let f = dense_focus(&page).unwrap();
        assert!(f.contains("half an hour earlier") && f.contains("slipway"), "{f}");
        assert!(!f.contains("Lifeboat"), "{f}");
    }

    /// A page that marks nothing, whose comments are many short paragraphs.
    const COMMENTS_PAGE: &str = r##"<html><head><title>New cycle lane opens | Valley News</title></head>
<body><div class="site"><div class="nav"><a href="/">Home</a> <a href="/roads">Roads</a></div>
<div class="main"><div class="story">
<p>The new cycle lane along the river opened on Wednesday, linking the station with the business park three miles upstream.</p>
<p>The lane is separated from the road by a low kerb, and the crossings at the two bridges have their own signals for cyclists.</p>
<p>Council engineers said the work finished a month early because the dry spring let them pour the concrete without delays.</p>
<p>A count of riders will be made in the autumn to decide whether a second lane, on the far bank, should be built next year.</p>
</div>
<div class="comments"><h3>Comments</h3>
<p>Great news.</p><p>About time!</p><p>Tried it today, smooth.</p><p>Where do I park?</p><p>Love it.</p><p>Too narrow.</p>
<p>Nice work.</p><p>Finally.</p><p>What about buses?</p><p>Agreed.</p><p>Well done all.</p><p>See you there.</p>
</div></div>
<div class="foot"><p>Valley News.</p></div></div>
</body></html>"##;

    #[test]
    fn comments_of_many_short_paragraphs_are_not_taken_for_the_article() {
        let page = strip_inert(COMMENTS_PAGE);
        let f = dense_focus(&page).expect("the story holds the prose");
        assert!(
            f.contains("<div class=\"story\">") && f.contains("far bank"),
            "{f}"
        );
        assert!(!f.contains("About time") && !f.contains("Roads"), "{f}");
        let p = extract(COMMENTS_PAGE).unwrap();
        assert!(p.text.starts_with("The new cycle lane"), "{}", p.text);
        assert!(p.text.ends_with("built next year."), "{}", p.text);
        assert!(!p.text.contains("About time"), "{}", p.text);
    }

    #[test]
    fn loose_pages_are_not_cut() {
        let page = strip_inert(COMMENTS_PAGE).into_owned();
        // a container never closed
        let unclosed = page.replacen(
            "</div>\n<div class=\"comments\">",
            "\n<div class=\"comments\">",
            1,
        );
        assert!(densest(unclosed.as_bytes(), 0).is_none());
        // closed out of order
        let crossed = page.replacen(
            "</div>\n<div class=\"comments\">",
            "</section>\n<div class=\"comments\">",
            1,
        );
        assert!(densest(crossed.as_bytes(), 0).is_none());
        // a stray end tag
        assert!(densest(format!("</div>{page}").as_bytes(), 0).is_none());
        // a tag never ended
        assert!(densest(format!("{page}<div class=\"x").as_bytes(), 0).is_none());
        // no prose at all, or prose but too few paragraphs
        assert!(densest(b"<div><p>a</p><p>b</p><p>c</p></div>", 0).is_none());
        let two = format!("<div><p>{}</p><p>b</p></div>", "word ".repeat(30));
        assert!(densest(two.as_bytes(), 0).is_none());
        // the loose pages are still read, whole
        for loose in [&unclosed, &crossed] {
            let p = extract(loose).unwrap();
            assert!(p.text.contains("The new cycle lane"), "{}", p.text);
            assert!(p.text.contains("far bank"), "{}", p.text);
        }
        // no head to cut at
        assert!(dense_focus("<div><p>x</p></div>").is_none());
    }

    #[test]
    fn optional_end_tags_void_elements_and_a_lone_angle_bracket_do_not_upset_the_pass() {
        let long = "word ".repeat(20);
        let page = format!(
            "<div class=a><ul><li>x<li>y</ul><div class=b><p>{long}<p>{long} a < b <br><img src=x><p>{long}<hr></div><div class=c><p>short</div></div>"
        );
        let (start, end) = densest(page.as_bytes(), 0).unwrap();
        assert!(
            page[start..end].starts_with("<div class=b>"),
            "{}",
            &page[start..end]
        );
        assert!(page[start..end].ends_with("<hr>"), "{}", &page[start..end]);
        // prose runs on through inline tags: one long run, split in links
        let linked = format!(
            "<div><p>{}</p><p>x</p><p>y</p></div>",
            "some <a href=x>linked</a> and <em>stressed</em> words ".repeat(4)
        );
        assert!(densest(linked.as_bytes(), 0).is_some());
    }

    #[test]
    fn the_benchmark_page_unmarked_is_cut_to_its_text() {
        let page = PAGE
            .replace("<article>", "<div class=\"story\"><div class=\"text\">")
            .replace("</article>", "</div></div>");
        let page = strip_inert(&page);
        assert!(focus(&page).is_none());
        let f = dense_focus(&page).expect("the text holds the prose");
        assert!(
            f.contains("<div class=\"text\">") && !f.contains("<div class=\"story\">"),
            "{f}"
        );
        assert_eq!(extract(&page).unwrap(), extract(PAGE).unwrap());
    }

    proptest::proptest! {
        #[test]
        fn the_cut_is_an_element_from_its_open_tag_to_its_end_tag(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<div class=x>".to_string()),
                proptest::strategy::Just("</div>".to_string()),
                proptest::strategy::Just("<SECTION>".to_string()),
                proptest::strategy::Just("</section >".to_string()),
                proptest::strategy::Just("<p>".to_string()),
                proptest::strategy::Just("</p><br/><a href=y>".to_string()),
                proptest::strategy::Just("<head></head><body>".to_string()),
                "[a-zé€ <>/!]{0,12}",
                "(prose é words ){6,12}",
            ],
            0..40,
        )) {
            let page = parts.concat();
            if let Some((start, end)) = densest(page.as_bytes(), 0) {
                let open = page[start..].to_ascii_lowercase();
                let close = page[end..].to_ascii_lowercase();
                proptest::prop_assert!(
                    (open.starts_with("<div") && close.starts_with("</div"))
                        || (open.starts_with("<section") && close.starts_with("</section")),
                    "{}", &page[start..end]
                );
            }
            let _ = dense_focus(&page);
        }
    }

    #[test]
    fn a_short_article_beside_longer_teasers_is_not_cut_away() {
        let teaser = "A summary of another story, written long enough to count as prose on its own line here, and then some more words.";
        let teasers = format!(
            "<div class=\"teasers\">{}</div>",
            format!("<p>{teaser}</p>").repeat(8)
        );
        let article = format!(
            "<div class=\"story\"><p>{}</p><p>x</p><p>y</p></div>",
            "The one long paragraph of the article itself, which runs on. ".repeat(4)
        );
        // the teasers hold most of the prose, and alone they are cut to
        assert!(densest(teasers.as_bytes(), 0).is_some());
        // in a wrapper with the article: widened to the wrapper
        let page = format!("<div class=\"page\">{article}{teasers}</div>");
        let (start, end) = densest(page.as_bytes(), 0).unwrap();
        assert!(
            page[start..end].starts_with("<div class=\"page\">"),
            "{}",
            &page[start..end]
        );
        // side by side in the body: the teasers do not hold the longest run,
        // so the page is read whole
        assert!(densest(format!("{article}{teasers}").as_bytes(), 0).is_none());
    }

    #[test]
    fn time_datetime_read_from_the_bytes() {
        assert_eq!(
            first_time_datetime("<p><TIME class=x DateTime='2024-01-02'>x</TIME>").as_deref(),
            Some("2024-01-02")
        );
        assert_eq!(
            first_time_datetime("<time>no</time><time datetime=2024-03-04>y").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(first_time_datetime("<times datetime=\"x\">"), None);
        assert_eq!(first_time_datetime("<time datetime=\"\">"), None);
        assert_eq!(first_time_datetime("<time datetime="), None);
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
