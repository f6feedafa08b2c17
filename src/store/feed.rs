//! Feed files: RSS 2.0 (and 0.9x/1.0), Atom and JSON Feed, read by feed-rs.
//! One article per item: its HTML content (else its summary) through the
//! same extraction as a saved page, the item's title, date, link and
//! authors kept, and the feed's title as the outlet.

use super::Meta;
use super::html;

/// One item of a feed, or why it gave no article.
pub type Item = Result<(Meta, String), String>;

/// The items of a feed file, in the file's order; Err when the bytes are
/// not a feed at all.
pub fn items(bytes: &[u8]) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not an RSS, Atom or JSON feed ({e})"))?;
    let outlet = feed
        .title
        .as_ref()
        .map(|t| one_line(&t.content))
        .filter(|t| !t.is_empty());
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let raw = e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let text = item_text(&raw);
            if crate::analysis::text::count_words(&text) == 0 {
                return Err("no content or summary".to_string());
            }
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone());
            let authors: Vec<String> = e.authors.iter().filter_map(|p| p.name.clone()).collect();
            let meta = Meta {
                title: e.title.as_ref().map(|t| one_line(&t.content)).unwrap_or_default(),
                source: outlet.clone(),
                date: e.published.or(e.updated).map(|d| d.to_rfc3339()),
                url: link.filter(|l| !l.is_empty()),
                author: (!authors.is_empty()).then(|| authors.join(", ")),
            };
            Ok((meta, text))
        })
        .collect())
}

/// An item's text: HTML through the page extraction (a short fragment, which
/// the extraction finds too little in, as its plain text), plain text as it is.
fn item_text(raw: &str) -> String {
    if !looks_like_html(raw) {
        return raw.trim().to_string();
    }
    match html::extract(raw) {
        Ok(page) => page.text,
        Err(_) => {
            let doc = dom_query::Document::from(raw);
            one_line(&doc.select("body").text())
        }
    }
}

/// The name of an XML document's root element, without a namespace prefix
/// (`rss`, `feed`, `RDF` of `rdf:RDF`), read from its first bytes: after a
/// byte-order mark, the XML declaration, comments, processing instructions
/// and a DOCTYPE. None when the bytes do not start as XML does (or the root
/// comes later than these bytes reach).
pub fn xml_root(bytes: &[u8]) -> Option<&str> {
    let mut b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        b = b.trim_ascii_start();
        let rest = b.strip_prefix(b"<")?;
        let skip_to = |end: &[u8]| memchr::memmem::find(rest, end).map(|i| &rest[i + end.len()..]);
        b = if rest.starts_with(b"!--") {
            skip_to(b"-->")?
        } else if rest.starts_with(b"?") || rest.starts_with(b"!") {
            // a declaration, an instruction or a DOCTYPE (an internal subset
            // with `>` inside is rare enough to end the look)
            skip_to(b">")?
        } else {
            let n = rest
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'_' | b'-' | b'.'))
                .count();
            let name = std::str::from_utf8(&rest[..n]).ok()?;
            let local = name.rsplit(':').next().unwrap_or(name);
            return (!local.is_empty()).then_some(local);
        };
    }
}

/// True for the root elements of RSS (also RSS 1.0's `rdf:RDF`) and Atom.
pub fn is_feed_root(name: &str) -> bool {
    ["rss", "feed", "rdf"]
        .iter()
        .any(|f| name.eq_ignore_ascii_case(f))
}

/// False for a file that is XML but plainly no feed (a sitemap, a settings
/// file: its root element says so), read from its first 8 KiB; true when it
/// may be one (a feed, unreadable, or not XML as far as those bytes tell).
pub fn may_be_feed_file(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(8 << 10);
    let read = std::fs::File::open(path).and_then(|f| f.take(8 << 10).read_to_end(&mut head));
    read.is_err() || xml_root(&head).is_none_or(is_feed_root)
}

fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| {
        b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/')
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str = "The council approved the harbour plan on Monday after a long debate, and the mayor said work would begin in the spring if the budget allowed it.";

    #[test]
    fn rss_items_with_html_content() {
        let rss = format!(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>https://h.example/</link>
<item><title>Plan approved</title><link>https://h.example/plan</link><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{PARA}&lt;/p&gt;&lt;p&gt;Second paragraph of the story, with more words in it than a summary would have.&lt;/p&gt;</description></item>
<item><title>Short one</title><description>Just a line.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#
        );
        let got = items(rss.as_bytes()).unwrap();
        assert_eq!(got.len(), 3);
        let (m, text) = got[0].as_ref().unwrap();
        assert_eq!(m.title, "Plan approved");
        assert_eq!(m.source.as_deref(), Some("Harbour Times"));
        assert_eq!(m.url.as_deref(), Some("https://h.example/plan"));
        assert_eq!(m.date.as_deref(), Some("2024-05-06T09:00:00+00:00"));
        assert!(text.starts_with("The council approved"), "{text}");
        assert!(text.contains("\n\nSecond paragraph"), "{text}");
        assert_eq!(got[1].as_ref().unwrap().1, "Just a line.");
        assert!(got[2].is_err());
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = format!(
            r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Evening Wire</title><id>urn:x</id><updated>2024-05-06T10:00:00Z</updated>
<entry><title>Bridge opens</title><id>urn:1</id><link href="https://w.example/bridge"/><updated>2024-05-06T10:00:00Z</updated><author><name>Ana Ruiz</name></author>
<content type="html">&lt;p&gt;{PARA}&lt;/p&gt;</content></entry></feed>"#
        );
        let got = items(atom.as_bytes()).unwrap();
        let (m, text) = got[0].as_ref().unwrap();
        assert_eq!(m.title, "Bridge opens");
        assert_eq!(m.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(m.source.as_deref(), Some("Evening Wire"));
        assert_eq!(text, PARA);

        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Daily Ledger","items":[{{"id":"1","url":"https://l.example/1","title":"Rates held","content_text":"{PARA}","date_published":"2024-05-07T08:00:00Z"}}]}}"#
        );
        let got = items(json.as_bytes()).unwrap();
        let (m, text) = got[0].as_ref().unwrap();
        assert_eq!(m.source.as_deref(), Some("Daily Ledger"));
        assert_eq!(m.url.as_deref(), Some("https://l.example/1"));
        assert_eq!(m.date.as_deref(), Some("2024-05-07T08:00:00+00:00"));
        assert_eq!(text, PARA);
    }

    #[test]
    fn root_elements() {
        fn root(s: &str) -> Option<&str> {
            xml_root(s.as_bytes())
        }
        assert_eq!(root("<rss version=\"2.0\"><channel/></rss>"), Some("rss"));
        assert_eq!(
            root(
                "\u{feff}<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE x>\n<rdf:RDF xmlns:rdf=\"x\">"
            ),
            Some("RDF")
        );
        assert_eq!(
            root("  <feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some("feed")
        );
        assert_eq!(
            root("<?xml version=\"1.0\"?><urlset><url/></urlset>"),
            Some("urlset")
        );
        assert_eq!(root("{\"version\": 1}"), None);
        assert_eq!(root("<!-- never closes"), None);
        assert_eq!(root(""), None);
        assert!(is_feed_root("RDF") && is_feed_root("rss") && !is_feed_root("urlset"));
    }

    #[test]
    fn not_a_feed() {
        assert!(items(b"<html><body>hi</body></html>").is_err());
        assert!(items(b"").is_err());
    }
}
