//! What the user adds to articles, kept between runs: read or unread, a
//! star, tags and a note per article, and the filter line's saved queries
//! and history. Kept in one SQLite file ([`Store`], in `$XDG_DATA_HOME/readout/`).
//!
//! An article is known by a hash of its text ([`ContentHash`]), with its
//! path as a hint: a moved or renamed file keeps its tags, and an edited
//! file at the same path keeps them too. Two files with the same text share
//! them. Articles themselves are never written to.
//!
//! The plain data here ([`ArticleState`], [`Snapshot`], [`ArticleStates`])
//! is what queries (`tag:NAME`, `is:starred`...) and the views read.

mod store;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

pub use store::{DATA_DIR_ENV, StateError, Store, default_dir};

/// A 128-bit hash of an article's (sanitised) text: its key in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub u128);

impl ContentHash {
    /// XXH3-128 of the text: fast (many GB/s), stable across runs and builds.
    pub fn of(text: &str) -> ContentHash {
        ContentHash(xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
    }

    /// From the 32 hex digits [`Display`](fmt::Display) writes.
    pub fn parse(hex: &str) -> Option<ContentHash> {
        (hex.len() == 32)
            .then(|| u128::from_str_radix(hex, 16).ok().map(ContentHash))
            .flatten()
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// What the user has marked on one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleState {
    pub read: bool,
    pub starred: bool,
    /// Sorted, each once (compared without case).
    pub tags: Vec<String>,
    pub note: Option<String>,
}

impl ArticleState {
    pub fn has_tag(&self, tag: &str) -> bool {
        let tag = tag.to_lowercase();
        self.tags.iter().any(|t| t.to_lowercase() == tag)
    }
}

/// Every article the store knows, read at once (a few rows per article
/// the user marked).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    rows: Vec<Row>,
}

#[derive(Debug, Clone)]
struct Row {
    hash: Option<ContentHash>,
    path: String,
    state: Arc<ArticleState>,
}

impl Snapshot {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    fn push(&mut self, hash: Option<ContentHash>, path: String, state: ArticleState) {
        self.rows.push(Row {
            hash,
            path,
            state: Arc::new(state),
        });
    }

    /// Each article's state: `articles[i]` is article `i`'s hash and path
    /// hint ([`path_hint`]). An article is found by its hash; one whose text
    /// changed, by its path, unless the text stored for that path is still
    /// among the articles (then the file moved, and another took its place).
    pub fn resolve(&self, articles: &[(ContentHash, String)]) -> ArticleStates {
        let present = present(&self.known(), articles.iter().map(|(h, _)| *h));
        self.resolve_present(articles.iter().map(|(h, p)| (*h, p.as_str())), &present)
    }

    /// The stored texts' hashes.
    fn known(&self) -> HashSet<ContentHash> {
        self.rows.iter().filter_map(|r| r.hash).collect()
    }

    /// [`resolve`](Self::resolve) with the set of the articles' hashes
    /// already made.
    fn resolve_present<'a>(
        &self,
        articles: impl Iterator<Item = (ContentHash, &'a str)>,
        present: &HashSet<ContentHash>,
    ) -> ArticleStates {
        let by_hash: HashMap<ContentHash, usize> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.hash.map(|h| (h, i)))
            .collect();
        let by_path: HashMap<&str, usize> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.path.as_str(), i))
            .collect();
        let per_id = articles
            .map(|(h, path)| {
                let row = by_hash.get(&h).or_else(|| {
                    by_path
                        .get(path)
                        .filter(|&&i| self.rows[i].hash.is_none_or(|rh| !present.contains(&rh)))
                })?;
                Some(self.rows[*row].state.clone())
            })
            .collect();
        ArticleStates { per_id }
    }

    /// [`resolve`](Self::resolve) for articles given by hash and path as
    /// loaded, working out a path hint ([`path_hint`], a file-system call)
    /// only for an article it may find that way: one not found by its hash,
    /// with the file name of a stored article whose text is gone.
    pub fn resolve_paths(&self, articles: &[(ContentHash, &str)]) -> ArticleStates {
        // (names borrowed, not allocated per article: this runs over every
        // article once loading ends)
        fn file_name(p: &str) -> &str {
            p.rsplit(['/', '\\']).next().unwrap_or(p)
        }
        let known = self.known();
        let present = present(&known, articles.iter().map(|(h, _)| *h));
        let gone: HashSet<&str> = self
            .rows
            .iter()
            .filter(|r| r.hash.is_none_or(|h| !present.contains(&h)))
            .map(|r| file_name(&r.path))
            .collect();
        if gone.is_empty() {
            // no stored text is missing: every article is found by its hash
            return self.resolve_present(articles.iter().map(|&(h, _)| (h, "")), &present);
        }
        // a path hint only for an article the store may know by its path
        let hints: Vec<String> = articles
            .iter()
            .map(|&(h, p)| {
                if !known.contains(&h) && gone.contains(file_name(p)) {
                    path_hint(p)
                } else {
                    String::new()
                }
            })
            .collect();
        self.resolve_present(
            articles
                .iter()
                .zip(&hints)
                .map(|(&(h, _), hint)| (h, hint.as_str())),
            &present,
        )
    }

    /// Every tag in use, with how many articles carry it (most first).
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, (String, usize)> = HashMap::new();
        for r in &self.rows {
            for t in &r.state.tags {
                counts.entry(t.to_lowercase()).or_insert_with(|| (t.clone(), 0)).1 += 1;
            }
        }
        let mut out: Vec<(String, usize)> = counts.into_values().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

/// The stored texts (`known`) among `hashes`: the few stored hashes looked
/// up once per article, not a set of every article's made.
fn present(known: &HashSet<ContentHash>, hashes: impl Iterator<Item = ContentHash>) -> HashSet<ContentHash> {
    if known.is_empty() {
        return HashSet::new();
    }
    hashes.filter(|h| known.contains(h)).collect()
}

/// Each article's state, by article id (ids past the end, and articles the
/// store does not know: unread, no star, no tags, no note).
#[derive(Debug, Clone, Default)]
pub struct ArticleStates {
    per_id: Vec<Option<Arc<ArticleState>>>,
}

impl ArticleStates {
    /// From each article's state, by id.
    pub fn new(per_id: Vec<Option<ArticleState>>) -> ArticleStates {
        ArticleStates {
            per_id: per_id.into_iter().map(|s| s.map(Arc::new)).collect(),
        }
    }

    pub fn get(&self, id: crate::store::ArticleId) -> Option<&ArticleState> {
        self.per_id.get(id as usize).and_then(|s| s.as_deref())
    }

    /// Sets one article's state (ids past the end make room).
    pub fn set(&mut self, id: crate::store::ArticleId, state: ArticleState) {
        let i = id as usize;
        if self.per_id.len() <= i {
            self.per_id.resize(i + 1, None);
        }
        self.per_id[i] = Some(Arc::new(state));
    }

    /// Every tag the articles carry, with how many carry it (most first,
    /// then by name; compared without case).
    pub fn tag_counts(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, (String, usize)> = HashMap::new();
        for s in self.per_id.iter().flatten() {
            for t in &s.tags {
                counts.entry(t.to_lowercase()).or_insert_with(|| (t.clone(), 0)).1 += 1;
            }
        }
        let mut out: Vec<(String, usize)> = counts.into_values().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// How many articles are starred, read, and carry a note.
    pub fn counts(&self) -> (usize, usize, usize) {
        self.per_id.iter().flatten().fold((0, 0, 0), |(s, r, n), a| {
            (
                s + usize::from(a.starred),
                r + usize::from(a.read),
                n + usize::from(a.note.is_some()),
            )
        })
    }
}

/// A path as the store keeps it (a hint next to the hash): an existing
/// file's canonical path, so the same file named two ways is one; the
/// bundled articles' `bundled/NAME` as it is; `FILE:LINE` with the file
/// part canonical.
pub fn path_hint(path: &str) -> String {
    let canonical = |p: &str| {
        std::fs::canonicalize(p)
            .ok()
            .and_then(|c| c.to_str().map(str::to_string))
    };
    if let Some(c) = canonical(path) {
        return c;
    }
    if let Some((file, line)) = path.rsplit_once(':')
        && !line.is_empty()
        && line.chars().all(|c| c.is_ascii_digit())
        && let Some(c) = canonical(file)
    {
        return format!("{c}:{line}");
    }
    path.to_string()
}

/// Why a tag cannot be used: tags are single words a query can name
/// (`tag:NAME`): no spaces, quotes, `|` or control characters.
pub fn check_tag(tag: &str) -> Result<(), String> {
    if tag.is_empty() {
        return Err("a tag cannot be empty".into());
    }
    if tag.chars().count() > 64 {
        return Err(format!("tag '{tag}' is longer than 64 characters"));
    }
    if let Some(c) = tag
        .chars()
        .find(|&c| c.is_whitespace() || c.is_control() || c == '|' || crate::query::is_quote(c))
    {
        let what = if c.is_whitespace() {
            "a space".to_string()
        } else if c.is_control() {
            "a control character".to_string()
        } else {
            format!("'{c}'")
        };
        return Err(format!(
            "tag '{}' has {what}: a tag is one word (tag:NAME finds it)",
            crate::store::escape_controls(tag)
        ));
    }
    if tag.starts_with('!') {
        return Err(format!(
            "tag '{tag}' starts with '!' (which negates a query term)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(tags: &[&str]) -> ArticleState {
        ArticleState {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..ArticleState::default()
        }
    }

    #[test]
    fn hashes_are_stable_and_print_as_hex() {
        let h = ContentHash::of("rock solid");
        assert_eq!(h, ContentHash::of("rock solid"));
        assert_ne!(h, ContentHash::of("rock  solid"));
        assert_eq!(h.to_string().len(), 32);
        assert_eq!(ContentHash::parse(&h.to_string()), Some(h));
        assert_eq!(ContentHash::parse("xyz"), None);
        // the algorithm is fixed: this value must never change, or every
        // stored tag would be lost
        assert_eq!(
            ContentHash::of("").to_string(),
            "99aa06d3014798d86001c324468d497f"
        );
    }

    #[test]
    fn resolve_by_hash_then_by_path() {
        let (a, b, c) = (ContentHash::of("a"), ContentHash::of("b"), ContentHash::of("c"));
        let mut s = Snapshot::default();
        s.push(Some(a), "/x/a.txt".into(), state(&["one"]));
        s.push(Some(b), "/x/b.txt".into(), state(&["two"]));
        let r = s.resolve(&[
            // a moved: found by its hash
            (a, "/y/moved.txt".into()),
            // b's file edited in place: found by its path
            (c, "/x/b.txt".into()),
        ]);
        assert_eq!(r.get(0).unwrap().tags, vec!["one"]);
        assert_eq!(r.get(1).unwrap().tags, vec!["two"]);
        assert_eq!(r.get(2), None);
    }

    #[test]
    fn a_new_file_at_a_moved_files_path_does_not_take_its_tags() {
        let (a, c) = (ContentHash::of("a"), ContentHash::of("c"));
        let mut s = Snapshot::default();
        s.push(Some(a), "/x/a.txt".into(), state(&["one"]));
        let r = s.resolve(&[(a, "/y/a.txt".into()), (c, "/x/a.txt".into())]);
        assert_eq!(r.get(0).unwrap().tags, vec!["one"]);
        assert_eq!(r.get(1), None);
    }

    #[test]
    fn resolve_paths_finds_by_hash_and_an_edited_file_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("b.txt");
        std::fs::write(&f, "new text").unwrap();
        let hint = path_hint(f.to_str().unwrap());
        let (a, b, c) = (
            ContentHash::of("a"),
            ContentHash::of("b"),
            ContentHash::of("new text"),
        );
        let mut s = Snapshot::default();
        s.push(Some(a), "/x/a.txt".into(), state(&["one"]));
        s.push(Some(b), hint, state(&["two"]));
        let shown = f.to_str().unwrap();
        let r = s.resolve_paths(&[
            (a, "/elsewhere/a.txt"),
            (c, shown),
            (ContentHash::of("z"), "/x/z.txt"),
        ]);
        assert_eq!(r.get(0).unwrap().tags, vec!["one"]);
        assert_eq!(r.get(1).unwrap().tags, vec!["two"]);
        assert_eq!(r.get(2), None);
    }

    #[test]
    fn states_are_set_and_counted() {
        let mut r = ArticleStates::default();
        r.set(3, state(&["b", "A"]));
        r.set(
            1,
            ArticleState {
                starred: true,
                read: true,
                note: Some("n".into()),
                tags: vec!["a".into()],
            },
        );
        assert_eq!(r.get(3).unwrap().tags, vec!["b", "A"]);
        assert_eq!(r.get(2), None);
        assert_eq!(r.tag_counts(), vec![("a".into(), 2), ("b".into(), 1)]);
        assert_eq!(r.counts(), (1, 1, 1));
    }

    #[test]
    fn tags_are_counted_without_case() {
        let mut s = Snapshot::default();
        s.push(None, "a".into(), state(&["Ukraine", "wire"]));
        s.push(None, "b".into(), state(&["ukraine"]));
        assert_eq!(s.tags(), vec![("Ukraine".into(), 2), ("wire".into(), 1)]);
        assert!(state(&["Ukraine"]).has_tag("ukraine"));
        assert!(state(&["Україна"]).has_tag("україна"));
    }

    #[test]
    fn tags_must_be_one_word() {
        assert!(check_tag("wire-copy").is_ok());
        assert!(check_tag("Україна").is_ok());
        for bad in [
            "",
            "two words",
            "a|b",
            "\"q\"",
            "!neg",
            "tab\there",
            "esc\u{1b}[31m",
        ] {
            assert!(check_tag(bad).is_err(), "{bad:?}");
        }
        assert!(!check_tag("esc\u{1b}[31m").unwrap_err().contains('\u{1b}'));
    }

    #[test]
    fn path_hints() {
        assert_eq!(path_hint("bundled/000_x.txt"), "bundled/000_x.txt");
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.jsonl");
        std::fs::write(&f, "{}").unwrap();
        let canon = std::fs::canonicalize(&f).unwrap();
        let shown = f.to_str().unwrap();
        assert_eq!(path_hint(shown), canon.to_str().unwrap());
        assert_eq!(path_hint(&format!("{shown}:3")), format!("{}:3", canon.display()));
    }
}
