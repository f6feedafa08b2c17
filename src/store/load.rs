//! Turning paths into articles. Bad input never stops the rest from loading
//! and never panics: every file that is skipped, or loaded with a caveat, is
//! reported as an [`Issue`]. Loading only reads; it never writes anywhere.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::walk::discover_with;
use super::{Article, Meta};

/// Extensions loaded when walking a folder.
const TEXT_EXTS: &[&str] = &["txt", "md", "markdown", "text"];
const JSON_EXTS: &[&str] = &["jsonl", "ndjson", "json"];
/// A single text article larger than this is skipped (a reader of news, not
/// of logs: 2 MiB is some 300,000 words). JSON records are held to it too.
pub const MAX_TEXT_BYTES: u64 = 2 << 20;
/// A JSON array file larger than this is skipped (JSON Lines files stream and have no limit).
pub const MAX_JSON_BYTES: u64 = 1 << 30;

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

    fn warning(path: &Path, message: impl Into<String>) -> Issue {
        Issue::new(path, IssueKind::Warning, message.into())
    }

    /// File names are shown as they are but for control characters, made
    /// visible escapes: a name cannot drive the terminal it is printed on.
    fn new(path: &Path, kind: IssueKind, message: String) -> Issue {
        let shown = |s: &str| super::sanitize::escape_controls(s).into_owned();
        Issue {
            path: shown(&path.display().to_string()),
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

/// A body too long to be read whole for speakers and quotes: a warning
/// saying how much is read (`record`: the JSON unit and number).
fn long_for_speakers(path: &Path, body: &str, record: Option<(&str, usize)>) -> Option<Issue> {
    let read = crate::analysis::speakers::bounded(body);
    if read == body.len() {
        return None;
    }
    let what = match record {
        Some((unit, n)) => format!("{unit} {n}: "),
        None => String::new(),
    };
    Some(Issue::warning(
        path,
        format!(
            "{what}{} KiB long: speakers and quotes from its first {} KiB only",
            body.len() >> 10,
            crate::analysis::speakers::MAX_BODY >> 10
        ),
    ))
}

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub issues: Vec<Issue>,
    /// Bytes read from disk.
    pub bytes: u64,
}

/// Everything loaded from a list of paths.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub articles: Vec<Article>,
    pub issues: Vec<Issue>,
}

/// Expands files and folders (recursively) into the files to read, in a
/// stable order, with their sizes. Missing paths become issues.
pub fn discover(paths: &[PathBuf]) -> (Vec<(PathBuf, u64)>, Vec<Issue>) {
    discover_with(paths, true)
}

/// True for the files a folder walk loads (.txt, .md, .jsonl, .json...).
pub fn is_article_file(path: &Path) -> bool {
    has_ext(path, TEXT_EXTS, JSON_EXTS)
}

fn has_ext(path: &Path, a: &[&str], b: &[&str]) -> bool {
    let Some(ext) = path.extension() else {
        return false;
    };
    let ext = ext.as_encoded_bytes();
    a.iter()
        .chain(b)
        .any(|known| known.as_bytes().eq_ignore_ascii_case(ext))
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

/// A JSON record's error as "line N, column C: what went wrong" (or "item
/// N: ..."), without serde_json's own "at line L column C": its line counts
/// within the one record parsed, never the file's.
fn json_problem(unit: &str, n: usize, e: &serde_json::Error) -> String {
    let full = e.to_string();
    if e.line() == 0 {
        // no position (an item converted from an already parsed value)
        return format!("{unit} {n}: {full}");
    }
    let at = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&at).unwrap_or(&full);
    format!("{unit} {n}, column {}: {what}", e.column())
}

/// Loads every path (files and folders) using all cores.
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    let (files, mut issues) = discover(paths);
    let loaded: Vec<Loaded> = files.par_iter().map(|(p, _)| read_source(p)).collect();
    let mut articles = Vec::new();
    for l in loaded {
        articles.extend(l.articles);
        issues.extend(l.issues);
    }
    LoadReport { articles, issues }
}

/// Reads one file: a text or Markdown article, or a JSON Lines / JSON file of
/// many. Never panics; problems come back as issues.
pub fn read_source(path: &Path) -> Loaded {
    read_source_filtered(path, 0, None)
}

/// A cheap test on a file's raw text: false means no article in it can be
/// wanted (a headless query's required phrase is absent).
pub type Keep = dyn Fn(&str) -> bool + Send + Sync;

/// Like [`read_source`], but a text file whose raw text fails `keep` (and
/// holds nothing sanitising would change, so its body is that same text) is
/// dropped before any further work, quietly.
/// `size_hint` (the file's size when known, else 0) saves reallocations.
pub fn read_source_filtered(path: &Path, size_hint: u64, keep: Option<&Keep>) -> Loaded {
    if has_ext(path, &[], JSON_EXTS) {
        return read_json(path);
    }
    let mut out = Loaded::default();
    // read into this thread's buffer: a file that is dropped costs no allocation
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        read_into(&mut out, buf, path, size_hint, keep);
        if buf.capacity() > 4 << 20 {
            *buf = Vec::new();
        }
    });
    out
}

fn read_into(out: &mut Loaded, buf: &mut Vec<u8>, path: &Path, size_hint: u64, keep: Option<&Keep>) {
    let bytes: &[u8] = match read_capped(path, MAX_TEXT_BYTES, size_hint, buf) {
        Ok(true) => buf,
        Ok(false) => {
            out.issues.push(Issue::skipped(
                path,
                format!("larger than {} MiB", MAX_TEXT_BYTES >> 20),
            ));
            return;
        }
        Err(e) => {
            out.issues.push(Issue::skipped(path, io_reason(&e)));
            return;
        }
    };
    out.bytes = bytes.len() as u64;
    if looks_binary(bytes) {
        out.issues.push(Issue::skipped(path, "binary file"));
        return;
    }
    let (text, lossy): (std::borrow::Cow<str>, bool) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.into(), false),
        Err(_) => (decode_legacy(bytes).into(), true),
    };
    if text.trim().is_empty() {
        out.issues.push(Issue::skipped(path, "empty"));
        return;
    }
    if let Some(keep) = keep
        && super::sanitize::is_clean(&text)
        && !keep(&text)
    {
        return;
    }
    let article = Article::from_text(path.display().to_string(), &text, lossy);
    if article.body.trim().is_empty() {
        out.issues.push(Issue::skipped(path, "empty"));
        return;
    }
    if lossy {
        out.issues.push(Issue::warning(
            path,
            "invalid UTF-8 (read as Windows-1252, or with replacement characters)",
        ));
    }
    if let Some(i) = long_for_speakers(path, &article.body, None) {
        out.issues.push(i);
    }
    out.articles.push(article);
}

/// Text that is not UTF-8: when it holds no UTF-8 multi-byte sequence at
/// all, it is most likely Windows-1252 (or Latin-1, its subset), the usual
/// legacy encoding of Western news text, and is decoded as such ("Café");
/// otherwise it is UTF-8 with damage, decoded lossily (U+FFFD).
fn decode_legacy(bytes: &[u8]) -> String {
    let lossy = String::from_utf8_lossy(bytes);
    if lossy
        .chars()
        .any(|c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER)
    {
        return lossy.into_owned();
    }
    // Windows-1252's 0x80..0x9F; the rest of the high half is Latin-1
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Reads at most `cap` bytes of `path` into `buf`; false when the file is larger.
fn read_capped(path: &Path, cap: u64, size_hint: u64, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    let file = fs::File::open(path)?;
    buf.clear();
    // room for the whole file and one more byte, so one read() usually does
    // (an unknown size: room for a typical article)
    let hint = if size_hint == 0 {
        16 << 10
    } else {
        size_hint.min(cap) as usize + 1
    };
    buf.reserve(hint);
    file.take(cap + 1).read_to_end(buf)?;
    Ok(buf.len() as u64 <= cap)
}

/// NUL bytes in the first 8 KiB mean binary, as git and grep judge it.
fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// One article record in a JSON or JSON Lines file.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default, alias = "headline")]
    title: Option<String>,
    #[serde(default, alias = "text", alias = "content", alias = "article")]
    body: Option<String>,
    #[serde(default, alias = "outlet", alias = "publisher", alias = "site")]
    source: Option<String>,
    #[serde(default, alias = "published", alias = "published_at")]
    date: Option<String>,
    #[serde(default, alias = "link")]
    url: Option<String>,
    #[serde(default, alias = "byline")]
    author: Option<String>,
}

impl Record {
    fn into_article(self, path: String) -> Option<Article> {
        let clean = |s: Option<String>| {
            s.map(|v| super::sanitize(&v).replace('\n', " ").trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let body = super::sanitize(self.body.as_deref().unwrap_or(""))
            .trim()
            .to_string();
        if body.is_empty() {
            return None;
        }
        let meta = Meta {
            title: clean(self.title).unwrap_or_default(),
            source: clean(self.source),
            date: clean(self.date),
            url: clean(self.url),
            author: clean(self.author),
        };
        Some(Article::from_parts(path, meta, body, false))
    }
}

fn read_json(path: &Path) -> Loaded {
    let mut out = Loaded::default();
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            out.issues.push(Issue::skipped(path, io_reason(&e)));
            return out;
        }
    };
    let name = path.display().to_string();
    let is_array = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_array {
        let mut buf = Vec::new();
        if let Err(e) = file.take(MAX_JSON_BYTES + 1).read_to_end(&mut buf) {
            out.issues.push(Issue::skipped(path, io_reason(&e)));
            return out;
        }
        out.bytes = buf.len() as u64;
        if out.bytes > MAX_JSON_BYTES {
            out.issues.push(Issue::skipped(
                path,
                "JSON array larger than 1 GiB (use JSON Lines)",
            ));
            return out;
        }
        match serde_json::from_slice::<Vec<serde_json::Value>>(&buf) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    push_record(&mut out, path, &name, i + 1, "item", serde_json::from_value(v));
                }
            }
            Err(e) => out
                .issues
                .push(Issue::skipped(path, format!("not a JSON array of articles: {e}"))),
        }
    } else {
        let mut reader = BufReader::new(file);
        let mut line = Vec::new();
        let mut n = 0;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(k) => out.bytes += k as u64,
                Err(e) => {
                    out.issues.push(Issue::warning(
                        path,
                        format!("stopped at line {}: {}", n + 1, io_reason(&e)),
                    ));
                    break;
                }
            }
            n += 1;
            let text = String::from_utf8_lossy(&line);
            if text.trim().is_empty() {
                continue;
            }
            // without its line break, serde_json's position is all on line 1
            // (else a record cut short is "at line 2 column 0")
            let text = text.trim_end_matches(['\n', '\r']);
            push_record(&mut out, path, &name, n, "line", serde_json::from_str(text));
        }
    }
    if out.articles.is_empty() && out.issues.is_empty() {
        out.issues.push(Issue::skipped(path, "no articles in it"));
    }
    out
}

fn push_record(
    out: &mut Loaded,
    path: &Path,
    name: &str,
    n: usize,
    unit: &str,
    record: serde_json::Result<Record>,
) {
    match record {
        Ok(r) if r.body.as_ref().is_some_and(|b| b.len() as u64 > MAX_TEXT_BYTES) => {
            out.issues.push(Issue::warning(
                path,
                format!("{unit} {n}: larger than {} MiB, skipped", MAX_TEXT_BYTES >> 20),
            ))
        }
        Ok(r) => match r.into_article(format!("{name}:{n}")) {
            Some(a) => {
                if let Some(i) = long_for_speakers(path, &a.body, Some((unit, n))) {
                    out.issues.push(i);
                }
                out.articles.push(a)
            }
            None => out.issues.push(Issue::warning(
                path,
                format!("{unit} {n}: no body, text or content"),
            )),
        },
        Err(e) => out.issues.push(Issue::warning(path, json_problem(unit, n, &e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn loads_text_and_markdown_recursively() {
        let d = dir();
        fs::create_dir(d.path().join("sub")).unwrap();
        fs::write(d.path().join("a.txt"), "Headline A\n\nBody of a.").unwrap();
        fs::write(d.path().join("sub/b.md"), "# Heading B\n\nBody.").unwrap();
        fs::write(d.path().join("c.pdf"), "ignored").unwrap();
        fs::write(d.path().join(".hidden.txt"), "ignored").unwrap();
        let r = load_paths(&[d.path().to_path_buf()]);
        let titles: Vec<_> = r.articles.iter().map(|a| a.meta.title.as_str()).collect();
        assert_eq!(titles, ["Headline A", "Heading B"]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
    }

    #[test]
    fn bad_inputs_are_reported_not_fatal() {
        let d = dir();
        fs::write(d.path().join("bin.txt"), b"abc\0\x01\x02").unwrap();
        fs::write(d.path().join("empty.txt"), "").unwrap();
        fs::write(d.path().join("blank.txt"), "  \n\n ").unwrap();
        fs::write(d.path().join("latin1.txt"), b"Caf\xe9 news\n\nBody here.").unwrap();
        fs::write(d.path().join("ok.txt"), "Fine title\n\nFine body.").unwrap();
        let missing = d.path().join("missing.txt");
        let r = load_paths(&[d.path().to_path_buf(), missing]);
        assert_eq!(r.articles.len(), 2);
        let lossy = r.articles.iter().find(|a| a.lossy).unwrap();
        assert_eq!(lossy.meta.title, "Café news", "Windows-1252 decoded");
        let msgs: Vec<String> = r.issues.iter().map(|i| i.to_string()).collect();
        let has = |s: &str| msgs.iter().any(|m| m.contains(s));
        assert!(has("bin.txt: skipped: binary file"), "{msgs:?}");
        assert!(has("empty.txt: skipped: empty"));
        assert!(has("blank.txt: skipped: empty"));
        assert!(has("latin1.txt: warning: invalid UTF-8"));
        assert!(has("missing.txt: skipped: no such file or folder"));
    }

    #[test]
    fn escape_sequences_never_survive() {
        let d = dir();
        let p = d.path().join("evil.txt");
        fs::write(&p, "Title \u{1b}]0;owned\u{7}here\n\n\u{1b}[2JBody \u{9b}1m text").unwrap();
        let r = load_paths(&[p]);
        let a = &r.articles[0];
        assert_eq!(a.meta.title, "Title here");
        assert_eq!(&*a.body, "Title here\n\nBody  text");
        assert!(!a.body.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn legacy_and_damaged_encodings() {
        assert_eq!(decode_legacy(b"\x93Rock solid\x94 caf\xe9"), "“Rock solid” café");
        // UTF-8 with one bad byte stays UTF-8, the bad byte replaced
        assert_eq!(decode_legacy("Лавров \u{fffd}".as_bytes()), "Лавров \u{fffd}");
        assert_eq!(decode_legacy(b"\xd0\x9b\xff"), "Л\u{fffd}");
    }

    #[test]
    fn explicit_file_of_any_extension_loads() {
        let d = dir();
        let p = d.path().join("notes.article");
        fs::write(&p, "A title here\n\ntext").unwrap();
        assert_eq!(load_paths(&[p]).articles.len(), 1);
    }

    #[test]
    fn json_lines_with_bad_lines() {
        let d = dir();
        let p = d.path().join("a.jsonl");
        fs::write(
            &p,
            "{\"title\":\"One\",\"body\":\"Rock solid.\",\"source\":\"TASS\"}\nnot json\n\n{\"text\":\"Second body here\"}\n{\"title\":\"no body\"}\n",
        )
        .unwrap();
        let r = load_paths(&[p]);
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[0].meta.title, "One");
        assert_eq!(r.articles[0].meta.source.as_deref(), Some("TASS"));
        assert!(r.articles[0].path.ends_with("a.jsonl:1"));
        assert_eq!(r.articles[1].meta.title, "Second body here");
        assert!(r.articles[1].path.ends_with("a.jsonl:4"));
        let msgs: Vec<String> = r.issues.iter().map(|i| i.to_string()).collect();
        assert!(msgs[0].contains("line 2, column 2: expected ident"), "{msgs:?}");
        assert!(msgs[1].contains("line 5: no body"), "{msgs:?}");
    }

    #[test]
    fn json_lines_errors_name_the_files_line_once() {
        let d = dir();
        let p = d.path().join("x.jsonl");
        fs::write(
            &p,
            "{\"title\":\"a\",\"body\":\"b\"}\n{bad\n{\"title\":\"c\",\"body\":\"d\"\r\n{\"title\":1,\"body\":\"x\"}\n",
        )
        .unwrap();
        let r = load_paths(&[p]);
        assert_eq!(r.articles.len(), 1);
        let msgs: Vec<&str> = r.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "line 2, column 2: key must be a string",
                "line 3, column 23: EOF while parsing an object",
                "line 4, column 10: invalid type: integer `1`, expected a string",
            ]
        );
    }

    #[test]
    fn json_array() {
        let d = dir();
        let p = d.path().join("a.json");
        fs::write(&p, r#"[{"headline":"H","content":"C c c"},{"title":1}]"#).unwrap();
        let r = load_paths(&[p]);
        assert_eq!(r.articles.len(), 1);
        assert_eq!(r.articles[0].meta.title, "H");
        assert!(r.issues[0].message.starts_with("item 2:"), "{:?}", r.issues);
    }

    #[test]
    fn broken_json_array_is_skipped() {
        let d = dir();
        let p = d.path().join("a.json");
        fs::write(&p, "[{").unwrap();
        let r = load_paths(&[p]);
        assert!(r.articles.is_empty());
        assert_eq!(r.issues[0].kind, IssueKind::Skipped);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported() {
        let d = dir();
        fs::write(d.path().join("a.txt"), "Some title\n\nbody").unwrap();
        std::os::unix::fs::symlink(d.path(), d.path().join("loop")).unwrap();
        let r = load_paths(&[d.path().to_path_buf()]);
        assert_eq!(r.articles.len(), 1);
        assert!(
            r.issues.iter().any(|i| i.message.contains("loop")),
            "{:?}",
            r.issues
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_link_loop_is_worded_as_a_folder_one() {
        use std::os::unix::fs::symlink;
        let d = dir();
        symlink(d.path().join("a.txt"), d.path().join("b.txt")).unwrap();
        symlink(d.path().join("b.txt"), d.path().join("a.txt")).unwrap();
        fs::create_dir(d.path().join("sub")).unwrap();
        symlink("../sub", d.path().join("sub/loop")).unwrap();
        let named = d.path().join("a.txt");
        let r = load_paths(&[d.path().to_path_buf(), named]);
        assert!(r.articles.is_empty());
        let msgs: Vec<&str> = r.issues.iter().map(|i| i.message.as_str()).collect();
        // a.txt and b.txt in the walk, sub/loop, then a.txt named
        assert_eq!(msgs, ["symbolic link loop"; 4], "{:?}", r.issues);
    }

    #[test]
    fn loading_never_writes() {
        let d = dir();
        let p = d.path().join("a.txt");
        fs::write(&p, "T t\n\nbody").unwrap();
        let before = fs::metadata(&p).unwrap().modified().unwrap();
        let _ = load_paths(&[d.path().to_path_buf()]);
        assert_eq!(fs::metadata(&p).unwrap().modified().unwrap(), before);
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }
}
