//! Live reload: watch the files and folders given, and report what changed
//! (read already, off the UI thread) once the changes settle.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak, mpsc};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

use crate::facts::{Analyzer, Facts};
use crate::store::{self, Article, Issue, Loaded};

/// How long the files must be quiet before a batch of changes is reported.
const SETTLE: Duration = Duration::from_millis(200);

/// One settled batch of changes.
#[derive(Debug, Default)]
pub struct Changes {
    /// Files created or changed, the articles each holds now, and the
    /// analysis of each article read.
    pub loaded: Vec<(PathBuf, Vec<Article>, Vec<Facts>)>,
    /// What reading them met (they replace these files' earlier issues).
    pub issues: Vec<Issue>,
    /// Every file was read (`r`): a file known and not read is gone.
    pub full: bool,
    /// Files (or folders) that are gone, or no longer hold articles. A
    /// removal never takes a file of `loaded`.
    pub removed: Vec<PathBuf>,
    /// The absolute paths of `loaded` and `removed`, made off the UI thread
    /// (see [`Changes::forget_issues`]).
    pub touched: HashSet<PathBuf>,
}

impl Changes {
    fn new(read: Vec<(PathBuf, Loaded, Vec<Facts>)>, removed: Vec<PathBuf>) -> Changes {
        let cwd = std::env::current_dir().ok();
        let mut issues = Vec::new();
        let loaded: Vec<(PathBuf, Vec<Article>, Vec<Facts>)> = read
            .into_iter()
            .map(|(p, l, f)| {
                issues.extend(l.issues);
                (p, l.articles, f)
            })
            .collect();
        let touched = loaded
            .iter()
            .map(|(p, _, _)| p)
            .chain(&removed)
            .map(|p| absolute(p, cwd.as_deref()))
            .collect();
        Changes {
            loaded,
            issues,
            full: false,
            removed,
            touched,
        }
    }

    /// Frees the paths of [`Changes::forget_issues`] (off the calling
    /// thread when there are many: 100,000 paths take a while to free).
    pub fn let_go_of_paths(&mut self) {
        let touched = std::mem::take(&mut self.touched);
        if touched.len() > 10_000 {
            std::thread::spawn(move || drop(touched));
        }
    }

    /// Drops the issues of the files read again and of the paths gone (or
    /// below a folder gone): what reading them gave now replaces them.
    pub fn forget_issues(&self, issues: &mut Vec<Issue>) {
        if self.touched.is_empty() || issues.is_empty() {
            return;
        }
        let cwd = std::env::current_dir().ok();
        issues.retain(|i| {
            let path = absolute(Path::new(&i.path), cwd.as_deref());
            !path.ancestors().any(|a| self.touched.contains(a))
        });
    }
}

fn absolute(p: &Path, cwd: Option<&Path>) -> PathBuf {
    match cwd {
        Some(cwd) if p.is_relative() => cwd.join(p),
        _ => p.to_path_buf(),
    }
}

/// Keeps watching while alive.
pub struct Watcher {
    _inner: Arc<Mutex<notify::RecommendedWatcher>>,
}

/// A path given to watch, and what it was when watched.
struct Root {
    path: PathBuf,
    /// (device, inode) when watched; None while it is missing.
    id: Option<(u64, u64)>,
}

/// A path's identity: a folder moved away and made again is another one.
fn identity(p: &Path) -> Option<(u64, u64)> {
    let m = std::fs::metadata(p).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        Some((u64::from(m.is_dir()), 0))
    }
}

fn watch_one(w: &mut notify::RecommendedWatcher, p: &Path) -> notify::Result<()> {
    let mode = if p.is_dir() {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    };
    w.watch(p, mode)
}

/// How often the paths given are checked for having been moved away or
/// made again (their watch then follows).
const ROOT_CHECK: Duration = Duration::from_secs(1);

/// Watches `paths` and calls `emit` with each settled batch of changes.
/// A path given that is moved away or deleted and made again is watched
/// again (and read again), within about a second.
pub fn watch(
    paths: &[PathBuf],
    analyzer: Arc<Analyzer>,
    emit: impl Fn(Changes) + Send + 'static,
) -> notify::Result<Watcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut inner = notify::recommended_watcher(tx)?;
    let mut roots = Vec::new();
    for p in paths {
        watch_one(&mut inner, p)?;
        roots.push(Root {
            path: p.clone(),
            id: identity(p),
        });
    }
    let inner = Arc::new(Mutex::new(inner));
    let weak = Arc::downgrade(&inner);
    std::thread::Builder::new()
        .name("readout-watch".into())
        .spawn(move || settle_loop(&rx, roots, &weak, &analyzer, &emit))
        .map_err(notify::Error::io)?;
    Ok(Watcher { _inner: inner })
}

fn settle_loop(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    mut roots: Vec<Root>,
    watcher: &Weak<Mutex<notify::RecommendedWatcher>>,
    analyzer: &Analyzer,
    emit: &dyn Fn(Changes),
) {
    let mut pending: BTreeSet<PathBuf> = BTreeSet::new();
    let mut checked = Instant::now();
    loop {
        let wait = if pending.is_empty() { ROOT_CHECK } else { SETTLE };
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) => {
                if !matches!(event.kind, notify::EventKind::Access(_)) {
                    pending.extend(event.paths.into_iter().filter(|p| !is_hidden(p)));
                }
            }
            Ok(Err(_)) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if !pending.is_empty() {
                    emit(read_changes(std::mem::take(&mut pending), analyzer));
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        if checked.elapsed() >= ROOT_CHECK {
            checked = Instant::now();
            let Some(watcher) = watcher.upgrade() else {
                return;
            };
            for root in &mut roots {
                let now = identity(&root.path);
                if now == root.id {
                    continue;
                }
                let Ok(mut w) = watcher.lock() else { return };
                // the old watch follows the folder moved away, or is gone
                let _ = w.unwatch(&root.path);
                if now.is_some() && watch_one(&mut w, &root.path).is_err() {
                    continue;
                }
                root.id = now;
                // read what is there now (or report it gone)
                pending.insert(root.path.clone());
            }
        }
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// Reads every file under `paths` again (the `r` key): a full reload, so
/// the files known but not found are removed as it is applied.
pub fn reload_all(paths: &[PathBuf], analyzer: &Analyzer) -> Changes {
    use rayon::prelude::*;
    let (files, _) = store::discover(paths);
    let loaded = files
        .into_par_iter()
        .map(|(p, _)| read_one(p, analyzer))
        .collect();
    Changes {
        full: true,
        ..Changes::new(loaded, Vec::new())
    }
}

fn read_one(p: PathBuf, analyzer: &Analyzer) -> (PathBuf, Loaded, Vec<Facts>) {
    let loaded = store::read_source(&p);
    let facts = loaded.articles.iter().map(|a| analyzer.facts(a)).collect();
    (p, loaded, facts)
}

/// Reads what changed: files that exist now are read (folders walked),
/// paths that no longer exist are removals. A folder is also a removal of
/// a file of its name (a file replaced by a folder); the files it holds
/// are spared, being read in the same batch.
fn read_changes(paths: BTreeSet<PathBuf>, analyzer: &Analyzer) -> Changes {
    let mut loaded = Vec::new();
    let mut removed = Vec::new();
    for p in paths {
        if p.is_file() {
            if store::is_walked_file(&p) {
                loaded.push(read_one(p, analyzer));
            } else {
                // no longer an article file (renamed in place, say)
                removed.push(p);
            }
        } else if p.is_dir() {
            if links_back(&p) {
                // a link to a folder above: walked already, from above
                continue;
            }
            let (files, _) = store::discover(std::slice::from_ref(&p));
            for (f, _) in files {
                loaded.push(read_one(f, analyzer));
            }
            removed.push(p);
        } else {
            removed.push(p);
        }
    }
    Changes::new(loaded, removed)
}

/// A folder that is (a link to) one of its own ancestors: walking it again
/// would load every article above it a second time.
fn links_back(p: &Path) -> bool {
    let (Ok(real), Some(parent)) = (std::fs::canonicalize(p), p.parent()) else {
        return false;
    };
    std::fs::canonicalize(parent).is_ok_and(|parent| parent.starts_with(&real))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Instant;

    fn wait_for(got: &Arc<Mutex<Vec<Changes>>>, what: impl Fn(&[Changes]) -> bool) -> bool {
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if what(&got.lock().unwrap()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn new_changed_and_deleted_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = got.clone();
        let _w = watch(&[dir.path().to_path_buf()], Arc::new(Analyzer::new()), move |c| {
            sink.lock().unwrap().push(c)
        })
        .unwrap();
        let file = dir.path().join("new.txt");
        std::fs::write(&file, "Fresh headline here\n\nBody.").unwrap();
        assert!(wait_for(&got, |c| c.iter().any(|c| c
            .loaded
            .iter()
            .any(|(p, l, f)| p == &file && l.len() == 1 && f.len() == 1))));
        std::fs::remove_file(&file).unwrap();
        assert!(wait_for(&got, |c| c.iter().any(|c| c.removed.contains(&file))));
        // files that are not articles are ignored
        std::fs::write(dir.path().join("x.pdf"), "no").unwrap();
        std::thread::sleep(SETTLE * 3);
        assert!(
            !got.lock()
                .unwrap()
                .iter()
                .any(|c| c.loaded.iter().any(|(p, _, _)| p.ends_with("x.pdf")))
        );
    }

    /// The live articles' paths after applying `changes` to `ix`.
    fn apply(ix: &mut crate::index::Index, changes: Changes) -> Vec<String> {
        if changes.full {
            ix.queue_full_reload(changes.loaded);
            while ix.apply_queued(None).is_some() {}
        } else {
            ix.apply(changes.loaded, &changes.removed);
        }
        live(ix)
    }

    fn live(ix: &crate::index::Index) -> Vec<String> {
        let mut paths: Vec<String> = ix
            .articles()
            .iter()
            .filter(|a| ix.is_live(a.id))
            .map(|a| a.path.clone())
            .collect();
        paths.sort();
        paths
    }

    fn index_of(dir: &Path) -> crate::index::Index {
        let report = store::load_paths(&[dir.to_path_buf()]);
        crate::index::Index::new(crate::store::Corpus::new(report.articles))
    }

    #[test]
    fn a_file_replaced_by_a_folder_gives_way_to_what_the_folder_holds() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().to_path_buf();
        let a = root.join("A.txt");
        std::fs::write(&a, "Old headline\n\nold").unwrap();
        std::fs::write(root.join("b.txt"), "Bee headline\n\nb").unwrap();
        let mut ix = index_of(&root);
        std::fs::remove_file(&a).unwrap();
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("inner.txt"), "Inner headline\n\nnew").unwrap();
        let want = vec![
            a.join("inner.txt").display().to_string(),
            root.join("b.txt").display().to_string(),
        ];
        let analyzer = Analyzer::none();
        let got = apply(&mut ix, read_changes(BTreeSet::from([a.clone()]), &analyzer));
        assert_eq!(got, want);
        // and `r` afterwards, twice, changes nothing
        for _ in 0..2 {
            let changes = reload_all(std::slice::from_ref(&root), &analyzer);
            assert_eq!(apply(&mut ix, changes), want);
        }
    }

    #[test]
    fn reloading_replaces_the_issues_of_the_files_read() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().to_path_buf();
        std::fs::write(root.join("empty.txt"), "").unwrap();
        std::fs::write(root.join("fixed.txt"), "").unwrap();
        std::fs::write(root.join("ok.txt"), "Fine\n\nfine").unwrap();
        let report = store::load_paths(std::slice::from_ref(&root));
        let mut issues = report.issues;
        assert_eq!(issues.len(), 2);
        let mut ix = crate::index::Index::new(crate::store::Corpus::new(report.articles));
        std::fs::write(root.join("fixed.txt"), "Now fixed\n\ntext").unwrap();
        for _ in 0..3 {
            let changes = reload_all(std::slice::from_ref(&root), &Analyzer::none());
            changes.forget_issues(&mut issues);
            issues.extend(changes.issues.iter().cloned());
            apply(&mut ix, changes);
        }
        let msgs: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(msgs[0].contains("empty.txt: skipped: empty"), "{msgs:?}");
        assert_eq!(live(&ix).len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_made_while_watching_adds_nothing() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().to_path_buf();
        std::fs::write(root.join("a.txt"), "A headline\n\na").unwrap();
        let mut ix = index_of(&root);
        std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
        let changes = read_changes(BTreeSet::from([root.join("loop")]), &Analyzer::none());
        assert_eq!(
            apply(&mut ix, changes),
            [root.join("a.txt").display().to_string()]
        );
    }

    #[test]
    fn a_folder_moved_away_and_made_again_is_watched_again() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("watched");
        std::fs::create_dir(&root).unwrap();
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = got.clone();
        let _w = watch(
            std::slice::from_ref(&root),
            Arc::new(Analyzer::none()),
            move |c| sink.lock().unwrap().push(c),
        )
        .unwrap();
        std::fs::rename(&root, d.path().join("moved")).unwrap();
        std::fs::create_dir(&root).unwrap();
        std::thread::sleep(ROOT_CHECK + SETTLE);
        let file = root.join("new.txt");
        std::fs::write(&file, "Fresh headline here\n\nBody.").unwrap();
        assert!(wait_for(&got, |c| c
            .iter()
            .any(|c| c.loaded.iter().any(|(p, l, _)| p == &file && l.len() == 1))));
    }
}
