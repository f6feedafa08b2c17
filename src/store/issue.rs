//! A problem with one input, and how a path or an I/O error is put in words
//! for it. Below both the walk and the readers, which report issues.

use std::fs;
use std::path::Path;

/// How bad a problem with one input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueKind {
    /// Nothing was loaded from it.
    Skipped,
    /// It loaded, with a caveat (lossy decoding, one bad JSON line).
    Warning,
}

/// A problem with one input, shown in the app and on stderr.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    pub path: String,
    pub kind: IssueKind,
    pub message: String,
}

impl Issue {
    pub(super) fn skipped(path: &Path, message: impl Into<String>) -> Issue {
        Issue::new(path, IssueKind::Skipped, message.into())
    }

    pub(super) fn warning(path: &Path, message: impl Into<String>) -> Issue {
        Issue::new(path, IssueKind::Warning, message.into())
    }

    /// File names are shown as they are but for control characters, made
    /// visible escapes: a name cannot drive the terminal it is printed on.
    fn new(path: &Path, kind: IssueKind, message: String) -> Issue {
        let shown = |s: &str| super::sanitize::escape_controls(s).into_owned();
        Issue {
            path: shown(&shown_path(path)),
            kind,
            message: shown(&message),
        }
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.kind {
            IssueKind::Skipped => "skipped",
            IssueKind::Warning => "warning",
        };
        write!(f, "{}: {what}: {}", self.path, self.message)
    }
}

/// A path as text that still names the file: as it is when it is UTF-8;
/// otherwise each byte that is not UTF-8 written `\xNN` (as bash's `$'…'`
/// reads it), rather than a replacement character. [`path_of_shown`] undoes it.
pub fn shown_path(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// The path [`shown_path`] made `shown` from.
pub fn path_of_shown(shown: &str) -> std::path::PathBuf {
    #[cfg(unix)]
    if shown.contains("\\x") {
        use std::os::unix::ffi::OsStrExt;
        let b = shown.as_bytes();
        let mut bytes = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let hex = b.get(i + 2..i + 4).and_then(|h| std::str::from_utf8(h).ok());
            match (
                b[i],
                b.get(i + 1),
                hex.and_then(|h| u8::from_str_radix(h, 16).ok()),
            ) {
                (b'\\', Some(b'x'), Some(v)) => {
                    bytes.push(v);
                    i += 4;
                }
                (c, _, _) => {
                    bytes.push(c);
                    i += 1;
                }
            }
        }
        // only names that were not UTF-8 were escaped
        if std::str::from_utf8(&bytes).is_err() {
            return std::ffi::OsStr::from_bytes(&bytes).into();
        }
    }
    shown.into()
}

/// What a path that is neither a file nor a folder is, for a message.
pub(super) fn not_a_file(m: &fs::Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        let what = if t.is_fifo() {
            "a named pipe (FIFO)"
        } else if t.is_char_device() {
            "a character device"
        } else if t.is_block_device() {
            "a block device"
        } else if t.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        };
        if what.starts_with("not") {
            return what.into();
        }
        format!("{what}, not a file or folder")
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        "not a regular file".into()
    }
}

pub(super) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        // the words the walk uses for a link back to a folder being walked
        _ if is_link_loop(e) => "symbolic link loop".into(),
        _ => e.to_string(),
    }
}

/// ELOOP: too many levels of symbolic links (`ErrorKind::FilesystemLoop`
/// is not stable yet, so it is told by its number where `libc` is at hand).
fn is_link_loop(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(target_os = "linux"))]
    {
        format!("{:?}", e.kind()) == "FilesystemLoop"
    }
}
