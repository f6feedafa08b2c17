//! Emoji sequences drawn the width every terminal draws them.
//!
//! ratatui gives a grapheme the width Unicode says its sequence has: a
//! thumbs-up with a skin tone (👍🏽), a family joined by zero-width joiners
//! (👨‍👩‍👧) or a heart asking for emoji presentation (❤️) take two columns.
//! Many terminals (xterm, tmux, the Linux console) draw each code point of
//! such a sequence on its own instead: four, six and one columns. The rest
//! of the line then lands where ratatui does not expect it, and what it
//! believes unchanged is never drawn again: a stray "🏽" stays on screen.
//!
//! So a cell whose sequence is wider or narrower drawn code point by code
//! point than as a whole keeps only its first code point (👍, 👨, ❤), which
//! every terminal draws as wide as ratatui counts it. Text elsewhere is
//! untouched; only what reaches the terminal changes.
//!
//! Also: cutting text to a width.

use ratatui::buffer::Buffer;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Makes every cell of `buf` one that terminals agree on the width of.
pub fn agree(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        // one code point (most cells): nothing to disagree about
        if symbol.len() <= 1 || symbol.chars().nth(1).is_none() {
            continue;
        }
        if let Some(safe) = agreed(symbol) {
            cell.set_symbol(&safe);
        }
    }
}

/// The symbol to draw instead of `symbol`, when terminals may draw it at
/// another width than the sequence's.
fn agreed(symbol: &str) -> Option<String> {
    let whole = symbol.width();
    let each: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
    if whole == each {
        return None;
    }
    let first = symbol.chars().next()?;
    let w = first.width().unwrap_or(0);
    Some(if w == 0 || w > whole {
        " ".repeat(whole.max(1))
    } else {
        first.to_string()
    })
}

/// `s` in at most `width` columns, ending in "…" when cut.
pub fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` in exactly `width` columns: cut as [`cut`] does, else padded with
/// spaces (counted in columns, so a wide character takes two).
pub fn pad(s: &str, width: usize) -> String {
    let mut out = cut(s, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn cutting_keeps_whole_chars_and_marks_the_cut() {
        assert_eq!(cut("Report from Beijing", 40), "Report from Beijing");
        assert_eq!(cut("Report from Beijing", 7), "Report…");
        assert_eq!(cut("王毅说中俄", 5), "王毅…");
        assert_eq!(cut("abc", 0), "");
        assert_eq!(cut("日本語", 4), "日…");
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("RT", 5), "RT   ");
        assert_eq!(pad("新华社", 8), "新华社  ");
        assert_eq!(pad("新华社通讯", 8), "新华社… ");
        assert_eq!(pad("South China Morning Post", 10), "South Chi…");
        assert_eq!(pad("abc", 0), "");
        for s in [
            "RT",
            "新华社",
            "新华社通讯社",
            "a\u{301}bc",
            "South China Morning Post",
        ] {
            for w in 0..12 {
                assert_eq!(pad(s, w).width(), w, "{s:?} {w}");
            }
        }
    }

    #[test]
    fn sequences_keep_their_first_code_point() {
        assert_eq!(agreed("👍🏽").as_deref(), Some("👍"));
        assert_eq!(agreed("👨\u{200d}👩\u{200d}👧").as_deref(), Some("👨"));
        assert_eq!(agreed("❤\u{fe0f}").as_deref(), Some("❤"));
        assert_eq!(agreed("1\u{fe0f}\u{20e3}").as_deref(), Some("1"));
    }

    #[test]
    fn text_terminals_agree_on_stays() {
        for s in ["é", "e\u{301}", "王", "🇫🇷", "👍", "क\u{94d}\u{200d}ष"] {
            assert_eq!(agreed(s), None, "{s:?}");
        }
    }

    #[test]
    fn every_cell_of_a_buffer_is_made_agreeable() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        buf.set_string(
            0,
            0,
            "ok 👍🏽 and ❤\u{fe0f} 👨\u{200d}👩\u{200d}👧 end",
            ratatui::style::Style::new(),
        );
        agree(&mut buf);
        // a terminal drawing code point by code point moves as far as
        // ratatui counts, cell after cell
        for cell in &buf.content {
            let s = cell.symbol();
            let each: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(s.width(), each, "{s:?}");
        }
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.starts_with("ok 👍"), "{text}");
        assert!(text.contains("end"), "{text}");
    }
}
