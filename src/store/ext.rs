//! Which files are articles, told by their extensions.

use std::path::Path;

/// Extensions loaded when walking a folder.
const TEXT_EXTS: &[&str] = &["txt", "md", "markdown", "text"];
pub(super) const MARKDOWN_EXTS: &[&str] = &["md", "markdown"];
pub(super) const JSON_EXTS: &[&str] = &["jsonl", "ndjson", "json"];
pub(super) const HTML_EXTS: &[&str] = &["html", "htm", "xhtml"];
pub(super) const FEED_EXTS: &[&str] = &["rss", "atom", "xml"];
pub(super) const CSV_EXTS: &[&str] = &["csv", "tsv", "tab"];

/// True for the files a folder walk loads (.txt, .md, .jsonl, .json, .html,
/// .rss, .atom, .xml, .csv, .tsv...).
pub fn is_article_file(path: &Path) -> bool {
    [TEXT_EXTS, JSON_EXTS, HTML_EXTS, FEED_EXTS, CSV_EXTS]
        .iter()
        .any(|exts| has_ext(path, exts, &[]))
}

/// True for the files a folder walk (and the watcher) reads: the article
/// files, less the `.xml` files whose root element says they are no feed
/// (a sitemap, a settings file), passed by quietly.
pub fn is_walked_file(path: &Path) -> bool {
    is_article_file(path) && (!has_ext(path, &["xml"], &[]) || super::feed::may_be_feed_file(path))
}

pub(super) fn has_ext(path: &Path, a: &[&str], b: &[&str]) -> bool {
    let Some(ext) = path.extension() else {
        return false;
    };
    let ext = ext.as_encoded_bytes();
    a.iter()
        .chain(b)
        .any(|known| known.as_bytes().eq_ignore_ascii_case(ext))
}
