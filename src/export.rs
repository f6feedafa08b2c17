//! Taking things out: records written as CSV, JSON or Markdown, the same
//! bytes every time for the same records, to a file that is never
//! overwritten unless asked. The headless commands print through the same
//! [`Table`] records (`--csv`, `--json`); the app's export asks for a file
//! name with [`suggest_path`] and writes with [`save`].

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

mod records;

pub use records::{ArticleRecord, KwicRecord, PassageRecord, PhraseRecord, QuoteRecord, SpeakerRecord};

/// Serialises a file name as the text output prints it: control
/// characters, C1 controls and bidirectional overrides as visible escapes.
pub fn escaped<S: serde::Serializer>(name: &str, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(&crate::store::escape_controls(name))
}

/// [`escaped`] for a list of file names.
pub fn escaped_all<S: serde::Serializer>(names: &[&str], ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_seq(names.iter().map(|n| crate::store::escape_controls(n)))
}

// the tables of the survey views, the stories and the tags pane, shared
// with the headless commands
mod views;

pub use views::{
    KeynessRow, OutletCell, StoryArticle, StoryArticleRow, StoryItem, StoryRecord, TagRecord, TimelineCell,
    kind_name, pct,
};

/// A record the headless commands print and the app exports.
pub trait Table: Serialize {
    /// Its JSON fields, in the order they are CSV and Markdown columns
    /// (checked against the JSON in tests).
    const FIELDS: &'static [&'static str];
    /// The columns of the tab-separated text.
    const TEXT_HEADER: &'static [&'static str];
    /// The record as text columns (already safe for a terminal).
    fn text_row(&self) -> Vec<Cow<'_, str>>;
}

/// Checks that a record's [`Table::FIELDS`] are exactly its JSON fields
/// (give it a record with every optional field set).
#[cfg(test)]
pub fn assert_fields<T: Table>(item: &T) {
    let value = serde_json::to_value(item).unwrap();
    let mut json: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    let mut fields = T::FIELDS.to_vec();
    json.sort_unstable();
    fields.sort_unstable();
    assert_eq!(fields, json);
    assert_eq!(T::TEXT_HEADER.len(), item.text_row().len());
}

/// A file format for exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    Markdown,
}

impl ExportFormat {
    /// From a file name's extension (`.csv`, `.json`, `.md`/`.markdown`).
    pub fn of_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "md" | "markdown" => Some(ExportFormat::Markdown),
            _ => None,
        }
    }

    /// Every format, in the order the export prompt offers them.
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Csv, ExportFormat::Json, ExportFormat::Markdown];

    /// Its name for people: "CSV", "JSON", "Markdown".
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
            ExportFormat::Markdown => "Markdown",
        }
    }

    /// The next one in [`ExportFormat::ALL`], round.
    pub fn next(self) -> ExportFormat {
        match self {
            ExportFormat::Csv => ExportFormat::Json,
            ExportFormat::Json => ExportFormat::Markdown,
            ExportFormat::Markdown => ExportFormat::Csv,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{} exists; choose another name or allow overwriting", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot encode the records: {0}")]
    Encode(String),
    /// Writing to the output failed (a closed pipe, a full disk).
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

impl ExportError {
    /// The output was closed early (`readout list --csv | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, ExportError::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn csv_error(e: csv::Error) -> ExportError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ExportError::Write(io),
        other => ExportError::Encode(format!("{other:?}")),
    }
}

fn json_error(e: serde_json::Error) -> ExportError {
    match e.io_error_kind() {
        Some(kind) => ExportError::Write(std::io::Error::new(kind, e)),
        None => ExportError::Encode(e.to_string()),
    }
}

/// A record's cells: its JSON fields in [`Table::FIELDS`] order; a list is
/// joined with "; ", null is empty, an object stays JSON.
pub fn cells<T: Table>(item: &T) -> Result<Vec<String>, ExportError> {
    let value = serde_json::to_value(item).map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(T::FIELDS.iter().map(|f| cell(&value[*f])).collect())
}

fn cell(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("; "),
        Value::Bool(_) | Value::Number(_) | Value::Object(_) => v.to_string(),
    }
}

/// CSV: a header row (always), then a row per record.
pub fn write_csv<T: Table>(out: &mut impl Write, items: &[T]) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(T::FIELDS).map_err(csv_error)?;
    for item in items {
        w.write_record(cells(item)?).map_err(csv_error)?;
    }
    Ok(w.flush()?)
}

/// JSON: a pretty-printed array and a newline.
pub fn write_json<T: Table>(out: &mut impl Write, items: &[T]) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, items).map_err(json_error)?;
    Ok(writeln!(out)?)
}

/// Markdown: a `# title` line, then a table (`|` escaped, line breaks as
/// `<br>`, so every record is one table row).
pub fn write_markdown<T: Table>(out: &mut impl Write, title: &str, items: &[T]) -> Result<(), ExportError> {
    let io = ExportError::Write;
    let md = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace("\r\n", "<br>")
            .replace(['\n', '\r'], "<br>")
    };
    if !title.trim().is_empty() {
        writeln!(out, "# {}\n", md(title.trim())).map_err(io)?;
    }
    writeln!(out, "| {} |", T::FIELDS.join(" | ")).map_err(io)?;
    writeln!(out, "|{}", "---|".repeat(T::FIELDS.len())).map_err(io)?;
    for item in items {
        let row: Vec<String> = cells(item)?.iter().map(|c| md(c)).collect();
        writeln!(out, "| {} |", row.join(" | ")).map_err(io)?;
    }
    Ok(())
}

/// The bytes of an export.
pub fn render<T: Table>(format: ExportFormat, title: &str, items: &[T]) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    match format {
        ExportFormat::Csv => write_csv(&mut out, items)?,
        ExportFormat::Json => write_json(&mut out, items)?,
        ExportFormat::Markdown => write_markdown(&mut out, title, items)?,
    }
    Ok(out)
}

/// Writes `bytes` to `path`. Without `overwrite`, an existing file is an
/// error and is left as it was (the file is created only if absent, in
/// one step). With it, the new bytes go to a temporary file beside it that
/// then replaces it, so a failed write never leaves half a file.
pub fn save(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !overwrite {
        let mut f = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(ExportError::Exists(path.to_path_buf()));
            }
            Err(e) => return Err(io(e)),
        };
        return f.write_all(bytes).and_then(|()| f.sync_all()).map_err(io);
    }
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.readout-tmp"));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(io)
}

/// What a view shows, ready to write in any format: its records (of any
/// [`Table`] type, borrowed from the articles), how many, what they are
/// ("quotes") and what narrowed them (the file name's default is made of
/// both), and a title for the Markdown heading.
pub struct ExportTable<'a> {
    /// What the rows are, for file names and messages ("articles", "kwic").
    pub what: &'static str,
    /// What narrowed them (a query, a phrase, a speaker), for file names.
    pub query: String,
    /// The Markdown heading.
    pub title: String,
    rows: Box<dyn Rows + 'a>,
}

/// Records of one [`Table`] type, behind a trait object.
trait Rows {
    fn len(&self) -> usize;
    fn render(&self, format: ExportFormat, title: &str) -> Result<Vec<u8>, ExportError>;
}

impl<T: Table> Rows for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn render(&self, format: ExportFormat, title: &str) -> Result<Vec<u8>, ExportError> {
        render(format, title, self)
    }
}

impl<'a> ExportTable<'a> {
    pub fn new<T: Table + 'a>(
        what: &'static str,
        query: impl Into<String>,
        title: impl Into<String>,
        rows: Vec<T>,
    ) -> Self {
        ExportTable {
            what,
            query: query.into(),
            title: title.into(),
            rows: Box::new(rows),
        }
    }

    /// What the records are, for people: "concordance lines" for "kwic".
    pub fn noun(&self) -> &'static str {
        match self.what {
            "kwic" => "concordance lines",
            "compare" => "shared passages",
            "outlets" => "outlet cells",
            "keyness" => "key terms",
            "timeline" => "timeline cells",
            "story" => "articles",
            what => what,
        }
    }

    /// How many records of what, for people: "1 article", "3 quotes".
    pub fn counted(&self) -> String {
        let n = self.len();
        let noun = self.noun();
        if n != 1 {
            return format!("{n} {noun}");
        }
        // the singular of each view's noun ("stories" → "story")
        let one = match noun.strip_suffix("ies") {
            Some(stem) => format!("{stem}y"),
            None => noun.strip_suffix('s').unwrap_or(noun).to_string(),
        };
        format!("1 {one}")
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.len() == 0
    }

    /// The bytes of the export in `format`.
    pub fn render(&self, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
        self.rows.render(format, &self.title)
    }

    /// A new file name for it in `dir` ([`suggest_path`]).
    pub fn suggest_path(&self, dir: &Path, format: ExportFormat) -> PathBuf {
        suggest_path(dir, self.what, &self.query, format)
    }
}

impl std::fmt::Debug for ExportTable<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportTable")
            .field("what", &self.what)
            .field("query", &self.query)
            .field("rows", &self.len())
            .finish()
    }
}

/// A file name for an export of `what` (the view: "articles", "quotes")
/// narrowed by `query`, in `dir`, that does not exist yet:
/// `readout-articles-rock-solid.csv`, then `...-2.csv`.
pub fn suggest_path(dir: &Path, what: &str, query: &str, format: ExportFormat) -> PathBuf {
    let mut stem = format!("readout-{}", slug(what));
    let q = slug(query);
    if !q.is_empty() {
        stem.push('-');
        stem.push_str(&q);
    }
    let ext = format.extension();
    let first = dir.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..10_000)
        .map(|n| dir.join(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Lowercase letters and digits of any script, runs of anything else as
/// one `-`, at most 40 characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.chars().take(40).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        name: &'static str,
        n: usize,
        list: Vec<&'static str>,
        maybe: Option<&'static str>,
    }

    impl Table for Row {
        const FIELDS: &'static [&'static str] = &["name", "n", "list", "maybe"];
        const TEXT_HEADER: &'static [&'static str] = &["name"];
        fn text_row(&self) -> Vec<Cow<'_, str>> {
            vec![self.name.into()]
        }
    }

    fn rows() -> Vec<Row> {
        vec![
            Row {
                name: "Wang | Yi",
                n: 3,
                list: vec!["a", "b"],
                maybe: None,
            },
            Row {
                name: "two\nlines, \"quoted\"",
                n: 10,
                list: vec![],
                maybe: Some("m"),
            },
        ]
    }

    fn text(format: ExportFormat) -> String {
        String::from_utf8(render(format, "Quotes: wang", &rows()).unwrap()).unwrap()
    }

    #[test]
    fn csv_bytes() {
        assert_eq!(
            text(ExportFormat::Csv),
            "name,n,list,maybe\nWang | Yi,3,a; b,\n\"two\nlines, \"\"quoted\"\"\",10,,m\n"
        );
    }

    #[test]
    fn json_bytes() {
        assert_eq!(
            text(ExportFormat::Json),
            "[\n  {\n    \"name\": \"Wang | Yi\",\n    \"n\": 3,\n    \"list\": [\n      \"a\",\n      \"b\"\n    ],\n    \"maybe\": null\n  },\n  {\n    \"name\": \"two\\nlines, \\\"quoted\\\"\",\n    \"n\": 10,\n    \"list\": [],\n    \"maybe\": \"m\"\n  }\n]\n"
        );
    }

    #[test]
    fn markdown_bytes() {
        assert_eq!(
            text(ExportFormat::Markdown),
            "# Quotes: wang\n\n| name | n | list | maybe |\n|---|---|---|---|\n| Wang \\| Yi | 3 | a; b |  |\n| two<br>lines, \"quoted\" | 10 |  | m |\n"
        );
    }

    #[test]
    fn the_same_records_give_the_same_bytes() {
        for f in [ExportFormat::Csv, ExportFormat::Json, ExportFormat::Markdown] {
            assert_eq!(text(f), text(f));
        }
    }

    #[test]
    fn never_overwrites_without_being_asked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        save(&p, b"first", false).unwrap();
        let e = save(&p, b"second", false).unwrap_err();
        assert!(matches!(e, ExportError::Exists(_)), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
        save(&p, b"second", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second");
        // nothing left beside it
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // a folder that does not exist is an error, not a panic
        assert!(matches!(
            save(&dir.path().join("no/such/x.csv"), b"x", false),
            Err(ExportError::Io { .. })
        ));
    }

    #[test]
    fn suggested_names_are_new() {
        let dir = tempfile::tempdir().unwrap();
        let p = suggest_path(
            dir.path(),
            "articles",
            "\"rock solid\" @Лавров",
            ExportFormat::Csv,
        );
        assert_eq!(p, dir.path().join("readout-articles-rock-solid-лавров.csv"));
        std::fs::write(&p, "x").unwrap();
        let q = suggest_path(
            dir.path(),
            "articles",
            "\"rock solid\" @Лавров",
            ExportFormat::Csv,
        );
        assert_eq!(q, dir.path().join("readout-articles-rock-solid-лавров-2.csv"));
        assert_eq!(
            suggest_path(dir.path(), "quotes", "", ExportFormat::Markdown),
            dir.path().join("readout-quotes.md")
        );
        assert_eq!(slug(&"x".repeat(80)).len(), 40);
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }

    #[derive(Serialize)]
    struct Free {
        a: String,
        b: String,
    }

    impl Table for Free {
        const FIELDS: &'static [&'static str] = &["a", "b"];
        const TEXT_HEADER: &'static [&'static str] = &["a"];
        fn text_row(&self) -> Vec<Cow<'_, str>> {
            vec![self.a.as_str().into()]
        }
    }

    proptest::proptest! {
        /// Whatever the text, CSV reads back to the same cells and every
        /// Markdown record stays one table row of two cells.
        #[test]
        fn any_text_round_trips(a in "\\PC*", b in "[a-z,\"|\\\n\r ]*") {
            let items = [Free { a: a.clone(), b: b.clone() }];
            let bytes = render(ExportFormat::Csv, "", &items).unwrap();
            let mut r = csv::ReaderBuilder::new().from_reader(&bytes[..]);
            let rec = r.records().next().unwrap().unwrap();
            proptest::prop_assert_eq!(&rec[0], a.as_str());
            proptest::prop_assert_eq!(&rec[1], b.as_str());
            let md = String::from_utf8(render(ExportFormat::Markdown, "", &items).unwrap()).unwrap();
            let lines: Vec<&str> = md.lines().collect();
            proptest::prop_assert_eq!(lines.len(), 3);
            // cell separators: pipes not escaped by a backslash
            let row = lines[2];
            let mut seps = 0;
            let mut escaped = false;
            for c in row.chars() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '|' if !escaped => seps += 1,
                    _ => escaped = false,
                }
            }
            proptest::prop_assert_eq!(seps, 3, "{}", row);
        }
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(ExportFormat::of_path(Path::new("a.CSV")), Some(ExportFormat::Csv));
        assert_eq!(
            ExportFormat::of_path(Path::new("a.markdown")),
            Some(ExportFormat::Markdown)
        );
        assert_eq!(ExportFormat::of_path(Path::new("a.txt")), None);
    }

    #[test]
    fn counts_read_in_the_singular_for_one() {
        let rows = |n: usize| vec![QuoteStub; n];
        assert_eq!(
            ExportTable::new("compare", "", "", rows(1)).counted(),
            "1 shared passage"
        );
        assert_eq!(
            ExportTable::new("kwic", "", "", rows(2)).counted(),
            "2 concordance lines"
        );
        assert_eq!(ExportTable::new("stories", "", "", rows(1)).counted(), "1 story");
        assert_eq!(
            ExportTable::new("keyness", "", "", rows(1)).counted(),
            "1 key term"
        );
        assert_eq!(
            ExportTable::new("timeline", "", "", rows(1)).counted(),
            "1 timeline cell"
        );
        assert_eq!(
            ExportTable::new("articles", "", "", rows(1)).counted(),
            "1 article"
        );
        assert_eq!(
            ExportTable::new("articles", "", "", rows(0)).counted(),
            "0 articles"
        );
    }

    #[derive(Clone, Serialize)]
    struct QuoteStub;

    impl Table for QuoteStub {
        const FIELDS: &'static [&'static str] = &[];
        const TEXT_HEADER: &'static [&'static str] = &[];
        fn text_row(&self) -> Vec<Cow<'_, str>> {
            Vec::new()
        }
    }
}
