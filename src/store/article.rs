use std::sync::Arc;

use serde::Serialize;

/// Index of an article in the [`Corpus`](super::Corpus).
pub type ArticleId = u32;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
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
}

impl Article {
    /// Builds an article from raw file text: front matter, sanitising, title.
    pub fn from_text(path: impl Into<String>, raw: &str, lossy: bool) -> Article {
        let (fm, rest) = super::split_front_matter(raw);
        let clean = super::sanitize(rest);
        // one copy of the text: straight into the shared body
        let body: Arc<str> = Arc::from(clean.trim_start_matches(['\n', ' ']).trim_end());
        let mut meta = fm.unwrap_or_default();
        meta.title = super::sanitize(&meta.title).into_owned();
        for v in [&mut meta.source, &mut meta.date, &mut meta.url, &mut meta.author]
            .into_iter()
            .flatten()
        {
            *v = super::sanitize(v).replace('\n', " ");
        }
        Article::from_parts(path.into(), meta, body, lossy)
    }

    /// Builds an article from already separated fields; `body` must already be sanitised.
    pub fn from_parts(path: String, mut meta: Meta, body: impl Into<Arc<str>>, lossy: bool) -> Article {
        let body: Arc<str> = body.into();
        if meta.title.trim().is_empty() {
            meta.title = super::derive_title(&body);
        }
        meta.title = meta.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = crate::analysis::text::count_words(&body);
        Article {
            id: 0,
            path,
            meta,
            body,
            words,
            lossy,
        }
    }

    /// The file name part of the path.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }
}
