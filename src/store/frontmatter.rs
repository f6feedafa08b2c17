//! Optional front matter: a block of `key: value` lines between two `---`
//! lines at the very top of a file (the common YAML subset that static site
//! generators write). Known keys: title, source (or outlet, publisher), date,
//! url (or link), author. Other keys are ignored.

use super::Meta;

/// Splits `raw` into its front matter (if any) and the rest of the text.
/// A block with no closing `---` is not front matter.
pub fn split_front_matter(raw: &str) -> (Option<Meta>, &str) {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let Some(after_open) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, raw);
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let block = &after_open[..offset];
            let rest = &after_open[offset + line.len()..];
            return (Some(parse_block(block)), rest);
        }
        offset += line.len();
    }
    (None, raw)
}

/// True when `raw` opens a front matter block (`---` on the first line,
/// a `key: value` line next) that never closes: it is read as text, and
/// the loader says so.
pub fn unclosed(raw: &str) -> bool {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let Some(after) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return false;
    };
    let next_is_key = after
        .lines()
        .next()
        .and_then(|l| l.split_once(':'))
        .is_some_and(|(k, _)| !k.trim().is_empty() && !k.contains(' '));
    next_is_key && split_front_matter(raw).0.is_none()
}

fn parse_block(block: &str) -> Meta {
    let mut meta = Meta::default();
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = value,
            "source" | "outlet" | "publisher" | "site" => meta.source = Some(value),
            "date" | "published" => meta.date = Some(value),
            "url" | "link" => meta.url = Some(value),
            "author" | "byline" => meta.author = Some(value),
            _ => {}
        }
    }
    meta
}

fn unquote(v: &str) -> String {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            let inner = &v[1..v.len() - 1];
            return if q == '"' {
                inner.replace("\\\"", "\"")
            } else {
                inner.replace("''", "'")
            };
        }
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_keys() {
        let (m, rest) = split_front_matter(
            "---\ntitle: \"A: B\"\nsource: SCMP\ndate: 2021-07-12\nurl: https://x.y/z\ntags: [a]\n---\nBody\n",
        );
        let m = m.unwrap();
        assert_eq!(m.title, "A: B");
        assert_eq!(m.source.as_deref(), Some("SCMP"));
        assert_eq!(m.date.as_deref(), Some("2021-07-12"));
        assert_eq!(m.url.as_deref(), Some("https://x.y/z"));
        assert_eq!(rest, "Body\n");
    }

    #[test]
    fn no_front_matter() {
        let (m, rest) = split_front_matter("Title\n---\nbody");
        assert!(m.is_none());
        assert_eq!(rest, "Title\n---\nbody");
    }

    #[test]
    fn unclosed_block_is_text() {
        let (m, rest) = split_front_matter("---\ntitle: x\nno end");
        assert!(m.is_none());
        assert_eq!(rest, "---\ntitle: x\nno end");
    }

    #[test]
    fn unclosed_is_told_apart() {
        assert!(unclosed("---\ntitle: x\nno end"));
        assert!(!unclosed("---\ntitle: x\n---\nbody"));
        assert!(!unclosed("---\nA rule, then text\n"));
        assert!(!unclosed("Title\n---\n"));
    }

    #[test]
    fn crlf_and_bom() {
        let (m, rest) = split_front_matter("\u{feff}---\r\ntitle: T\r\n---\r\nB");
        assert_eq!(m.unwrap().title, "T");
        assert_eq!(rest, "B");
    }

    #[test]
    fn single_quotes_and_empty_values() {
        let (m, _) = split_front_matter("---\ntitle: 'It''s'\nsource:\n---\n");
        let m = m.unwrap();
        assert_eq!(m.title, "It's");
        assert_eq!(m.source, None);
    }
}
