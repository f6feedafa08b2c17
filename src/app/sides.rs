//! The compare view's other page (`v`): each side's speakers, with the
//! quotes aligned where one speaker is quoted on both sides (the same quote
//! worded differently, side by side), and the formulas in both, only in A,
//! only in B. Made as lines of text at a width; the UI styles them by kind.

use crate::analysis::sides::{FormulaSides, Side, SpeakerSides};
use crate::app::speakers::one_line;

/// What a line of the page is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideKind {
    /// A section title ("Speakers", "Formulas").
    Heading,
    /// A speaker's name and where they are quoted.
    Speaker,
    /// Quote text.
    Quote,
    /// Explanations, counts, blank lines.
    Dim,
}

/// One line of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideLine {
    pub kind: SideKind,
    pub text: String,
}

fn line(kind: SideKind, text: impl Into<String>) -> SideLine {
    SideLine {
        kind,
        text: text.into(),
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Both => "quoted in both",
        Side::OnlyA => "only in A",
        Side::OnlyB => "only in B",
    }
}

/// Pads `s` with spaces to `w` columns (it is at most that wide).
fn pad(s: &str, w: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(used)))
}

/// The page at `width` columns: speakers (from
/// [`sides::speakers`](crate::analysis::sides::speakers)) then formulas
/// ([`sides::formulas`](crate::analysis::sides::formulas)), texts taken
/// from the bodies `a` and `b`.
pub fn side_lines(
    a: &str,
    b: &str,
    speakers: &[SpeakerSides],
    formulas: &[FormulaSides],
    width: usize,
) -> Vec<SideLine> {
    let width = width.max(20);
    let mut out = vec![line(SideKind::Heading, "Speakers")];
    if speakers.is_empty() {
        out.push(line(SideKind::Dim, "nobody is quoted on either side"));
    }
    // two columns: "A text │ B text"
    let col = (width.saturating_sub(3) / 2).max(8);
    let wrap = |t: &str, w: usize| -> Vec<String> {
        textwrap::wrap(&one_line(t), w)
            .into_iter()
            .map(|c| c.into_owned())
            .collect()
    };
    for s in speakers {
        out.push(line(SideKind::Dim, ""));
        out.push(line(
            SideKind::Speaker,
            format!(
                "{} · {} · A {} quote{}, B {}",
                s.speaker,
                side_name(s.side),
                s.a.len(),
                if s.a.len() == 1 { "" } else { "s" },
                s.b.len()
            ),
        ));
        for al in &s.aligned {
            let (Some(qa), Some(qb)) = (s.a.get(al.a), s.b.get(al.b)) else {
                continue;
            };
            out.push(line(
                SideKind::Dim,
                format!("  aligned ({:.0}% of the words shared):", al.score * 100.0),
            ));
            let la = wrap(a.get(qa.range.clone()).unwrap_or(""), col);
            let lb = wrap(b.get(qb.range.clone()).unwrap_or(""), col);
            for i in 0..la.len().max(lb.len()) {
                let x = la.get(i).map_or("", String::as_str);
                let y = lb.get(i).map_or("", String::as_str);
                out.push(line(SideKind::Quote, format!("{} │ {y}", pad(x, col))));
            }
        }
        // the quotes not aligned, each side's under its letter
        for (letter, text, quotes, taken) in [
            ("A", a, &s.a, s.aligned.iter().map(|x| x.a).collect::<Vec<_>>()),
            ("B", b, &s.b, s.aligned.iter().map(|x| x.b).collect::<Vec<_>>()),
        ] {
            for (i, q) in quotes.iter().enumerate() {
                if taken.contains(&i) {
                    continue;
                }
                let lines = wrap(
                    text.get(q.range.clone()).unwrap_or(""),
                    width.saturating_sub(4).max(8),
                );
                for (k, l) in lines.into_iter().enumerate() {
                    let lead = if k == 0 {
                        format!("  {letter} ")
                    } else {
                        "    ".into()
                    };
                    out.push(line(SideKind::Quote, format!("{lead}{l}")));
                }
            }
        }
    }
    out.push(line(SideKind::Dim, ""));
    out.push(line(SideKind::Heading, "Formulas"));
    if formulas.is_empty() {
        out.push(line(
            SideKind::Dim,
            "no phrase family or mined phrase on either side",
        ));
    }
    for side in [Side::Both, Side::OnlyA, Side::OnlyB] {
        let here: Vec<&FormulaSides> = formulas.iter().filter(|f| f.side == side).collect();
        if here.is_empty() {
            continue;
        }
        let title = match side {
            Side::Both => "in both",
            Side::OnlyA => "only in A",
            Side::OnlyB => "only in B",
        };
        out.push(line(SideKind::Speaker, format!("{title} ({})", here.len())));
        for f in here {
            let kind = if f.curated { "family" } else { "mined" };
            out.push(line(
                SideKind::Quote,
                format!("  {} · {kind} · A {} · B {}", f.label, f.a.len(), f.b.len()),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sides::{AlignedQuote, SideQuote};
    use crate::analysis::speakers::QuoteKind;

    #[test]
    fn aligned_quotes_sit_side_by_side_and_formulas_by_side() {
        let a = "Bereth said: \"We will build the bridge together.\"";
        let b = "\"Together we shall build that bridge,\" Bereth said.";
        let qa = a.find("We").unwrap()..a.rfind('.').unwrap() + 1;
        let qb = b.find("Together").unwrap()..b.find(',').unwrap();
        let speakers = vec![SpeakerSides {
            speaker: "Ruslan Bereth".into(),
            side: Side::Both,
            a: vec![SideQuote {
                range: qa,
                kind: QuoteKind::Direct,
            }],
            b: vec![SideQuote {
                range: qb,
                kind: QuoteKind::Direct,
            }],
            aligned: vec![AlignedQuote {
                a: 0,
                b: 0,
                score: 0.75,
            }],
        }];
        let formulas = vec![
            FormulaSides {
                label: "win-win".into(),
                curated: true,
                side: Side::OnlyB,
                a: vec![],
                b: std::iter::once(0..7).collect(),
            },
            FormulaSides {
                label: "rock solid".into(),
                curated: true,
                side: Side::Both,
                a: std::iter::once(0..5).collect(),
                b: std::iter::once(0..5).collect(),
            },
        ];
        let lines = side_lines(a, b, &speakers, &formulas, 60);
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            text.contains(&"Ruslan Bereth · quoted in both · A 1 quote, B 1"),
            "{text:#?}"
        );
        let pair = lines
            .iter()
            .find(|l| l.kind == SideKind::Quote && l.text.contains('│'))
            .unwrap();
        let (left, right) = pair.text.split_once(" │ ").unwrap();
        assert!(left.starts_with("We will build"), "{left}");
        assert!(right.starts_with("Together we shall"), "{right}");
        let both = text.iter().position(|t| t.starts_with("in both")).unwrap();
        let only_b = text.iter().position(|t| t.starts_with("only in B")).unwrap();
        assert!(both < only_b);
        assert!(text[both + 1].contains("rock solid"));
        for l in &lines {
            assert!(
                unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= 60,
                "{l:?}"
            );
        }
    }

    #[test]
    fn empty_sides_say_so() {
        let lines = side_lines("", "", &[], &[], 10);
        assert!(lines.iter().any(|l| l.text.contains("nobody is quoted")));
        assert!(lines.iter().any(|l| l.text.contains("no phrase family")));
    }
}
