//! Saving to the user's phrases file: a mined phrase (with its merged
//! variants) made a family, or a mined phrase hidden for good.
//!
//! The file is only ever added to: a `[[family]]` or `[[hide]]` block is
//! appended to the text as it is, so the user's other families, comments
//! and layout stay as they were. Before writing, the file as it is and the
//! file as it would be are both read as a phrase book: a file that does not
//! read (the user is editing it, say) is left alone and the error returned,
//! and a family whose label the file already has is refused. The new text
//! goes to a temporary file in the same folder, flushed to disk, then
//! renamed over the old one: a crash leaves the old file or the new one,
//! never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{PhraseBook, PhraseError};

/// What can go wrong when saving.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
    /// The file as it is does not read: it is left alone.
    #[error("{path} has an error, not changed: {source}")]
    Invalid { path: String, source: PhraseError },
    #[error("{path} already has a family labelled \"{label}\"")]
    Exists { path: String, label: String },
    #[error("nothing to save: the phrase has no words")]
    Empty,
}

/// Where the phrases file is when `--phrases` does not say:
/// `$XDG_CONFIG_HOME/readout/phrases.toml`, else
/// `$HOME/.config/readout/phrases.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("readout").join("phrases.toml"))
}

/// A TOML string literal (quoted and escaped).
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The `[[family]]` block for a family.
pub fn family_block(label: &str, color: &str, variants: &[String]) -> String {
    let vs: Vec<String> = variants.iter().map(|v| quoted(v)).collect();
    format!(
        "\n[[family]]\nlabel = {}\ncolor = {}\nvariants = [{}]\n",
        quoted(label),
        quoted(color),
        vs.join(", ")
    )
}

/// The `[[hide]]` block for a phrase.
pub fn hide_block(phrase: &str) -> String {
    format!("\n[[hide]]\nphrase = {}\n", quoted(phrase))
}

fn display(path: &Path) -> String {
    crate::store::escape_controls(&path.display().to_string()).into_owned()
}

/// The file's text, empty if there is none yet.
fn current(path: &Path) -> Result<String, SaveError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(SaveError::Read {
            path: display(path),
            source,
        }),
    }
}

/// Writes `text` to `path` atomically (temporary file, flushed, renamed).
fn write_atomically(path: &Path, text: &str) -> Result<(), SaveError> {
    let err = |source| SaveError::Write {
        path: display(path),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let name = path
        .file_name()
        .map_or("phrases.toml".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            // keep the file's permissions
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// Appends `block` to the file after checking both texts read as a phrase
/// book; `check` sees the book as it is first.
fn append(
    path: &Path,
    block: &str,
    check: impl FnOnce(&PhraseBook) -> Result<(), SaveError>,
) -> Result<(), SaveError> {
    let old = current(path)?;
    let invalid = |source| SaveError::Invalid {
        path: display(path),
        source,
    };
    let book = PhraseBook::from_toml(&old).map_err(invalid)?;
    check(&book)?;
    let mut new = old;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    if new.is_empty() {
        new.push_str("# readout phrases file: families added from the phrases pane, phrases hidden\n# (same format as assets/phrases.toml; `[[hide]]` hides a mined phrase).\n");
    }
    new.push_str(block);
    PhraseBook::from_toml(&new).map_err(invalid)?;
    write_atomically(path, &new)
}

/// Saves a family: `label`, a colour from the palette that no family of the
/// file (nor of `taken`) has yet, and the phrase with its variants. Returns
/// the colour.
pub fn save_family(
    path: &Path,
    label: &str,
    variants: &[String],
    taken: &[String],
) -> Result<String, SaveError> {
    let label = label.trim();
    if super::normalize_phrase(label).is_empty() {
        return Err(SaveError::Empty);
    }
    let vs = family_variants(label, variants);
    let mut color = String::new();
    let old = current(path)?;
    if let Ok(book) = PhraseBook::from_toml(&old) {
        let used: Vec<&str> = book
            .families()
            .iter()
            .map(|f| f.color.as_str())
            .chain(taken.iter().map(String::as_str))
            .collect();
        let palette = PhraseBook::palette();
        color = palette
            .iter()
            .find(|c| !used.contains(c))
            .unwrap_or(&palette[book.families().len() % palette.len()])
            .to_string();
    }
    let block = family_block(label, &color, &vs);
    append(path, &block, |book| {
        if book.family_index(label).is_some() {
            return Err(SaveError::Exists {
                path: display(path),
                label: label.to_string(),
            });
        }
        Ok(())
    })?;
    Ok(color)
}

/// The variants a family made from a mined row gets: the phrase, then its
/// variants except those inside another form ("lasting good" and "good
/// neighbourliness" of "lasting good neighbourliness": the family would
/// find them everywhere), without duplicates.
pub fn family_variants(phrase: &str, variants: &[String]) -> Vec<String> {
    let padded = |v: &str| format!(" {} ", super::normalize_phrase(v));
    let all: Vec<String> = std::iter::once(phrase.to_string())
        .chain(variants.iter().cloned())
        .filter(|v| !super::normalize_phrase(v).is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    for (i, v) in all.iter().enumerate() {
        let pv = padded(v);
        let inside = all
            .iter()
            .enumerate()
            .any(|(j, w)| j != i && padded(w) != pv && padded(w).contains(&pv));
        if (i == 0 || !inside) && !out.iter().any(|o| padded(o) == pv) {
            out.push(v.clone());
        }
    }
    out
}

/// Hides a mined phrase for good.
pub fn save_hidden(path: &Path, phrase: &str) -> Result<(), SaveError> {
    if super::normalize_phrase(phrase).is_empty() {
        return Err(SaveError::Empty);
    }
    append(path, &hide_block(phrase), |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("readout-user-file-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("sub").join("phrases.toml")
    }

    #[test]
    fn a_family_is_appended_and_reads_back() {
        let path = temp("append");
        let user = "# my families\nreplace = true\n\n[[family]]\nlabel = \"win-win\"\ncolor = \"red\"\nvariants = [\"win-win\"]\n";
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, user).unwrap();
        let color = save_family(&path, "no limits", &["no-limits".into(), "no limit".into()], &[]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        // the user's text is kept as it was, the block added after it
        assert!(text.starts_with(user), "{text}");
        let book = PhraseBook::from_toml(&text).unwrap();
        assert!(book.replaces_bundled());
        assert_eq!(book.families().len(), 2);
        let f = &book.families()[1];
        assert_eq!(f.label, "no limits");
        // ("no-limits" reads as "no limits": once)
        assert_eq!(f.variants, ["no limits", "no limit"]);
        assert_eq!(f.color, color);
        assert_ne!(color, "red");
        // the same label again: refused, the file unchanged
        assert!(matches!(
            save_family(&path, "No Limits", &[], &[]),
            Err(SaveError::Exists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }

    #[test]
    fn family_variants_leave_out_fragments() {
        let v: Vec<String> = [
            "good neighbourliness",
            "lasting good",
            "lasting good neighborliness",
            "Lasting  good neighbourliness",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            family_variants("lasting good neighbourliness", &v),
            ["lasting good neighbourliness", "lasting good neighborliness"]
        );
        // shifted forms stay
        let v = vec!["partnership of equal coordination for the new epoch".to_string()];
        assert_eq!(
            family_variants("comprehensive partnership of equal coordination", &v).len(),
            2
        );
    }

    #[test]
    fn hidden_phrases_and_a_new_file() {
        let path = temp("hide");
        save_hidden(&path, "last year").unwrap();
        save_hidden(&path, "quote \" and \\ backslash").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let book = PhraseBook::from_toml(&text).unwrap();
        assert_eq!(book.hidden(), ["last year", "quote \" and \\ backslash"]);
        assert!(book.families().is_empty());
        // no temporary file left behind
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1);
        assert!(matches!(save_hidden(&path, " - "), Err(SaveError::Empty)));
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }

    #[test]
    fn a_broken_file_is_left_alone() {
        let path = temp("broken");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let broken = "[[family]\nlabel = ";
        std::fs::write(&path, broken).unwrap();
        assert!(matches!(
            save_hidden(&path, "last year"),
            Err(SaveError::Invalid { .. })
        ));
        assert!(matches!(
            save_family(&path, "no limits", &[], &[]),
            Err(SaveError::Invalid { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
        let _ = std::fs::remove_dir_all(path.parent().unwrap().parent().unwrap());
    }

    #[test]
    fn default_path_under_the_config_folder() {
        // (only read here: the environment is not changed in tests)
        if let Some(p) = default_path() {
            assert!(p.ends_with("readout/phrases.toml"));
        }
    }
}
