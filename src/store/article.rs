use std::sync::Arc;

use serde::Serialize;

use super::date::Date;
use super::resolve::{MetaProblem, Resolved};

/// Index of an article in the [`Corpus`](super::Corpus).
pub type ArticleId = u32;

/// What is known about an article besides its text. Once an [`Article`]
/// is made, `source` is the outlet's one name (the alias table's) and `date`
/// the ISO text of [`Article::date`] ("2023-03-05", "2022-12", "2023").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// Speakers and quotes are looked for in an article's first this many bytes.
pub const QUOTES_BOUND: usize = 256 << 10;

/// The part of `body` the bounded analyses read: all of it up to
/// [`QUOTES_BOUND`], else its first [`QUOTES_BOUND`] bytes, cut after the
/// last paragraph (or line, or space) that fits.
pub fn analysed_part(body: &str) -> &str {
    if body.len() <= QUOTES_BOUND {
        return body;
    }
    let mut cut = QUOTES_BOUND;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &body[..cut];
    let end = head
        .rfind("\n\n")
        .or_else(|| head.rfind('\n'))
        .or_else(|| head.rfind(". ").map(|i| i + 1))
        .or_else(|| head.rfind(' '))
        .unwrap_or(cut);
    &body[..end]
}

/// The kind of file an article came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    /// Markdown source: the reader renders it; the body keeps the source.
    Markdown,
    /// A saved web page: the body is the extracted article text.
    Html,
    /// An item of an RSS, Atom or JSON feed.
    Feed,
    /// A row of a CSV or TSV export.
    Csv,
    /// A JSON or JSON Lines record.
    Json,
}

/// One article. `body` is sanitised text: no control characters or escape
/// sequences, `\n` line ends. Every byte range the analyses return refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    /// Where it came from: a file path as given, `bundled/NAME` for the bundled
    /// articles, or `FILE:LINE` for a JSON Lines record.
    pub path: String,
    pub meta: Meta,
    /// Shared, so background analysis can read it without a copy.
    pub body: Arc<str>,
    pub words: usize,
    /// The file was not valid UTF-8 and was decoded lossily.
    pub lossy: bool,
    pub format: Format,
    /// The encoding the file was read in, when not UTF-8 ("UTF-16LE", "Shift_JIS").
    pub encoding: Option<&'static str>,
    /// Where the body starts in the file, in bytes, when the body is a
    /// verbatim slice of the file (a UTF-8 text file that sanitising left
    /// as it was): a body offset plus this is a file offset. None when the
    /// body was extracted, decoded or cleaned.
    pub file_offset: Option<usize>,
    /// The publication date (sort and group by this, never by `meta.date`).
    pub date: Option<Date>,
    /// Where the outlet and the date came from.
    pub origin: Resolved,
    /// Metadata that could not be used (a date that does not parse), for the
    /// load issues.
    pub meta_problems: Vec<MetaProblem>,
}

impl Article {
    /// Builds an article from raw file text: front matter, sanitising, title.
    pub fn from_text(path: impl Into<String>, raw: &str, lossy: bool) -> Article {
        let (fm, rest) = super::split_front_matter(raw);
        let clean = super::sanitize(rest);
        let trimmed = clean.trim_start_matches(['\n', ' ']);
        let file_offset = match &clean {
            std::borrow::Cow::Borrowed(_) => Some(raw.len() - rest.len() + (clean.len() - trimmed.len())),
            std::borrow::Cow::Owned(_) => None,
        };
        // one copy of the text: straight into the shared body
        let body: Arc<str> = Arc::from(trimmed.trim_end());
        let mut meta = fm.unwrap_or_default();
        meta.title = super::sanitize(&meta.title).into_owned();
        for v in [&mut meta.source, &mut meta.date, &mut meta.url, &mut meta.author]
            .into_iter()
            .flatten()
        {
            *v = super::sanitize(v).replace('\n', " ");
        }
        let mut a = Article::from_parts(path.into(), meta, body, lossy);
        a.file_offset = file_offset;
        a
    }

    /// Builds an article from already separated fields; `body` must already be sanitised.
    pub fn from_parts(path: String, mut meta: Meta, body: impl Into<Arc<str>>, lossy: bool) -> Article {
        let body: Arc<str> = body.into();
        if meta.title.trim().is_empty() {
            meta.title = super::derive_title(&body);
        }
        meta.title = meta.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = crate::analysis::text::count_words(&body);
        let mut meta_problems = Vec::new();
        let origin = super::resolve::resolve(&mut meta, &body, &super::outlet::table(), &mut meta_problems);
        Article {
            id: 0,
            path,
            meta,
            body,
            words,
            lossy,
            format: Format::Text,
            encoding: None,
            file_offset: None,
            date: origin.date,
            origin,
            meta_problems,
        }
    }

    /// A body byte offset as a byte offset into the file, when the body is
    /// a verbatim slice of it.
    pub fn file_pos(&self, body_offset: usize) -> Option<usize> {
        self.file_offset.map(|o| o + body_offset)
    }

    /// True when the bounded analyses (speakers and quotes) read only part of it.
    pub fn is_bounded(&self) -> bool {
        self.body.len() > QUOTES_BOUND
    }

    /// Applies corrections (a folder's sidecar file): each field given
    /// replaces the article's, and problems with the replaced fields go.
    pub fn correct(&mut self, fix: &super::sidecar::Fix) {
        use super::resolve::Field;
        if let Some(t) = &fix.title {
            self.meta.title = super::sanitize(t)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
        }
        let clean = |v: &str| super::sanitize(v).replace('\n', " ").trim().to_string();
        if let Some(v) = &fix.author {
            self.meta.author = Some(clean(v));
        }
        if let Some(v) = &fix.url {
            self.meta.url = Some(clean(v));
        }
        let mut meta = self.meta.clone();
        if let Some(v) = &fix.source {
            self.meta_problems.retain(|p| p.field != Field::Source);
            meta.source = Some(clean(v));
        }
        if let Some(v) = &fix.date {
            self.meta_problems.retain(|p| p.field != Field::Date);
            meta.date = Some(clean(v));
        }
        let mut problems = Vec::new();
        let mut origin =
            super::resolve::resolve(&mut meta, &self.body, &super::outlet::table(), &mut problems);
        if fix.source.is_none() {
            origin.source_from = self.origin.source_from;
        } else {
            origin.source_from = super::resolve::Origin::Metadata;
        }
        if fix.date.is_none() {
            origin.date_from = self.origin.date_from;
        }
        for p in &mut problems {
            p.message = format!("{} (in {})", p.message, super::sidecar::FILE_NAME);
        }
        self.meta_problems.extend(problems);
        self.meta = meta;
        self.date = origin.date;
        self.origin = origin;
    }

    /// The file name part of the path.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_analysed_part_ends_at_a_paragraph_within_the_bound() {
        assert_eq!(analysed_part("short"), "short");
        let para = "word ".repeat(1000) + "\n\n";
        let body = para.repeat(QUOTES_BOUND / para.len() + 3);
        let part = analysed_part(&body);
        assert!(part.len() <= QUOTES_BOUND && part.len() > QUOTES_BOUND - para.len());
        assert!(part.ends_with("word "), "cut after a paragraph");
        let one_line = "é".repeat(QUOTES_BOUND);
        let part = analysed_part(&one_line);
        assert!(part.len() <= QUOTES_BOUND && !part.is_empty());
    }
}
