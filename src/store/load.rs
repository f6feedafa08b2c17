//! Turning paths into articles. Bad input never stops the rest from loading
//! and never panics: every file that is skipped, or loaded with a caveat, is
//! reported as an [`Issue`]. Loading only reads; it never writes anywhere.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::ext::{CSV_EXTS, FEED_EXTS, HTML_EXTS, JSON_EXTS, MARKDOWN_EXTS, has_ext};
use super::issue::{Issue, io_reason, shown_path};
use super::walk::discover_with;
use super::{Article, Meta};

/// A JSON array file larger than this is skipped (JSON Lines files stream and have no limit).
pub const MAX_JSON_BYTES: u64 = 1 << 30;

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
    super::sidecar::forget();
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
    let mut out = read_any(path, size_hint, keep);
    settle_meta(path, &mut out);
    out
}

/// Applies the folder's corrections (`.readout.toml`) and reports metadata
/// that could not be used (a date that does not parse).
fn settle_meta(path: &Path, out: &mut Loaded) {
    if out.articles.is_empty() {
        return;
    }
    let (sidecar, problem) = super::sidecar::for_file(path);
    if let Some((file, message)) = problem {
        out.issues.push(Issue::warning(&file, message));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // a JSON Lines record is `FILE:LINE`, a JSON array's item `FILE:N`
    let unit = if has_ext(path, &[], &["json"]) {
        "item"
    } else {
        "line"
    };
    for a in &mut out.articles {
        let record = a
            .path
            .rsplit_once(':')
            .map(|(_, n)| n.to_string())
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if let Some(fix) = sidecar
            .as_deref()
            .and_then(|s| s.fix_for(&name, record.as_deref()))
        {
            a.correct(fix);
        }
        for p in a.meta_problems.drain(..) {
            let message = match &record {
                Some(n) => format!("{unit} {n}: {}", p.message),
                None => p.message,
            };
            out.issues.push(Issue::warning(path, message));
        }
    }
}

fn read_any(path: &Path, size_hint: u64, keep: Option<&Keep>) -> Loaded {
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
    if let Err(e) = read_all(path, size_hint, buf) {
        out.issues.push(Issue::skipped(path, io_reason(&e)));
        return;
    }
    let bytes: &[u8] = buf;
    out.bytes = bytes.len() as u64;
    let is_html = has_ext(path, HTML_EXTS, &[]);
    let is_feed = has_ext(path, FEED_EXTS, &[]);
    let declared = if is_html || is_feed {
        super::decode::declared_charset(bytes)
    } else {
        None
    };
    let decoded = match super::decode::decode(bytes, declared) {
        Ok(d) => d,
        Err(super::decode::Binary) => {
            out.issues.push(Issue::skipped(path, "binary file"));
            return;
        }
    };
    if decoded.text.trim().is_empty() {
        out.issues.push(Issue::skipped(path, "empty"));
        return;
    }
    let before = out.articles.len();
    let encoding = decoded.encoding;
    let lossy = decoded.damaged || encoding.is_some_and(|e| !e.starts_with("UTF-16"));
    if is_html {
        read_page(out, path, &decoded.text);
    } else if is_feed {
        read_feed(out, path, decoded.text.as_bytes());
    } else if has_ext(path, CSV_EXTS, &[]) {
        read_csv(out, path, &decoded.text);
    } else {
        let text: &str = &decoded.text;
        if let Some(keep) = keep
            && super::sanitize::is_clean(text)
            && !keep(text)
        {
            return;
        }
        let mut article = Article::from_text(shown_path(path), text, lossy);
        if article.body.trim().is_empty() {
            out.issues.push(Issue::skipped(path, "empty"));
            return;
        }
        // a body offset is a file offset only when the text is the file's bytes
        article.file_offset = match decoded.text {
            std::borrow::Cow::Borrowed(_) => article.file_offset.map(|o| o + decoded.skipped),
            std::borrow::Cow::Owned(_) => None,
        };
        if has_ext(path, MARKDOWN_EXTS, &[]) {
            article.format = super::Format::Markdown;
        }
        if super::frontmatter::unclosed(text) {
            out.issues.push(Issue::warning(
                path,
                "front matter does not close (no second ---): read as text",
            ));
        }
        out.articles.push(article);
    }
    let loaded = out.articles.len() > before;
    for a in &mut out.articles[before..] {
        a.encoding = encoding;
        a.lossy = lossy;
    }
    report_bounded(out, path, before);
    if loaded && let Some(note) = decoded.note() {
        out.issues.push(Issue::warning(path, note));
    }
}

/// Says which of the articles from `first` on are read only in part by the
/// bounded analyses.
fn report_bounded(out: &mut Loaded, path: &Path, first: usize) {
    let notes: Vec<String> = out.articles[first..]
        .iter()
        .filter(|a| a.is_bounded())
        .map(|a| {
            let which = a.path.rsplit_once(':').filter(|(_, n)| n.parse::<u64>().is_ok());
            format!(
                "{}{:.1} MB of text: speakers and quotes are looked for in its first {} KiB only",
                which.map_or(String::new(), |(_, n)| format!("{n}: ")),
                a.body.len() as f64 / 1e6,
                super::QUOTES_BOUND >> 10
            )
        })
        .collect();
    out.issues
        .extend(notes.into_iter().map(|m| Issue::warning(path, m)));
}

/// A saved web page: its article, or an issue when it holds none.
fn read_page(out: &mut Loaded, path: &Path, html: &str) {
    match super::html::extract(html) {
        Ok(page) => push_extracted(out, shown_path(path), page.meta, &page.text, super::Format::Html),
        Err(e) => out.issues.push(Issue::skipped(path, e.to_string())),
    }
}

/// A feed: an article per item (`FILE:N`, the item's number).
fn read_feed(out: &mut Loaded, path: &Path, bytes: &[u8]) {
    // a `.xml` may be any XML: one that is plainly no feed is said to be so,
    // not reported as a broken feed (a folder walk passes it by)
    if has_ext(path, &["xml"], &[])
        && let Some(root) = super::feed::xml_root(bytes)
        && !super::feed::is_feed_root(root)
    {
        out.issues.push(Issue::skipped(
            path,
            format!("not a feed: an XML file of <{root}> (RSS, Atom and JSON Feed are read)"),
        ));
        return;
    }
    let items = match super::feed::items(bytes) {
        Ok(items) => items,
        Err(e) => {
            out.issues.push(Issue::skipped(path, e));
            return;
        }
    };
    let name = shown_path(path);
    for (i, item) in items.into_iter().enumerate() {
        match item {
            Ok((meta, text)) => {
                push_extracted(out, format!("{name}:{}", i + 1), meta, &text, super::Format::Feed)
            }
            Err(e) => out
                .issues
                .push(Issue::warning(path, format!("item {}: {e}", i + 1))),
        }
    }
    if out.articles.is_empty() && out.issues.is_empty() {
        out.issues.push(Issue::skipped(path, "no items in the feed"));
    }
}

/// A CSV or TSV export: an article per row (`FILE:LINE`, the row's first line).
fn read_csv(out: &mut Loaded, path: &Path, text: &str) {
    let tsv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
    let rows = match super::csv::rows(text, super::csv::delimiter(text, tsv)) {
        Ok(rows) => rows,
        Err(e) => {
            out.issues.push(Issue::skipped(path, e));
            return;
        }
    };
    let name = shown_path(path);
    for (line, row) in rows {
        match row {
            Ok((meta, body)) => {
                push_extracted(out, format!("{name}:{line}"), meta, &body, super::Format::Csv)
            }
            Err(e) => out.issues.push(Issue::warning(path, format!("line {line}: {e}"))),
        }
    }
    if out.articles.is_empty() && out.issues.is_empty() {
        out.issues.push(Issue::skipped(path, "no rows"));
    }
}

/// An article from separated details and text: both sanitised, details on one line.
fn push_extracted(out: &mut Loaded, path: String, meta: Meta, text: &str, format: super::Format) {
    let one = |s: Option<String>| {
        s.map(|v| {
            super::sanitize(&v)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|v| !v.is_empty())
    };
    let body = super::sanitize(text).trim().to_string();
    let meta = Meta {
        title: one(Some(meta.title)).unwrap_or_default(),
        source: one(meta.source),
        date: one(meta.date),
        url: one(meta.url),
        author: one(meta.author),
    };
    let mut a = Article::from_parts(path, meta, body, false);
    a.format = format;
    out.articles.push(a);
}

/// Reads all of `path` into `buf`.
fn read_all(path: &Path, size_hint: u64, buf: &mut Vec<u8>) -> std::io::Result<()> {
    let mut file = fs::File::open(path)?;
    buf.clear();
    // room for the whole file and one more byte, so one read() usually does
    // (an unknown size: room for a typical article)
    let hint = if size_hint == 0 {
        16 << 10
    } else {
        size_hint as usize + 1
    };
    buf.reserve(hint);
    file.read_to_end(buf)?;
    Ok(())
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
    #[serde(
        default,
        alias = "published",
        alias = "published_at",
        deserialize_with = "date_value"
    )]
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

/// A JSON `date` as a string, or as a number: a year (`2024`), or seconds
/// (or, above 10^11, milliseconds) since 1970, given as an ISO date-time.
fn date_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => match n.as_f64() {
            Some(y) if y.fract() == 0.0 && (1000.0..=9999.0).contains(&y) => Some(format!("{y}")),
            Some(t) if t.is_finite() && t >= 0.0 => {
                let secs = if t > 1e11 { t / 1000.0 } else { t };
                Some(iso_from_epoch(secs as i64))
            }
            _ => return Err(D::Error::custom(format!("date {n} is neither a year nor a time"))),
        },
        Some(other) => {
            return Err(D::Error::custom(format!(
                "invalid type: {}, expected a date string or number",
                json_kind(&other)
            )));
        }
    })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Array(_) => "sequence",
        serde_json::Value::Object(_) => "map",
        _ => "value",
    }
}

/// Seconds since 1970-01-01 as `YYYY-MM-DDTHH:MM:SSZ` (UTC), by the civil-from-days
/// algorithm (Howard Hinnant's, public domain).
fn iso_from_epoch(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
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
    let name = shown_path(path);
    let is_array = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let mut reader = BufReader::new(file);
    // a UTF-16 file is decoded whole; a UTF-8 byte-order mark is dropped
    let head = reader.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
    let utf16 = matches!(head.get(..2), Some([0xff, 0xfe] | [0xfe, 0xff]));
    if is_array || utf16 {
        let mut buf = Vec::new();
        if let Err(e) = reader.take(MAX_JSON_BYTES + 1).read_to_end(&mut buf) {
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
        let decoded = match super::decode::decode(&buf, None) {
            Ok(d) => d,
            Err(_) => {
                out.issues.push(Issue::skipped(path, "binary file"));
                return out;
            }
        };
        if let Some(note) = decoded.note() {
            out.issues.push(Issue::warning(path, note));
        }
        if is_array {
            read_json_array(&mut out, path, &name, &decoded.text);
        } else {
            for (i, line) in decoded.text.lines().enumerate() {
                if !line.trim().is_empty() {
                    push_record(&mut out, path, &name, i + 1, "line", serde_json::from_str(line));
                }
            }
        }
    } else {
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
            let bytes = if n == 1 {
                line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line)
            } else {
                &line
            };
            let text = String::from_utf8_lossy(bytes);
            if text.trim().is_empty() {
                continue;
            }
            // without its line break, serde_json's position is all on line 1
            // (else a record cut short is "at line 2 column 0")
            let text = text.trim_end_matches(['\n', '\r']);
            push_record(&mut out, path, &name, n, "line", serde_json::from_str(text));
        }
    }
    for a in &mut out.articles {
        if a.format == super::Format::Text {
            a.format = super::Format::Json;
        }
    }
    report_bounded(&mut out, path, 0);
    if out.articles.is_empty() && out.issues.is_empty() {
        out.issues.push(Issue::skipped(path, "no articles in it"));
    }
    out
}

/// A `.json` file: an array of records, or a JSON Feed.
fn read_json_array(out: &mut Loaded, path: &Path, name: &str, text: &str) {
    match serde_json::from_str::<Vec<serde_json::Value>>(text) {
        Ok(values) => {
            for (i, v) in values.into_iter().enumerate() {
                push_record(out, path, name, i + 1, "item", serde_json::from_value(v));
            }
        }
        Err(_) if is_json_feed(text) => {
            read_feed(out, path, text.as_bytes());
        }
        Err(e) => out
            .issues
            .push(Issue::skipped(path, format!("not a JSON array of articles: {e}"))),
    }
}

/// A JSON object whose `version` names jsonfeed.org.
fn is_json_feed(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        version: String,
    }
    serde_json::from_str::<Head>(text).is_ok_and(|h| h.version.contains("jsonfeed.org"))
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
        Ok(r) => match r.into_article(format!("{name}:{n}")) {
            Some(a) => out.articles.push(a),
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
    use crate::store::issue::IssueKind;

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
        assert!(
            has("latin1.txt: warning: read as windows-1252 (detected)"),
            "{msgs:?}"
        );
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
    fn metadata_from_datelines_sidecar_and_bad_dates() {
        let d = dir();
        fs::write(
            d.path().join("wire.txt"),
            "Talks go on\n\nMOSCOW, March 5, 2021 (Reuters) - Text.",
        )
        .unwrap();
        fs::write(
            d.path().join("bad.md"),
            "---\ndate: 31/31/2023\nsource: scmp.com\n---\nT\n\nText.",
        )
        .unwrap();
        fs::write(d.path().join("fixed.txt"), "Plain title\n\nText.").unwrap();
        fs::write(
            d.path().join(super::super::sidecar::FILE_NAME),
            "[\"fixed.txt\"]\nsource = \"Xinhua News Agency\"\ndate = \"Sep 19, 2023\"\ntitle = \"Better title\"\n",
        )
        .unwrap();
        let r = load_paths(&[d.path().to_path_buf()]);
        let by = |name: &str| r.articles.iter().find(|a| a.path.ends_with(name)).unwrap();
        let wire = by("wire.txt");
        assert_eq!(wire.meta.source.as_deref(), Some("Reuters"));
        assert_eq!(wire.meta.date.as_deref(), Some("2021-03-05"));
        let bad = by("bad.md");
        assert_eq!(bad.meta.source.as_deref(), Some("South China Morning Post"));
        assert_eq!((bad.date, bad.meta.date.as_deref()), (None, None));
        let fixed = by("fixed.txt");
        assert_eq!(fixed.meta.title, "Better title");
        assert_eq!(fixed.meta.source.as_deref(), Some("Xinhua"));
        assert_eq!(fixed.date.map(|d| d.to_string()).as_deref(), Some("2023-09-19"));
        let msgs: Vec<String> = r.issues.iter().map(|i| i.to_string()).collect();
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(
            msgs[0].contains("bad.md: warning: date left out: no such day: 31/31/2023"),
            "{msgs:?}"
        );
        // the sidecar's own mistakes are said once per load
        fs::write(
            d.path().join(super::super::sidecar::FILE_NAME),
            "[\"fixed.txt\"]\ndate = \"2023-02-30\"\n",
        )
        .unwrap();
        let r = load_paths(&[d.path().to_path_buf()]);
        let msgs: Vec<String> = r.issues.iter().map(|i| i.to_string()).collect();
        assert!(
            msgs.iter().any(|m| m
                .contains("fixed.txt: warning: date left out: no such day: 2023-02-30 (in .readout.toml)")),
            "{msgs:?}"
        );
        let fixed = r.articles.iter().find(|a| a.path.ends_with("fixed.txt")).unwrap();
        assert_eq!(fixed.meta.title, "Plain title");
        // a JSON record's bad date names its line
        let p = d.path().join("feed.jsonl");
        fs::write(
            &p,
            "{\"body\":\"a\",\"date\":\"2023\"}\n{\"body\":\"b\",\"date\":\"later\"}\n",
        )
        .unwrap();
        let r = load_paths(&[p]);
        let msgs: Vec<&str> = r.issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(msgs, ["line 2: date left out: not a date: \"later\""]);
        assert_eq!(r.articles[0].meta.date.as_deref(), Some("2023"));
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
