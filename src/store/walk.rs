//! Expanding folders into the article files they hold, on all cores, in a
//! stable order: a depth-first walk with each folder's entries sorted by
//! name, as a sequential walk would give. Hidden entries (a name starting
//! with `.`) are skipped; symbolic links are followed, and a link back to a
//! folder being walked is reported instead of walked again.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::ext::is_walked_file;
use super::issue::{Issue, io_reason, not_a_file};

/// Folders below this depth are not walked.
const MAX_DEPTH: usize = 64;

/// One thing the walk found, in walk order.
enum Found {
    File(PathBuf, u64),
    Issue(Issue),
}

/// Expands files and folders (recursively) into the files to read, in a
/// stable order, with their sizes. Missing paths become issues. Without
/// `sizes` the files' sizes are not looked up (a system call per file saved)
/// and come back as 0.
///
/// A file reached twice (a folder given twice, a folder and a file or folder
/// inside it) is read once, where it is first reached.
pub fn discover_with(paths: &[PathBuf], sizes: bool) -> (Vec<(PathBuf, u64)>, Vec<Issue>) {
    // each path given, with its real path (files are keyed by the real path
    // of the path given they came from, plus their place below it)
    let mut found: Vec<(PathBuf, PathBuf, Found)> = Vec::new();
    for path in paths {
        let real = || fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        match fs::metadata(path) {
            Err(e) => found.push((
                path.clone(),
                PathBuf::new(),
                Found::Issue(Issue::skipped(path, io_reason(&e))),
            )),
            // a file named explicitly loads whatever its extension
            Ok(m) if m.is_file() => found.push((path.clone(), real(), Found::File(path.clone(), m.len()))),
            // a FIFO or a device would block or never end: never read
            Ok(m) if !m.is_dir() => found.push((
                path.clone(),
                PathBuf::new(),
                Found::Issue(Issue::skipped(path, not_a_file(&m))),
            )),
            Ok(_) => {
                let real = real();
                for f in walk_dir(path, std::slice::from_ref(&real), sizes) {
                    found.push((path.clone(), real.clone(), f));
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut files = Vec::with_capacity(found.len());
    let mut issues = Vec::new();
    for (given, real, f) in found {
        match f {
            Found::File(p, len) => {
                // one path given cannot reach a file twice (loops are cut)
                if paths.len() > 1 {
                    let key = match p.strip_prefix(&given) {
                        Ok(rest) if !rest.as_os_str().is_empty() => real.join(rest),
                        _ => real,
                    };
                    if !seen.insert(key) {
                        continue;
                    }
                }
                files.push((p, len));
            }
            Found::Issue(i) => issues.push(i),
        }
    }
    (files, issues)
}

/// The walk below `dir`; `ancestors` are the real paths of the folders being
/// walked, `dir`'s own last.
fn walk_dir(dir: &Path, ancestors: &[PathBuf], sizes: bool) -> Vec<Found> {
    let read = match fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => return vec![Found::Issue(Issue::skipped(dir, io_reason(&e)))],
    };
    // entries share `dir/` as a prefix, so their paths sort as their names do
    let mut entries: Vec<(PathBuf, fs::DirEntry)> = Vec::new();
    let mut found = Vec::new();
    for entry in read {
        match entry {
            Ok(e) => {
                let path = e.path();
                let hidden = path
                    .file_name()
                    .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
                if !hidden {
                    entries.push((path, e));
                }
            }
            Err(e) => found.push(Found::Issue(Issue::skipped(dir, io_reason(&e)))),
        }
    }
    entries.sort_unstable_by(|a, b| {
        a.0.as_os_str()
            .as_encoded_bytes()
            .cmp(b.0.as_os_str().as_encoded_bytes())
    });
    let visited: Vec<Visited> = entries
        .into_par_iter()
        .map(|(path, e)| visit(path, &e, ancestors, sizes))
        .collect();
    for v in visited {
        match v {
            Visited::Nothing => {}
            Visited::One(f) => found.push(f),
            Visited::Folder(inner) => found.extend(inner),
        }
    }
    found
}

/// What one entry of a folder gave.
enum Visited {
    Nothing,
    One(Found),
    Folder(Vec<Found>),
}

/// One entry of a folder: a file to read, a folder to walk, or nothing.
fn visit(path: PathBuf, e: &fs::DirEntry, ancestors: &[PathBuf], sizes: bool) -> Visited {
    let kind = match e.file_type() {
        Ok(kind) => kind,
        Err(err) => return Visited::One(Found::Issue(Issue::skipped(&path, io_reason(&err)))),
    };
    let (is_dir, is_file, followed) = if kind.is_symlink() {
        match fs::metadata(&path) {
            Ok(m) => (m.is_dir(), m.is_file(), Some(m)),
            Err(e) => return Visited::One(Found::Issue(Issue::skipped(&path, io_reason(&e)))),
        }
    } else {
        (kind.is_dir(), kind.is_file(), None)
    };
    if is_file {
        if !is_walked_file(&path) {
            return Visited::Nothing;
        }
        let len = match (&followed, sizes) {
            (Some(m), _) => m.len(),
            (None, true) => e.metadata().map(|m| m.len()).unwrap_or(0),
            (None, false) => 0,
        };
        return Visited::One(Found::File(path, len));
    }
    if !is_dir {
        return Visited::Nothing;
    }
    // a real folder's real path is its parent's plus its name; a linked one's
    // is where the link leads, which must not be a folder being walked
    let real = match (&followed, ancestors.last(), path.file_name()) {
        (None, Some(parent), Some(name)) => parent.join(name),
        _ => fs::canonicalize(&path).unwrap_or_else(|_| path.clone()),
    };
    if ancestors.contains(&real) {
        return Visited::One(Found::Issue(Issue::skipped(&path, "symbolic link loop")));
    }
    // a loop real paths cannot tell (a bind mount), or a tree no one writes
    if ancestors.len() > MAX_DEPTH {
        return Visited::One(Found::Issue(Issue::skipped(
            &path,
            format!("more than {MAX_DEPTH} folders deep"),
        )));
    }
    let mut inner = ancestors.to_vec();
    inner.push(real);
    Visited::Folder(walk_dir(&path, &inner, sizes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[(PathBuf, u64)], root: &Path) -> Vec<String> {
        files
            .iter()
            .map(|(p, _)| p.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn walks_depth_first_in_name_order() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for f in [
            "b.txt",
            "a/z.md",
            "a/b/c.txt",
            "a.txt",
            "c/d.jsonl",
            "c/skip.png",
            ".git/x.txt",
            "a/.h.md",
        ] {
            let p = r.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "x").unwrap();
        }
        let (files, issues) = discover_with(&[r.to_path_buf()], true);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            names(&files, r),
            ["a/b/c.txt", "a/z.md", "a.txt", "b.txt", "c/d.jsonl"]
        );
        assert!(files.iter().all(|(_, len)| *len == 1));
        let (no_sizes, _) = discover_with(&[r.to_path_buf()], false);
        assert!(no_sizes.iter().all(|(_, len)| *len == 0));
    }

    #[test]
    fn a_wide_folder_keeps_its_order() {
        let d = tempfile::tempdir().unwrap();
        for i in 0..500 {
            fs::write(d.path().join(format!("f{i:04}.txt")), "x").unwrap();
        }
        let (files, _) = discover_with(&[d.path().to_path_buf()], false);
        let got = names(&files, d.path());
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got.len(), 500);
        assert_eq!(got, sorted);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_loops_reported() {
        use std::os::unix::fs::symlink;
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        fs::create_dir_all(r.join("a")).unwrap();
        fs::create_dir_all(r.join("elsewhere")).unwrap();
        fs::write(r.join("a/one.txt"), "x").unwrap();
        fs::write(r.join("elsewhere/two.txt"), "x").unwrap();
        symlink(r.join("a"), r.join("a/back")).unwrap();
        symlink(r.join("elsewhere"), r.join("a/there")).unwrap();
        symlink(r.join("nowhere"), r.join("a/broken.txt")).unwrap();
        // two links into each other's folders: a loop across links
        fs::create_dir_all(r.join("p")).unwrap();
        fs::create_dir_all(r.join("q")).unwrap();
        symlink(r.join("q"), r.join("p/toq")).unwrap();
        symlink(r.join("p"), r.join("q/top")).unwrap();
        let (files, issues) = discover_with(&[r.join("a")], false);
        assert_eq!(names(&files, r), ["a/one.txt", "a/there/two.txt"]);
        let msgs: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert!(
            msgs.iter()
                .any(|m| m.ends_with("a/broken.txt: skipped: no such file or folder")),
            "{msgs:?}"
        );
        let (_, issues) = discover_with(&[r.to_path_buf()], false);
        let loops = issues
            .iter()
            .filter(|i| i.message == "symbolic link loop")
            .count();
        // a/back (to its own folder), and p/toq/top and q/top/toq
        assert_eq!(loops, 3, "{issues:?}");
    }

    #[test]
    fn very_deep_trees_stop_with_an_issue() {
        let d = tempfile::tempdir().unwrap();
        let mut p = d.path().to_path_buf();
        for _ in 0..MAX_DEPTH + 3 {
            p.push("d");
        }
        fs::create_dir_all(&p).unwrap();
        fs::write(p.join("deep.txt"), "x").unwrap();
        fs::write(d.path().join("top.txt"), "x").unwrap();
        let (files, issues) = discover_with(&[d.path().to_path_buf()], false);
        assert_eq!(names(&files, d.path()), ["top.txt"]);
        assert_eq!(issues.len(), 1);
        assert!(issues[0].message.contains("folders deep"), "{issues:?}");
    }

    #[test]
    fn a_file_reached_twice_is_read_once() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        fs::create_dir_all(r.join("sub")).unwrap();
        fs::write(r.join("a.txt"), "x").unwrap();
        fs::write(r.join("sub/b.txt"), "x").unwrap();
        let given = [
            r.to_path_buf(),
            r.to_path_buf(),
            r.join("a.txt"),
            r.join("sub"),
            r.join("sub/../a.txt"),
        ];
        let (files, issues) = discover_with(&given, false);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(names(&files, r), ["a.txt", "sub/b.txt"]);
        // a file first, then its folder: the folder's other files only
        let (files, _) = discover_with(&[r.join("sub/b.txt"), r.to_path_buf()], false);
        assert_eq!(names(&files, r), ["sub/b.txt", "a.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_named_and_skipped() {
        let (files, issues) = discover_with(&[PathBuf::from("/dev/null")], false);
        assert!(files.is_empty());
        assert_eq!(
            issues[0].to_string(),
            "/dev/null: skipped: a character device, not a file or folder"
        );
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("pipe.txt");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo reads a NUL-terminated path that lives across the call
        #[cfg(target_os = "linux")]
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        #[cfg(target_os = "linux")]
        {
            let (_, issues) = discover_with(std::slice::from_ref(&fifo), false);
            assert!(
                issues[0]
                    .to_string()
                    .ends_with("pipe.txt: skipped: a named pipe (FIFO), not a file or folder"),
                "{issues:?}"
            );
        }
    }

    #[test]
    fn missing_paths_and_explicit_files() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("notes.article");
        fs::write(&f, "abc").unwrap();
        let (files, issues) = discover_with(&[f.clone(), d.path().join("missing")], true);
        assert_eq!(files, [(f, 3)]);
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0]
                .to_string()
                .ends_with("missing: skipped: no such file or folder")
        );
    }
}
