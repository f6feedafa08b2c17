//! Corrections beside the articles: a `.readout.toml` in a folder gives,
//! per file in that folder, the source, date, title, author or URL to use
//! instead of what the file says. The articles are never touched.
//!
//! ```toml
//! ["moscow-talks.txt"]
//! source = "Reuters"
//! date = "2023-03-05"
//!
//! ["feed.jsonl:3"]          # one record of a JSON Lines file
//! title = "Talks in Moscow"
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use serde::Deserialize;

/// The sidecar's file name (hidden, so a folder walk never loads it as an article).
pub const FILE_NAME: &str = ".readout.toml";

/// The fields one entry corrects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    pub title: Option<String>,
    #[serde(alias = "outlet")]
    pub source: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// One folder's corrections, by file name (or `NAME:LINE` for a JSON record).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sidecar {
    pub fixes: HashMap<String, Fix>,
}

impl Sidecar {
    pub fn parse(text: &str) -> Result<Sidecar, String> {
        let fixes: HashMap<String, Fix> = toml::from_str(text).map_err(|e| e.message().trim().to_string())?;
        Ok(Sidecar { fixes })
    }

    /// The correction for an article from `file` (`record`: its JSON line).
    pub fn fix_for(&self, file_name: &str, record: Option<&str>) -> Option<&Fix> {
        match record {
            Some(n) => self
                .fixes
                .get(&format!("{file_name}:{n}"))
                .or_else(|| self.fixes.get(file_name)),
            None => self.fixes.get(file_name),
        }
    }
}

/// A folder's sidecar as last read, with the file's stamp.
#[derive(Debug, Clone)]
struct Cached {
    stamp: Option<(SystemTime, u64)>,
    sidecar: Option<Arc<Sidecar>>,
}

fn cache() -> &'static Mutex<HashMap<PathBuf, Cached>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Cached>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Forgets the sidecars read, so the next load reads (and reports) them again.
pub fn forget() {
    if let Ok(mut c) = cache().lock() {
        c.clear();
    }
}

/// The sidecar of the folder holding `file`, read once per change of the
/// sidecar. The error comes back only from the read that found it.
pub fn for_file(file: &Path) -> (Option<Arc<Sidecar>>, Option<(PathBuf, String)>) {
    let Some(dir) = file.parent() else {
        return (None, None);
    };
    let path = dir.join(FILE_NAME);
    let stamp = std::fs::metadata(&path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
    let Ok(mut c) = cache().lock() else {
        return (None, None);
    };
    if let Some(hit) = c.get(dir)
        && hit.stamp == stamp
    {
        return (hit.sidecar.clone(), None);
    }
    let mut problem = None;
    let sidecar = match stamp {
        None => None,
        Some((_, len)) if len > 16 << 20 => {
            problem = Some((path.clone(), "larger than 16 MiB, not read".to_string()));
            None
        }
        Some(_) => match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| Sidecar::parse(&t))
        {
            Ok(s) => Some(Arc::new(s)),
            Err(e) => {
                problem = Some((path.clone(), format!("corrections not used: {e}")));
                None
            }
        },
    };
    c.insert(
        dir.to_path_buf(),
        Cached {
            stamp,
            sidecar: sidecar.clone(),
        },
    );
    (sidecar, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries() {
        let s = Sidecar::parse(
            "[\"a.txt\"]\nsource = \"Reuters\"\ndate = \"2023-03-05\"\n[\"f.jsonl:3\"]\ntitle = \"T\"\n",
        )
        .unwrap();
        assert_eq!(
            s.fix_for("a.txt", None).unwrap().source.as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            s.fix_for("f.jsonl", Some("3")).unwrap().title.as_deref(),
            Some("T")
        );
        assert!(s.fix_for("f.jsonl", Some("4")).is_none());
        assert!(s.fix_for("b.txt", None).is_none());
    }

    #[test]
    fn unknown_keys_and_bad_toml_are_errors() {
        assert!(
            Sidecar::parse("[\"a.txt\"]\nsorce = \"x\"\n")
                .unwrap_err()
                .contains("sorce")
        );
        assert!(Sidecar::parse("[a.txt\n").is_err());
    }

    #[test]
    fn read_once_per_change() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("a.txt");
        let (s, p) = for_file(&file);
        assert!(s.is_none() && p.is_none());
        std::fs::write(d.path().join(FILE_NAME), "[\"a.txt\"]\nsource = \"X\"\n").unwrap();
        let (s, _) = for_file(&file);
        assert_eq!(
            s.unwrap().fix_for("a.txt", None).unwrap().source.as_deref(),
            Some("X")
        );
        std::fs::write(d.path().join(FILE_NAME), "[\"a.txt\"\nbroken and longer").unwrap();
        let (s, p) = for_file(&file);
        assert!(s.is_none());
        assert!(p.unwrap().1.starts_with("corrections not used"));
        let (_, p) = for_file(&file);
        assert!(p.is_none(), "said once");
    }
}
