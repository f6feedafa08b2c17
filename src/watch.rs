//! Live reload: watch the files and folders given, and report what changed
//! (read already, off the UI thread) once the changes settle.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use crate::facts::{Analyzer, Facts};
use crate::store::{self, Loaded};

/// How long the files must be quiet before a batch of changes is reported.
const SETTLE: Duration = Duration::from_millis(200);

/// One settled batch of changes.
#[derive(Debug, Default)]
pub struct Changes {
    /// Files created or changed, what reading them gave, and the analysis
    /// of each article read.
    pub loaded: Vec<(PathBuf, Loaded, Vec<Facts>)>,
    /// Files (or folders) that are gone.
    pub removed: Vec<PathBuf>,
}

/// Keeps watching while alive.
pub struct Watcher {
    _inner: notify::RecommendedWatcher,
}

/// Watches `paths` and calls `emit` with each settled batch of changes.
pub fn watch(
    paths: &[PathBuf],
    analyzer: Arc<Analyzer>,
    emit: impl Fn(Changes) + Send + 'static,
) -> notify::Result<Watcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut inner = notify::recommended_watcher(tx)?;
    for p in paths {
        let mode = if p.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        inner.watch(p, mode)?;
    }
    std::thread::Builder::new()
        .name("readout-watch".into())
        .spawn(move || settle_loop(&rx, &analyzer, &emit))
        .map_err(notify::Error::io)?;
    Ok(Watcher { _inner: inner })
}

fn settle_loop(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    analyzer: &Analyzer,
    emit: &dyn Fn(Changes),
) {
    let mut pending: BTreeSet<PathBuf> = BTreeSet::new();
    loop {
        let event = if pending.is_empty() {
            match rx.recv() {
                Ok(e) => e,
                Err(_) => return,
            }
        } else {
            match rx.recv_timeout(SETTLE) {
                Ok(e) => e,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    emit(read_changes(std::mem::take(&mut pending), analyzer));
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        };
        if let Ok(event) = event {
            if matches!(event.kind, notify::EventKind::Access(_)) {
                continue;
            }
            pending.extend(event.paths.into_iter().filter(|p| !is_hidden(p)));
        }
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// Reads every file under `paths` again (the `r` key). Files in `known`
/// that are no longer found are reported removed.
pub fn reload_all(paths: &[PathBuf], known: Vec<PathBuf>, analyzer: &Analyzer) -> Changes {
    use rayon::prelude::*;
    let (files, _) = store::discover(paths);
    let found: BTreeSet<PathBuf> = files
        .iter()
        .map(|(p, _)| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let loaded = files
        .into_par_iter()
        .map(|(p, _)| read_one(p, analyzer))
        .collect();
    let removed = known.into_iter().filter(|k| !found.contains(k)).collect();
    Changes { loaded, removed }
}

/// Reads what changed: files that exist now are read (folders walked),
/// paths that no longer exist are removals.
fn read_one(p: PathBuf, analyzer: &Analyzer) -> (PathBuf, Loaded, Vec<Facts>) {
    let loaded = store::read_source(&p);
    let facts = loaded.articles.iter().map(|a| analyzer.facts(a)).collect();
    (p, loaded, facts)
}

fn read_changes(paths: BTreeSet<PathBuf>, analyzer: &Analyzer) -> Changes {
    let mut changes = Changes::default();
    for p in paths {
        if p.is_file() {
            if store::is_article_file(&p) {
                changes.loaded.push(read_one(p, analyzer));
            }
        } else if p.is_dir() {
            let (files, _) = store::discover(std::slice::from_ref(&p));
            for (f, _) in files {
                changes.loaded.push(read_one(f, analyzer));
            }
        } else {
            changes.removed.push(p);
        }
    }
    changes
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
        assert!(wait_for(&got, |c| c.iter().any(|c| c.loaded.iter().any(
            |(p, l, f)| p == &file && l.articles.len() == 1 && f.len() == 1
        ))));
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
}
