//! The outlet and period views (issue 14): the outlets × formulas heat map,
//! keyness, and the timeline chart. They draw what their panes hold; while
//! a result is being computed they say so, and when there is nothing to
//! show (no outlets, no dates) they say why.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Chart, Dataset, GraphType, LegendPosition, Paragraph, Row, Table, TableState, Wrap,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Theme;
use crate::app::{App, KeynessSide, KeynessState, OutletsState, TimelineState, heat_bucket, layout};
use crate::survey::{KeyTerm, TermKind, UNKNOWN_OUTLET};

/// Text from articles (outlet names, phrases) made safe and one line.
fn clean(s: &str) -> String {
    crate::store::escape_controls(&crate::app::one_line(s)).into_owned()
}

/// `s` cut to `width` columns, with "…" when cut.
fn fit(s: &str, width: usize) -> String {
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

/// The view's frame: a bordered block with its title and footer; returns
/// the inside.
fn frame_block(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: String,
    pane: &dyn crate::app::Pane,
    theme: &Theme,
) -> Rect {
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title))
        .title_bottom(super::footer_line(super::footer(app, pane), area.width, theme));
    frame.render_widget(block, area);
    layout::inner(area)
}

/// A message in place of a view's content.
fn say(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    frame.render_widget(
        Paragraph::new(Line::styled(text.to_string(), style)).wrap(Wrap { trim: true }),
        area,
    );
}

fn line_at(area: Rect, dy: u16) -> Rect {
    Rect {
        y: area.y + dy.min(area.height),
        height: u16::from(dy < area.height),
        ..area
    }
}

// ---------------------------------------------------------------- outlets

/// Shade characters of the heat map's buckets (they carry it without colour).
const SHADES: [&str; 5] = ["·", "░", "▒", "▓", "█"];

pub fn draw_outlets(frame: &mut Frame, app: &App, s: &OutletsState, theme: &Theme) {
    let area = app.env().main_area();
    let inner = frame_block(
        frame,
        app,
        area,
        format!(" Outlets × formulas · {} ", clean(&s.scope.describe())),
        s,
        theme,
    );
    if let Some(why) = &s.failed {
        say(frame, inner, &format!(" {why}"), theme.error);
        return;
    }
    let Some(table) = s.table.as_ref() else {
        say(
            frame,
            inner,
            &format!(
                " the outlets of {} articles: {}",
                s.scope.ids.len(),
                s.work.describe()
            ),
            theme.dim,
        );
        return;
    };
    if table.rows.is_empty() {
        say(frame, inner, " no articles to count", theme.dim);
        return;
    }
    let named = table.rows.iter().filter(|r| r.outlet != UNKNOWN_OUTLET).count();
    let head = if named == 0 {
        " no article here names its outlet (front matter source:, a dateline, or a sidecar file name it; see README)"
            .to_string()
    } else {
        format!(
            " {} outlets × {} formulas: the share of each outlet's articles using each",
            table.rows.len(),
            table.columns.len()
        )
    };
    frame.render_widget(Line::styled(head, theme.dim), line_at(inner, 0));
    if table.columns.is_empty() {
        say(
            frame,
            line_at(inner, 1),
            " none of these articles uses a phrase family or a formula shared by two outlets",
            theme.dim,
        );
    }
    let (rows_area, fits) = crate::app::outlet_rows(area);
    let first = s.first_column(fits);
    let shown: Vec<usize> = (first..table.columns.len()).take(fits).collect();
    // the selected cell in words
    if let (Some(r), Some(c)) = (table.rows.get(s.rows.selected), table.columns.get(s.col)) {
        let used = r.using.get(s.col).copied().unwrap_or(0);
        let share = used as f64 / r.articles.max(1) as f64;
        let label = if c.family {
            format!("#{}", c.label)
        } else {
            format!("“{}”", c.label)
        };
        let text = format!(
            " {} × {}: {used} of {} articles ({:.0}%) · all outlets: {}",
            clean(&r.outlet),
            clean(&label),
            r.articles,
            share * 100.0,
            c.articles
        );
        frame.render_widget(Line::styled(text, theme.key), line_at(inner, 1));
    }
    // column heads
    let buf = frame.buffer_mut();
    let y = inner.y + 2;
    if inner.height > 2 {
        let x0 = inner.x;
        let right = inner.right();
        buf.set_stringn(x0, y, "Outlet", usize::from(OUTLET_NAME_WIDTH), theme.header);
        buf.set_stringn(
            x0 + OUTLET_NAME_WIDTH,
            y,
            format!("{:>5}", "Arts"),
            usize::from(OUTLET_COUNT_WIDTH),
            theme.header,
        );
        for (k, &c) in shown.iter().enumerate() {
            let x = x0 + OUTLET_NAME_WIDTH + OUTLET_COUNT_WIDTH + k as u16 * OUTLET_CELL_WIDTH;
            if x >= right {
                break;
            }
            let col = &table.columns[c];
            let style = if c == s.col {
                theme.selected
            } else if col.family {
                theme.header
            } else {
                theme.dim
            };
            // the label on two lines, cut at a word where it can be
            let w = usize::from(OUTLET_CELL_WIDTH - 1);
            let label = clean(&col.label);
            let lines = textwrap::wrap(&label, textwrap::Options::new(w).break_words(true));
            let first_line = lines.first().map_or(String::new(), |l| fit(l, w));
            let rest = lines.get(1..).map_or(String::new(), |l| l.join(" "));
            let max = usize::from((right - x).min(OUTLET_CELL_WIDTH - 1));
            buf.set_stringn(x, y, first_line, max, style);
            if inner.height > 3 {
                buf.set_stringn(x, y + 1, fit(&rest, w), max, style);
            }
        }
    }
    // rows
    let h = usize::from(rows_area.height);
    let window = s.rows.window(table.rows.len(), h);
    for (k, r) in table.rows[window.clone()].iter().enumerate() {
        let i = window.start + k;
        let y = rows_area.y + k as u16;
        let selected_row = i == s.rows.selected;
        let name_style = if selected_row {
            theme.selected
        } else {
            Style::new()
        };
        let name = fit(&clean(&r.outlet), usize::from(OUTLET_NAME_WIDTH - 1));
        buf.set_stringn(
            rows_area.x,
            y,
            format!("{name:<w$}", w = usize::from(OUTLET_NAME_WIDTH - 1)),
            usize::from(OUTLET_NAME_WIDTH - 1).min(usize::from(rows_area.width)),
            name_style,
        );
        let count_x = rows_area.x + OUTLET_NAME_WIDTH;
        if count_x < rows_area.right() {
            buf.set_stringn(
                count_x,
                y,
                format!("{:>5}", r.articles),
                usize::from((rows_area.right() - count_x).min(OUTLET_COUNT_WIDTH)),
                theme.dim,
            );
        }
        for (k, &c) in shown.iter().enumerate() {
            let x = count_x + OUTLET_COUNT_WIDTH + k as u16 * OUTLET_CELL_WIDTH;
            if x >= rows_area.right() {
                break;
            }
            let used = r.using.get(c).copied().unwrap_or(0);
            let share = used as f64 / r.articles.max(1) as f64;
            let bucket = heat_bucket(share);
            let (text, mut style) = if s.numbers {
                let t = if used == 0 {
                    "    ·".to_string()
                } else {
                    format!("{:>4.0}%", share * 100.0)
                };
                (t, theme.heat_number(bucket))
            } else {
                (SHADES[usize::from(bucket)].repeat(5), theme.heat(bucket))
            };
            if selected_row && c == s.col {
                style = style.patch(theme.current);
            }
            let w = usize::from((rows_area.right() - x).min(OUTLET_CELL_WIDTH - 1));
            buf.set_stringn(x, y, text, w, style);
        }
    }
}

use crate::app::{OUTLET_CELL_WIDTH, OUTLET_COUNT_WIDTH, OUTLET_NAME_WIDTH};

// ---------------------------------------------------------------- keyness

pub fn draw_keyness(frame: &mut Frame, app: &App, s: &KeynessState, theme: &Theme) {
    let area = app.env().main_area();
    let inner = frame_block(
        frame,
        app,
        area,
        format!(" Keyness · {} against the rest ", clean(&s.scope.describe())),
        s,
        theme,
    );
    if let Some(why) = &s.failed {
        say(frame, inner, &format!(" {why}"), theme.error);
        return;
    }
    let Some(k) = s.result.as_ref() else {
        let text = match s.counting_since {
            Some(t) => format!(
                " counting the words of {} articles (once for this corpus)… {:.1} s",
                app.index.corpus().live_len(),
                t.elapsed().as_secs_f64()
            ),
            None => format!(" {}", s.work.describe()),
        };
        say(frame, inner, &text, theme.dim);
        return;
    };
    let head = format!(
        " {} articles ({} words) against the other {} ({} words): log-likelihood (LL) and log₂ ratio (LR) over articles",
        k.target_articles, k.target_words, k.reference_articles, k.reference_words
    );
    frame.render_widget(Line::styled(head, theme.dim), line_at(inner, 0));
    let (over_area, under_area) = crate::app::keyness_areas(area);
    list(
        frame,
        app,
        over_area,
        "Over-used",
        &k.over,
        s,
        KeynessSide::Over,
        theme,
    );
    list(
        frame,
        app,
        under_area,
        "Under-used",
        &k.under,
        s,
        KeynessSide::Under,
        theme,
    );
}

#[allow(clippy::too_many_arguments)]
fn list(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    name: &str,
    terms: &[KeyTerm],
    s: &KeynessState,
    side: KeynessSide,
    theme: &Theme,
) {
    let focused = s.side == side;
    let cursor = match side {
        KeynessSide::Over => &s.over,
        KeynessSide::Under => &s.under,
    };
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Line::styled(format!(" {name} ({}) ", terms.len()), theme.title));
    let h = usize::from(crate::app::keyness_rows(area).height);
    // the term's column: what the numbers leave (border, 4 columns, spacing)
    let term_w = usize::from(area.width.saturating_sub(2 + 9 + 11 + 6 + 6 + 4)).max(1);
    let rows: Vec<Row> = terms[cursor.window(terms.len(), h)]
        .iter()
        .map(|t| {
            let (text, style) = match t.kind {
                TermKind::Family => (
                    format!("#{}", t.term),
                    app.index
                        .family_id(&t.term)
                        .map_or(theme.key, |f| theme.family(f)),
                ),
                TermKind::Phrase => (format!("“{}”", t.term), theme.mined),
                TermKind::Word => (t.term.clone(), Style::new()),
            };
            Row::new(vec![
                Line::styled(fit(&clean(&text), term_w), style),
                Line::raw(format!("{}/{}", t.target_docs, t.reference_docs)).right_aligned(),
                Line::styled(
                    format!("{}/{}", t.target_occurrences, t.reference_occurrences),
                    theme.dim,
                )
                .right_aligned(),
                Line::raw(format!("{:.1}", t.ll_docs)).right_aligned(),
                Line::raw(format!("{:+.2}", t.log_ratio_docs)).right_aligned(),
            ])
        })
        .collect();
    let empty = rows.is_empty();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(11),
            Constraint::Length(6),
            Constraint::Length(6),
        ],
    )
    .header(Row::new(vec!["Term", "Articles", "Times", "LL", "LR"]).style(theme.header))
    .block(block)
    .column_spacing(1)
    .row_highlight_style(if focused { theme.selected } else { Style::new() });
    let mut state = TableState::default();
    if !empty {
        state.select(Some(cursor.on_screen()));
    }
    frame.render_stateful_widget(table, area, &mut state);
    if empty {
        let rows_area = crate::app::keyness_rows(area);
        say(
            frame,
            line_at(rows_area, 0),
            " none (in 3 articles or more, LL ≥ 6.63)",
            theme.dim,
        );
    }
}

// ---------------------------------------------------------------- timeline

pub fn draw_timeline(frame: &mut Frame, app: &App, s: &TimelineState, theme: &Theme) {
    let area = app.env().main_area();
    let inner = frame_block(
        frame,
        app,
        area,
        format!(" Timeline · {} ", clean(&s.title)),
        s,
        theme,
    );
    if let Some(why) = &s.failed {
        say(frame, inner, &format!(" {why}"), theme.error);
        return;
    }
    let Some(t) = s.timeline.as_ref() else {
        say(
            frame,
            inner,
            &format!(" {}", s.waiting(app.index.len())),
            theme.dim,
        );
        return;
    };
    let hits = s.hits.as_ref().map_or(0, Vec::len);
    if t.periods.is_empty() {
        let text = if hits == 0 {
            " no article matches".to_string()
        } else {
            format!(
                " none of these {hits} articles has a date, so there is no timeline (dates come from front matter, datelines, \"Published:\" lines or a sidecar file; see README)"
            )
        };
        say(frame, inner, &text, theme.dim);
        return;
    }
    let step = match t.step {
        crate::survey::Step::Week => "week",
        crate::survey::Step::Month => "month",
        crate::survey::Step::Year => "year",
    };
    let first = t.periods.first().map_or("", String::as_str);
    let last = t.periods.last().map_or("", String::as_str);
    let mut head = format!(" {hits} articles per {step}, {first} to {last}");
    if t.undated > 0 {
        head.push_str(&format!(" · {} undated", t.undated));
    }
    if t.unplaced > 0 {
        head.push_str(&format!(" · {} with a date too partial for a {step}", t.unplaced));
    }
    head.push_str(if s.raw {
        " · raw counts"
    } else {
        " · share of each outlet's articles in the period"
    });
    frame.render_widget(Line::styled(head, theme.dim), line_at(inner, 0));
    let chart_area = Rect {
        y: inner.y + 1.min(inner.height),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    if chart_area.height < 5 || chart_area.width < 20 {
        return;
    }
    let series: Vec<(&str, Vec<(f64, f64)>)> = std::iter::once(&t.total)
        .chain(&t.outlets)
        .map(|se| {
            let points: Vec<(f64, f64)> = if s.raw {
                se.hits
                    .iter()
                    .enumerate()
                    .map(|(i, &h)| (i as f64, f64::from(h)))
                    .collect()
            } else {
                se.shares().enumerate().map(|(i, v)| (i as f64, v)).collect()
            };
            (se.outlet.as_str(), points)
        })
        .collect();
    let names: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let name = if i == 0 { "all outlets" } else { name };
            fit(&clean(name), 24)
        })
        .collect();
    let top = series
        .iter()
        .flat_map(|(_, p)| p.iter().map(|&(_, y)| y))
        .fold(0.0f64, f64::max);
    let top = if top <= 0.0 {
        1.0
    } else if s.raw {
        top.ceil()
    } else {
        top
    };
    const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Block, Marker::Bar];
    let datasets: Vec<Dataset> = series
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, ((_, points), name))| {
            Dataset::default()
                .name(name.clone())
                .marker(if theme.color {
                    Marker::Braille
                } else {
                    MARKERS[i % MARKERS.len()]
                })
                .graph_type(GraphType::Line)
                .style(theme.series(i))
                .data(points)
        })
        .collect();
    let n = t.periods.len();
    let x_labels: Vec<Span> = if n == 1 {
        vec![Span::raw(first.to_string())]
    } else {
        let mid = &t.periods[n / 2];
        vec![
            Span::raw(first.to_string()),
            Span::raw(mid.clone()),
            Span::raw(last.to_string()),
        ]
    };
    let y_label = |v: f64| {
        if s.raw && v.fract() == 0.0 {
            format!("{v:.0}")
        } else if s.raw {
            format!("{v:.1}")
        } else {
            format!("{:.0}%", v * 100.0)
        }
    };
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, (n.max(2) - 1) as f64])
                .labels(x_labels)
                .style(theme.dim),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(vec![
                    Span::raw(y_label(0.0)),
                    Span::raw(y_label(top / 2.0)),
                    Span::raw(y_label(top)),
                ])
                .style(theme.dim),
        )
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Ratio(1, 1), Constraint::Ratio(1, 1)));
    frame.render_widget(chart, chart_area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_columns() {
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("abc", 0), "");
    }
}
