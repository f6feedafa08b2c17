//! Article text is untrusted: nothing from a file may reach the terminal as
//! a control sequence. Sanitising happens once, at load, so every later
//! consumer (analysis, the TUI, headless output) sees safe text.

use std::borrow::Cow;

/// Returns `text` with line ends made `\n`, tabs made spaces, terminal escape
/// sequences (CSI, OSC, DCS and two-byte ESC sequences) removed, and every
/// other control character (C0 but `\n`, DEL, C1), bidirectional override
/// and byte-order mark removed.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !may_need_work(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                // \r\n → \n; a lone \r is a line end too
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push_str("    "),
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI and OSC/DCS/SOS/PM/APC introducers: skip the sequence too
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Returns `text` with every control character, bidirectional override and
/// byte-order mark written as a visible escape (`\u{1b}`): for file names,
/// which are shown as they are, never cleaned, so that they still name the file.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) || c == '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) || c == '\n' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True when [`sanitize`] would return `text` unchanged.
pub fn is_clean(text: &str) -> bool {
    !may_need_work(text.as_bytes())
}

/// A fast byte scan: false means the text is certainly clean. It looks for
/// C0 controls but `\n`, DEL, and the UTF-8 encodings of C1 controls
/// (C2 80..9F), bidi marks and overrides (E2 80 8E/8F/AA..AE, E2 81 A6..A9),
/// the Arabic letter mark (D8 9C) and the BOM (EF BB BF).
fn may_need_work(b: &[u8]) -> bool {
    // ASCII controls: a branch-free pass the compiler vectorises
    let ascii = b
        .iter()
        .fold(false, |acc, &x| acc | ((x < 0x20) & (x != b'\n')) | (x == 0x7f));
    if ascii {
        return true;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    // multi-byte: find each possible lead byte, then look closer
    let lead_hit = |i: usize| match b[i] {
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        0xd8 => at(i + 1) == 0x9c,
        0xe2 => {
            let (y, z) = (at(i + 1), at(i + 2));
            (y == 0x80 && (matches!(z, 0x8e | 0x8f) || (0xaa..=0xae).contains(&z)))
                || (y == 0x81 && (0xa6..=0xa9).contains(&z))
        }
        0xef => at(i + 1) == 0xbb && at(i + 2) == 0xbf,
        _ => false,
    };
    memchr::memchr3_iter(0xc2, 0xd8, 0xef, b).any(lead_hit) || memchr::memchr_iter(0xe2, b).any(lead_hit)
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{feff}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // ESC followed by intermediates then a final byte: ESC ( B, ESC 7 ...
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            chars.next();
            if ('\u{20}'..='\u{2f}').contains(&c) {
                while let Some(&n) = chars.peek() {
                    chars.next();
                    if !('\u{20}'..='\u{2f}').contains(&n) {
                        break;
                    }
                }
            }
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte in 0x40..=0x7e.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// OSC/DCS/...: everything up to BEL or ST (ESC \ or U+9C); a string that never
/// ends is dropped to the end of the line, so the text after it survives.
fn skip_string(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_show_controls_as_escapes() {
        assert_eq!(escape_controls("plain/name.txt"), "plain/name.txt");
        assert_eq!(
            escape_controls("evil\u{1b}]0;pwned\u{7}\u{202e}a\nb.txt"),
            "evil\\u{1b}]0;pwned\\u{7}\\u{202e}a\\u{a}b.txt"
        );
    }

    fn clean(s: &str) -> String {
        sanitize(s).into_owned()
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            sanitize("Wang Yi said “rock solid”.\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn strips_csi_sequences() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("\u{1b}[2J\u{1b}[Hcleared"), "cleared");
    }

    #[test]
    fn strips_osc_title_and_hyperlinks() {
        assert_eq!(clean("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(clean("\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\"), "link");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(clean("a\u{1b}]0;never ends\nnext"), "a\nnext");
    }

    #[test]
    fn strips_c1_and_c0_controls() {
        assert_eq!(clean("a\u{9b}31mb\u{7}c\u{8}d\u{0}e\u{7f}f\u{85}g"), "abcdefg");
    }

    #[test]
    fn line_ends_and_tabs() {
        assert_eq!(clean("a\r\nb\rc\td"), "a\nb\nc    d");
    }

    #[test]
    fn bidi_overrides_removed() {
        assert_eq!(clean("abc\u{202e}fed\u{2066}x"), "abcfedx");
    }

    #[test]
    fn lone_escape_at_end() {
        assert_eq!(clean("end\u{1b}"), "end");
        assert_eq!(clean("end\u{1b}["), "end");
    }

    #[test]
    fn fast_scan_agrees_with_the_char_rules() {
        let samples = [
            "plain “curly” text — dashes – and ’quotes’",
            "bom\u{feff}here",
            "lrm\u{200e}",
            "rlo\u{202e}",
            "lri\u{2066}",
            "alm\u{061c}",
            "c1\u{85}",
            "tab\there",
            "ok\n",
        ];
        for s in samples {
            let slow = s.chars().any(|c| c == '\r' || c == '\t' || is_unsafe(c));
            assert_eq!(may_need_work(s.as_bytes()), slow, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_comes_out_without_controls(s in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\\u{1b}\\[\\]0-9;m\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]){0,120}") {
            let out = sanitize(&s);
            proptest::prop_assert!(out.chars().all(|c| c == '\n' || !is_unsafe(c)), "{:?}", out);
            proptest::prop_assert!(!out.contains('\x1b'), "escape left in {:?}", out);
            // clean text is left as it is
            proptest::prop_assert_eq!(is_clean(&s), matches!(sanitize(&s), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn never_leaves_a_control_char() {
        let nasty: String = (0u32..0x110).filter_map(char::from_u32).collect();
        let out = clean(&nasty);
        assert!(out.chars().all(|c| c == '\n' || !c.is_control()), "{out:?}");
    }
}
