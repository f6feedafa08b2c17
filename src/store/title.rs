//! Titles for articles without front matter.

/// The most words a derived title keeps from a first sentence.
const OPENING_WORDS: usize = 12;

/// The title of a text without front matter: its first non-blank line when
/// that reads as a headline, else the opening words of its first sentence.
/// A Markdown heading marker (`# `) is dropped.
pub fn derive_title(body: &str) -> String {
    // a line of only punctuation (`---`, `***`) is a rule, not a title
    let Some(first) = body
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphanumeric))
    else {
        return "(untitled)".to_string();
    };
    // a title is short: a huge first line (a file of one line) is read from its start
    let mut cut = first.len().min(2_000);
    while !first.is_char_boundary(cut) {
        cut -= 1;
    }
    let first = first[..cut].trim_start_matches('#').trim();
    if reads_as_headline(first) {
        return first.to_string();
    }
    opening_words(first)
}

/// Short, no sentence-ending full stop, not a lone fragment.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let chars = line.chars().count();
    (2..=25).contains(&words) && chars <= 160 && !line.ends_with(['.', ',', ';', ':'])
}

fn opening_words(line: &str) -> String {
    // the first sentence: up to ". " (or the whole line)
    let sentence = line
        .match_indices(". ")
        .map(|(i, _)| &line[..i])
        .find(|s| s.split_whitespace().count() >= 3)
        .unwrap_or(line);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= OPENING_WORDS {
        return sentence.trim_end_matches('.').to_string();
    }
    let mut t = words[..OPENING_WORDS].join(" ");
    t = t.trim_end_matches([',', ';', ':']).to_string();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_line() {
        assert_eq!(
            derive_title("\n\nRussia and China meet\nBody text."),
            "Russia and China meet"
        );
    }

    #[test]
    fn markdown_heading() {
        assert_eq!(derive_title("# Rock solid ties\n\ntext"), "Rock solid ties");
    }

    #[test]
    fn long_sentence_gives_opening_words() {
        let t = derive_title(
            "Chinese Foreign Minister Wang Yi emphasized the extraordinary strength and significance of China’s relationship with Russia during a meeting.",
        );
        assert_eq!(
            t,
            "Chinese Foreign Minister Wang Yi emphasized the extraordinary strength and significance of…"
        );
    }

    #[test]
    fn short_sentence_with_full_stop() {
        assert_eq!(
            derive_title("They met today. Then they talked at length."),
            "They met today"
        );
    }

    #[test]
    fn single_word_line_is_not_a_headline() {
        assert_eq!(derive_title("Hello"), "Hello");
    }

    #[test]
    fn a_rule_is_never_the_title() {
        assert_eq!(derive_title("---\ntitle: x\nno end"), "title: x");
        assert_eq!(derive_title("***\n"), "(untitled)");
    }

    #[test]
    fn blank_text() {
        assert_eq!(derive_title("  \n \n"), "(untitled)");
    }
}
