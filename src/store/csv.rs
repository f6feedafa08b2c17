//! Spreadsheet and database exports: CSV and TSV with a header row. The
//! columns are found by name, in any case, with the usual synonyms (a body
//! may be `text`, `content` or `article`; a source `outlet` or `publisher`).
//! Quoted fields may hold newlines. A bad row is reported by its line, and
//! the rest load.

use super::Meta;

/// One row: the line it starts on, and its article's details and text, or
/// what is wrong with it.
pub type Row = (u64, Result<(Meta, String), String>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Body,
    Source,
    Date,
    Url,
    Author,
}

/// The field a header names, if any: lower case, spaces and dashes as `_`.
fn field_of(header: &str) -> Option<Field> {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| match c {
            ' ' | '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Some(match h.as_str() {
        "title" | "headline" | "heading" | "subject" | "article_title" => Field::Title,
        "body" | "text" | "content" | "article" | "full_text" | "fulltext" | "article_text" | "story"
        | "body_text" | "maintext" | "main_text" => Field::Body,
        "source" | "outlet" | "publisher" | "site" | "publication" | "media" | "newspaper"
        | "source_name" | "site_name" | "medium" => Field::Source,
        "date" | "published" | "published_at" | "publish_date" | "pubdate" | "published_date"
        | "date_published" | "datetime" | "timestamp" | "time" | "created_at" => Field::Date,
        "url" | "link" | "uri" | "permalink" | "article_url" | "web_url" => Field::Url,
        "author" | "authors" | "byline" | "writer" | "creator" | "by" => Field::Author,
        _ => return None,
    })
}

/// The delimiter: a tab for `.tsv`; otherwise the first line's most
/// frequent of `,`, `;` and tab (spreadsheets in many locales write `;`).
pub fn delimiter(text: &str, tsv: bool) -> u8 {
    if tsv {
        return b'\t';
    }
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (first.bytes().filter(|&b| b == d).count(), d == b','))
        .unwrap_or(b',')
}

/// The rows of a CSV or TSV text; Err when the header names no body column.
pub fn rows(text: &str, delimiter: u8) -> Result<Vec<Row>, String> {
    // the csv crate counts a CRLF line end as no line: lines as `\n` keep its line numbers right
    let lf;
    let text = if text.contains('\r') {
        lf = text.replace("\r\n", "\n");
        lf.as_str()
    } else {
        text
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let mut columns: Vec<(Field, usize)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(f) = field_of(h)
            && !columns.iter().any(|(g, _)| *g == f)
        {
            columns.push((f, i));
        }
    }
    let Some(body_col) = columns.iter().find(|(f, _)| *f == Field::Body).map(|c| c.1) else {
        let shown: Vec<&str> = headers.iter().take(8).collect();
        return Err(format!(
            "no body, text or content column in the header ({})",
            shown.join(", ")
        ));
    };
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, csv::Position::line);
                let get = |f: Field| {
                    columns
                        .iter()
                        .find(|(g, _)| *g == f)
                        .and_then(|&(_, i)| record.get(i))
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_string)
                };
                let body = record.get(body_col).unwrap_or("").trim();
                if body.is_empty() {
                    out.push((line, Err("no body".to_string())));
                    continue;
                }
                let meta = Meta {
                    title: get(Field::Title).unwrap_or_default(),
                    source: get(Field::Source),
                    date: get(Field::Date),
                    url: get(Field::Url),
                    author: get(Field::Author),
                };
                out.push((line, Ok((meta, body.to_string()))));
            }
            Err(e) => {
                let at = e.position().map_or(line, csv::Position::line);
                let why = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("{len} fields where the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                out.push((at, Err(why)));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_synonyms_in_any_case() {
        assert_eq!(field_of("Headline"), Some(Field::Title));
        assert_eq!(field_of(" FULL TEXT "), Some(Field::Body));
        assert_eq!(field_of("Published-At"), Some(Field::Date));
        assert_eq!(field_of("\u{feff}Outlet"), Some(Field::Source));
        assert_eq!(field_of("Byline"), Some(Field::Author));
        assert_eq!(field_of("Permalink"), Some(Field::Url));
        assert_eq!(field_of("notes"), None);
    }

    #[test]
    fn quoted_newlines_and_bad_rows() {
        let text = "ID,Headline,Text,Outlet,Date\n\
                    1,First,\"Line one.\n\nLine two, with a comma.\",TASS,2024-01-02\n\
                    2,Broken,only three\n\
                    3,No body,,X,2024\n\
                    4,Last,\"Said \"\"rock solid\"\".\",Xinhua,\n";
        let rows = rows(text, b',').unwrap();
        assert_eq!(rows.len(), 4);
        let (line, first) = &rows[0];
        assert_eq!(*line, 2);
        let (m, body) = first.as_ref().unwrap();
        assert_eq!(m.title, "First");
        assert_eq!(m.source.as_deref(), Some("TASS"));
        assert_eq!(body, "Line one.\n\nLine two, with a comma.");
        assert_eq!(rows[1].0, 5, "the line the bad row starts on");
        assert_eq!(rows[1].1.as_ref().unwrap_err(), "3 fields where the header has 5");
        assert_eq!(rows[2], (6, Err("no body".into())));
        let (m, body) = rows[3].1.as_ref().unwrap();
        assert_eq!(body, "Said \"rock solid\".");
        assert_eq!(m.date, None);
    }

    #[test]
    fn crlf_line_numbers() {
        let rows = rows("a,body\r\n1,\"x\r\n\r\ny\"\r\n2,z\r\n", b',').unwrap();
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 5]);
        assert_eq!(rows[0].1.as_ref().unwrap().1, "x\n\ny");
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("title;body;source\n", false), b';');
        assert_eq!(delimiter("title,body\n", false), b',');
        assert_eq!(delimiter("a,b", true), b'\t');
        let rows = rows("Title\tContent\nT\tBody here\n", b'\t').unwrap();
        assert_eq!(rows[0].1.as_ref().unwrap().1, "Body here");
    }

    #[test]
    fn no_body_column() {
        let e = rows("name,age\nx,1\n", b',').unwrap_err();
        assert!(e.starts_with("no body"), "{e}");
    }
}
