//! The article store: what an article is, how files become articles, and the
//! in-memory corpus. Nothing here knows about the terminal.

mod article;
mod bundled;
mod frontmatter;
mod load;
mod sanitize;
mod title;

pub use article::{Article, ArticleId, Meta};
pub use bundled::{BUNDLED, bundled_articles};
pub use frontmatter::split_front_matter;
pub use load::{Issue, IssueKind, LoadReport, Loaded, discover, load_paths, read_source};
pub use sanitize::sanitize;
pub use title::derive_title;

/// The articles in memory, in load order. An [`ArticleId`] is an index here.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    articles: Vec<Article>,
}

impl Corpus {
    pub fn new(articles: Vec<Article>) -> Self {
        let mut c = Corpus::default();
        for a in articles {
            c.push(a);
        }
        c
    }

    /// Adds an article and returns its id.
    pub fn push(&mut self, mut article: Article) -> ArticleId {
        let id = self.articles.len() as ArticleId;
        article.id = id;
        self.articles.push(article);
        id
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn get(&self, id: ArticleId) -> Option<&Article> {
        self.articles.get(id as usize)
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Finds an article by its path, or by a unique prefix of its file name
    /// ("000" finds the bundled `000_191d42a32b64d5f6.txt`).
    pub fn find(&self, name: &str) -> Option<&Article> {
        if let Some(a) = self.articles.iter().find(|a| a.path == name) {
            return Some(a);
        }
        let mut hits = self.articles.iter().filter(|a| {
            let file = a.path.rsplit('/').next().unwrap_or(&a.path);
            file.starts_with(name) || a.path.ends_with(name)
        });
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// Total bytes of article text.
    pub fn bytes(&self) -> usize {
        self.articles.iter().map(|a| a.body.len()).sum()
    }
}
