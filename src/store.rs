//! The article store: what an article is, how files become articles, and the
//! in-memory corpus. Nothing here knows about the terminal.

mod article;
mod bundled;
mod csv;
pub mod date;
mod dateline;
mod decode;
mod ext;
mod feed;
mod frontmatter;
mod html;
mod issue;
mod load;
pub mod markdown;
mod order;
pub mod outlet;
pub mod resolve;
mod sanitize;
pub mod sidecar;
mod title;
mod walk;

pub use article::{Article, ArticleId, Format, Meta, QUOTES_BOUND, analysed_part};
pub use bundled::{BUNDLED, bundled_articles};
pub use date::Date;
pub use ext::{is_article_file, is_walked_file};
pub use frontmatter::split_front_matter;
pub use issue::{Issue, IssueKind, path_of_shown, shown_path};
pub use load::{Keep, LoadReport, Loaded, discover, load_paths, read_source, read_source_filtered};
pub use order::{DateOrder, NO_OUTLET, OrderColumns, UNDATED};
pub use walk::discover_with;

pub use sanitize::{escape_controls, sanitize};
pub use title::derive_title;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The articles in memory, in load order. An [`ArticleId`] is an index here
/// and stays the same for the life of the corpus: a changed file's article is
/// replaced in place, a deleted one is marked removed.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    articles: Vec<Article>,
    removed: Vec<bool>,
    /// Article ids by the absolute path of the file they came from, built
    /// when first needed (live reload): a one-shot command never pays for it.
    /// Ordered, so a folder's files are one range.
    by_file: std::sync::OnceLock<ByFile>,
}

/// What [`Corpus::apply`] changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSummary {
    /// The id each given article got, in the order given.
    pub assigned: Vec<ArticleId>,
    pub added: Vec<ArticleId>,
    pub updated: Vec<ArticleId>,
    pub removed: Vec<ArticleId>,
}

impl ChangeSummary {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// The file an article came from: its path, less a JSON Lines `:LINE`.
/// `cwd` makes a relative path absolute (asked for once by the caller, not
/// once per article).
fn file_of(article_path: &str, cwd: Option<&Path>) -> PathBuf {
    let file = match article_path.rsplit_once(':') {
        Some((f, n)) if n.chars().all(|c| c.is_ascii_digit()) && is_article_file(Path::new(f)) => f,
        _ => article_path,
    };
    let file = path_of_shown(file);
    match cwd {
        Some(cwd) if file.is_relative() => absolute(&cwd.join(file)),
        _ => absolute(&file),
    }
}

type ByFile = BTreeMap<PathBuf, Vec<ArticleId>>;

fn files_of(articles: &[Article]) -> ByFile {
    let mut by_file = BTreeMap::new();
    for a in articles {
        add_file(&mut by_file, a, cwd());
    }
    by_file
}

/// The working folder, asked for once (readout never changes it).
fn cwd() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

fn add_file(by_file: &mut ByFile, article: &Article, cwd: Option<&Path>) {
    if !article.path.starts_with("bundled/") {
        by_file
            .entry(file_of(&article.path, cwd))
            .or_default()
            .push(article.id);
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

impl Corpus {
    pub fn new(mut articles: Vec<Article>) -> Self {
        for (id, a) in articles.iter_mut().enumerate() {
            a.id = id as ArticleId;
        }
        Corpus {
            removed: vec![false; articles.len()],
            articles,
            by_file: Default::default(),
        }
    }

    /// Adds an article and returns its id. Its file is recorded at once
    /// (the app's loads come this way, a batch at a time), so that a first
    /// live change does not have to look at every article.
    pub fn push(&mut self, mut article: Article) -> ArticleId {
        let id = self.articles.len() as ArticleId;
        article.id = id;
        self.by_file();
        if let Some(by_file) = self.by_file.get_mut() {
            add_file(by_file, &article, cwd());
        }
        self.articles.push(article);
        self.removed.push(false);
        id
    }

    /// Applies changed files (each with the articles it holds now) and
    /// removed files or folders. Ids of changed files are reused in order.
    /// A removal never takes a file read in the same batch (a folder that
    /// replaced a file of its name keeps what it holds).
    pub fn apply(&mut self, changed: Vec<(PathBuf, Vec<Article>)>, removed: &[PathBuf]) -> ChangeSummary {
        let mut summary = ChangeSummary::default();
        let mut read = HashSet::new();
        for (path, articles) in changed {
            let key = absolute(&path);
            self.apply_file(&key, articles, &mut summary);
            read.insert(key);
        }
        self.remove_paths(removed, &read, &mut summary);
        summary
    }

    /// Applies one file read again (`key`: its absolute path) holding
    /// `articles` now; what changed is added to `summary`. Returns the ids
    /// whose text is new (added or updated).
    pub fn apply_file(
        &mut self,
        key: &Path,
        articles: Vec<Article>,
        summary: &mut ChangeSummary,
    ) -> Vec<ArticleId> {
        let old: Vec<ArticleId> = self
            .by_file()
            .get(key)
            .map(|ids| {
                ids.iter()
                    .copied()
                    .filter(|&i| !self.removed[i as usize])
                    .collect()
            })
            .unwrap_or_default();
        let mut fresh = Vec::new();
        let mut old_iter = old.into_iter();
        for mut a in articles {
            match old_iter.next() {
                Some(id) => {
                    a.id = id;
                    summary.assigned.push(id);
                    if self.articles[id as usize] != a {
                        self.articles[id as usize] = a;
                        summary.updated.push(id);
                        fresh.push(id);
                    }
                }
                None => {
                    let id = self.push(a);
                    summary.assigned.push(id);
                    summary.added.push(id);
                    fresh.push(id);
                }
            }
        }
        for id in old_iter {
            self.removed[id as usize] = true;
            summary.removed.push(id);
        }
        fresh
    }

    /// Marks removed the articles of the files at or below each of
    /// `removed` (files or folders), but for files in `keep` (absolute
    /// paths read again in the same batch). Each path costs a lookup in
    /// the ordered map plus the files below it.
    pub fn remove_paths(
        &mut self,
        removed: &[PathBuf],
        keep: &HashSet<PathBuf>,
        summary: &mut ChangeSummary,
    ) {
        self.by_file();
        let Some(by_file) = self.by_file.get() else {
            return;
        };
        for path in removed {
            let key = absolute(path);
            for (file, ids) in by_file.range(key.clone()..) {
                if !file.starts_with(&key) {
                    break;
                }
                if keep.contains(file) {
                    continue;
                }
                for &id in ids {
                    if !self.removed[id as usize] {
                        self.removed[id as usize] = true;
                        summary.removed.push(id);
                    }
                }
            }
        }
    }

    /// Marks removed the live articles of up to `max` files after `after`
    /// (in path order) that are not in `read`; returns the last file looked
    /// at when there are more.
    pub fn remove_unread(
        &mut self,
        read: &HashSet<PathBuf>,
        after: Option<&Path>,
        max: usize,
        summary: &mut ChangeSummary,
    ) -> Option<PathBuf> {
        use std::ops::Bound;
        self.by_file();
        let by_file = self.by_file.get()?;
        let from = after.map_or(Bound::Unbounded, Bound::Excluded);
        let mut last = None;
        for (file, ids) in by_file.range::<Path, _>((from, Bound::Unbounded)).take(max) {
            last = Some(file);
            if read.contains(file) {
                continue;
            }
            for &id in ids {
                if !self.removed[id as usize] {
                    self.removed[id as usize] = true;
                    summary.removed.push(id);
                }
            }
        }
        let last = last?;
        by_file
            .range::<Path, _>((Bound::Excluded(last.as_path()), Bound::Unbounded))
            .next()
            .map(|_| last.clone())
    }

    /// Files articles were loaded from (not the bundled ones), still
    /// holding a live article.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.by_file()
            .iter()
            .filter(|(_, ids)| ids.iter().any(|&id| self.is_live(id)))
            .map(|(p, _)| p.as_path())
    }

    fn by_file(&self) -> &ByFile {
        self.by_file.get_or_init(|| files_of(&self.articles))
    }

    /// False once the article's file was deleted or no longer holds it.
    pub fn is_live(&self, id: ArticleId) -> bool {
        self.removed.get(id as usize).is_some_and(|r| !r)
    }

    /// Articles still present.
    pub fn live_len(&self) -> usize {
        self.removed.iter().filter(|r| !**r).count()
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

    /// Finds a live article by its path, or by a unique prefix of its file
    /// name ("000" finds the bundled `000_191d42a32b64d5f6.txt`).
    pub fn find(&self, name: &str) -> Option<&Article> {
        let live = || self.articles.iter().filter(|a| self.is_live(a.id));
        if let Some(a) = live().find(|a| a.path == name) {
            return Some(a);
        }
        let mut hits = live().filter(|a| a.file_name().starts_with(name) || a.path.ends_with(name));
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// Total bytes of article text.
    pub fn bytes(&self) -> usize {
        self.articles.iter().map(|a| a.body.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(path: &str, body: &str) -> Article {
        Article::from_text(path, body, false)
    }

    #[test]
    fn changed_files_keep_their_ids() {
        let mut c = Corpus::new(vec![art("/d/a.txt", "A one\n\nx"), art("/d/b.txt", "B two\n\ny")]);
        let s = c.apply(
            vec![(
                PathBuf::from("/d/b.txt"),
                vec![art("/d/b.txt", "B two\n\nchanged")],
            )],
            &[],
        );
        assert_eq!(s.updated, [1]);
        assert_eq!(&*c.get(1).unwrap().body, "B two\n\nchanged");
        // the same content again changes nothing
        let s = c.apply(
            vec![(
                PathBuf::from("/d/b.txt"),
                vec![art("/d/b.txt", "B two\n\nchanged")],
            )],
            &[],
        );
        assert!(s.is_empty());
    }

    #[test]
    fn new_and_removed_files() {
        let mut c = Corpus::new(vec![art("/d/a.txt", "A one\n\nx")]);
        let s = c.apply(
            vec![(PathBuf::from("/d/n.txt"), vec![art("/d/n.txt", "N\n\nnew")])],
            &[],
        );
        assert_eq!(s.added, [1]);
        let s = c.apply(vec![], &[PathBuf::from("/d/a.txt")]);
        assert_eq!(s.removed, [0]);
        assert!(!c.is_live(0));
        assert!(c.is_live(1));
        assert_eq!(c.live_len(), 1);
        assert!(c.find("a.txt").is_none());
    }

    #[test]
    fn removed_folder_removes_its_files() {
        let mut c = Corpus::new(vec![art("/d/sub/a.txt", "A\n\nx"), art("/d/b.txt", "B\n\ny")]);
        let s = c.apply(vec![], &[PathBuf::from("/d/sub")]);
        assert_eq!(s.removed, [0]);
    }

    #[test]
    fn json_lines_records_map_to_their_file() {
        let mut c = Corpus::new(vec![
            art("/d/x.jsonl:1", "One\n\na"),
            art("/d/x.jsonl:2", "Two\n\nb"),
        ]);
        let s = c.apply(
            vec![(PathBuf::from("/d/x.jsonl"), vec![art("/d/x.jsonl:1", "One\n\na")])],
            &[],
        );
        assert_eq!(s.removed, [1]);
        assert!(s.updated.is_empty());
    }

    #[test]
    fn find_by_prefix() {
        let c = Corpus::new(bundled_articles());
        assert_eq!(c.find("002").unwrap().id, 2);
        assert!(c.find("00").is_none(), "ambiguous");
        assert_eq!(c.find("bundled/004_178e249b77d00c9e.txt").unwrap().id, 4);
    }
}
