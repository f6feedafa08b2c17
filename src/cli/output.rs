//! How the headless commands print their records: tab-separated text with
//! a header row (the default), `--json` (an array), or `--csv` (a header
//! row, then the same fields as `--json`). Each command's record type
//! implements [`Table`] once; [`write`] does the rest (the app's export
//! writes the same records, [`crate::export`]).

use std::io::{self, BufWriter, Write};

/// The output format the flags ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

impl Format {
    /// From a command's `--json` and `--csv` flags (clap keeps them apart).
    pub fn of(json: bool, csv: bool) -> Format {
        match (json, csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Text,
        }
    }

    /// JSON or CSV: every field is printed.
    pub fn is_data(self) -> bool {
        self != Format::Text
    }
}

pub use crate::export::Table;

/// Prints `items` in `format` on stdout. Text and CSV get a header row (text
/// only when there are rows: no match prints nothing; `--json` prints `[]`).
pub fn write<T: Table>(format: Format, items: &[T]) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    write_to(&mut out, format, items)?;
    out.flush()?;
    Ok(())
}

/// [`write`] to any writer.
pub fn write_to<T: Table>(out: &mut impl Write, format: Format, items: &[T]) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, items)?;
            writeln!(out)?;
        }
        Format::Csv => crate::export::write_csv(out, items)?,
        Format::Text => {
            if !items.is_empty() {
                writeln!(out, "{}", T::TEXT_HEADER.join("\t"))?;
            }
            for item in items {
                writeln!(out, "{}", item.text_row().join("\t"))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
pub use crate::export::assert_fields;

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::borrow::Cow;

    #[derive(Serialize)]
    struct Row {
        name: &'static str,
        n: usize,
        list: Vec<&'static str>,
        maybe: Option<&'static str>,
        flag: bool,
    }

    impl Table for Row {
        const FIELDS: &'static [&'static str] = &["name", "n", "list", "maybe", "flag"];
        const TEXT_HEADER: &'static [&'static str] = &["name", "n"];
        fn text_row(&self) -> Vec<Cow<'_, str>> {
            vec![self.name.into(), self.n.to_string().into()]
        }
    }

    fn rows() -> Vec<Row> {
        vec![
            Row {
                name: "a, \"quoted\"",
                n: 1,
                list: vec!["x", "y"],
                maybe: None,
                flag: true,
            },
            Row {
                name: "line\nbreak",
                n: 22,
                list: vec![],
                maybe: Some("m"),
                flag: false,
            },
        ]
    }

    fn printed(format: Format, items: &[Row]) -> String {
        let mut out = Vec::new();
        write_to(&mut out, format, items).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_has_a_header_and_quotes_what_needs_it() {
        assert_eq!(
            printed(Format::Csv, &rows()),
            "name,n,list,maybe,flag\n\"a, \"\"quoted\"\"\",1,x; y,,true\n\"line\nbreak\",22,,m,false\n"
        );
        // no rows: the header alone
        assert_eq!(printed(Format::Csv, &[]), "name,n,list,maybe,flag\n");
    }

    #[test]
    fn text_has_a_header_when_there_are_rows() {
        assert_eq!(printed(Format::Text, &rows()[..1]), "name\tn\na, \"quoted\"\t1\n");
        assert_eq!(printed(Format::Text, &[]), "");
        assert_eq!(printed(Format::Json, &[]), "[]\n");
    }

    #[test]
    fn fields_match_the_json() {
        assert_fields(&rows()[0]);
        assert_eq!(Format::of(true, false), Format::Json);
        assert_eq!(Format::of(false, true), Format::Csv);
        assert!(!Format::of(false, false).is_data());
    }
}
