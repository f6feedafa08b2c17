//! The outlet and period views (issue 14): the outlets × formulas heat map,
//! keyness, and the timeline chart. They draw what their panes hold; while
//! a result is being computed they say so, and when there is nothing to
//! show (no outlets, no dates) they say why.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

use super::width::{cut, pad};

use super::Theme;
use crate::app::{App, KeynessSide, KeynessState, OutletsState, TimelineState, heat_bucket, layout};
use crate::survey::{KeyTerm, TermKind, UNKNOWN_OUTLET};

/// Text from articles (outlet names, phrases) made safe and one line.
fn clean(s: &str) -> String {
    crate::store::escape_controls(&crate::app::one_line(s)).into_owned()
}

/// The view's frame: a bordered block with its title and footer; returns
/// the inside, or None when the view failed (and says why in it).
fn frame_block(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: String,
    pane: &dyn crate::app::Pane,
    failed: Option<&str>,
    theme: &Theme,
) -> Option<Rect> {
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(
            cut(&title, usize::from(area.width.saturating_sub(3))),
            theme.title,
        ))
        .title_bottom(super::footer_line(super::footer(app, pane), area.width, theme));
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    if let Some(why) = failed {
        say(frame, inner, &format!(" {why}"), theme.error);
        return None;
    }
    Some(inner)
}

/// `text` on one line of `area`, cut with "…" when longer.
fn one_line(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    frame.render_widget(Line::styled(cut(text, usize::from(area.width)), style), area);
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
    let Some(inner) = frame_block(
        frame,
        app,
        area,
        format!(" Outlets × formulas · {} ", clean(&s.scope.describe())),
        s,
        s.failed.as_deref(),
        theme,
    ) else {
        return;
    };
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
        " no article here names its outlet: see README, Outlets and dates".to_string()
    } else {
        format!(
            " {} outlets × {} formulas: the share of each outlet's articles using each",
            table.rows.len(),
            table.columns.len()
        )
    };
    one_line(frame, line_at(inner, 0), &head, theme.dim);
    if table.columns.is_empty() {
        one_line(
            frame,
            line_at(inner, 1),
            " none of these articles uses a phrase family or a formula shared by two outlets",
            theme.dim,
        );
    }
    let OutletLayout {
        rows: rows_area,
        legend: legend_area,
        fits,
        name_width,
    } = s.layout(area);
    let first = s.first_column(fits);
    let shown: Vec<usize> = (first..table.columns.len()).take(fits).collect();
    // the selected cell in words: the figures always, the names cut to what is left
    if let (Some(r), Some(c)) = (table.rows.get(s.rows.selected), table.columns.get(s.col)) {
        let used = r.using.get(s.col).copied().unwrap_or(0);
        let share = used as f64 / r.articles.max(1) as f64;
        let label = if c.family {
            format!("#{}", c.label)
        } else {
            format!("“{}”", c.label)
        };
        let figures = format!(
            ": {used} of {} articles ({:.0}%) · all outlets: {}",
            r.articles,
            share * 100.0,
            c.articles
        );
        let (outlet, label) = (clean(&r.outlet), clean(&label));
        let width = usize::from(inner.width);
        // narrow: the figures in short, so the names keep some room
        let figures = if width.saturating_sub(figures.width()) >= 24 {
            figures
        } else {
            format!(": {used}/{} ({:.0}%)", r.articles, share * 100.0)
        };
        let room = width.saturating_sub(figures.width()).max(8);
        // the outlet cut before the formula
        let outlet_room = room.saturating_sub(4 + label.width());
        let names = if outlet_room >= 6 {
            format!(" {} × {label}", cut(&outlet, outlet_room))
        } else {
            cut(&format!(" {outlet} × {label}"), room)
        };
        let text = format!("{names}{figures}");
        one_line(frame, line_at(inner, 1), &text, theme.key);
    }
    let buf = frame.buffer_mut();
    // column heads: the columns' numbers (the legend names them)
    if inner.height > 2 {
        let y = inner.y + 2;
        let right = inner.right();
        let name_w = usize::from(name_width.min(inner.width));
        buf.set_stringn(inner.x, y, "Outlet", name_w, theme.header);
        let count_x = inner.x + name_width;
        if count_x < right {
            let w = usize::from((right - count_x).min(OUTLET_COUNT_WIDTH));
            buf.set_stringn(count_x, y, format!("{:>5}", "Arts"), w, theme.header);
        }
        let mut last_x = None;
        for (k, &c) in shown.iter().enumerate() {
            let x = count_x + OUTLET_COUNT_WIDTH + k as u16 * OUTLET_CELL_WIDTH;
            if x >= right {
                break;
            }
            let w = usize::from((right - x).min(OUTLET_CELL_WIDTH - 1));
            buf.set_stringn(
                x,
                y,
                format!("{:^5}", c + 1),
                w,
                column_style(table, c, s.col, theme),
            );
            last_x = Some(x);
        }
        // more columns to either side: ‹ in the first head, › in the last
        // (their numbers take the middle of five columns)
        if let Some(last_x) = last_x {
            if first > 0 {
                buf.set_string(count_x + OUTLET_COUNT_WIDTH, y, "‹", theme.key);
            }
            let more = shown.last().is_some_and(|&c| c + 1 < table.columns.len());
            if more && last_x + 4 < right {
                buf.set_string(last_x + 4, y, "›", theme.key);
            }
        }
    }
    // rows
    let h = usize::from(rows_area.height);
    let window = s.rows.window(table.rows.len(), h);
    let drawn = window.len() as u16;
    let name_w = usize::from((name_width - 1).min(rows_area.width));
    for (k, r) in table.rows[window.clone()].iter().enumerate() {
        let i = window.start + k;
        let y = rows_area.y + k as u16;
        let selected_row = i == s.rows.selected;
        let name_style = if selected_row {
            theme.selected
        } else {
            Style::new()
        };
        buf.set_stringn(rows_area.x, y, pad(&clean(&r.outlet), name_w), name_w, name_style);
        let count_x = rows_area.x + name_width;
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
    // the legend, under the last row: each column shown, its number and label
    let legend_area = Rect {
        y: (rows_area.y + drawn + 1).min(legend_area.y),
        ..legend_area
    };
    let entries: Vec<String> = shown.iter().map(|&c| outlet_legend_entry(table, c)).collect();
    let widths: Vec<usize> = entries.iter().map(|e| e.width()).collect();
    let lines = pack_lines(&widths, usize::from(legend_area.width), LEGEND_GAP);
    let cut_short = lines.len() > usize::from(legend_area.height);
    for (n, line) in lines.iter().take(usize::from(legend_area.height)).enumerate() {
        let mut spans = Vec::new();
        for k in line.clone() {
            if k > line.start {
                spans.push(Span::raw(" ".repeat(LEGEND_GAP)));
            }
            let c = shown[k];
            let entry = cut(&entries[k], usize::from(legend_area.width));
            let number = format!("{} ", c + 1);
            match entry.strip_prefix(&number) {
                Some(label) => {
                    spans.push(Span::styled(number.clone(), theme.dim));
                    spans.push(Span::styled(
                        label.to_string(),
                        column_style(table, c, s.col, theme),
                    ));
                }
                None => spans.push(Span::styled(entry, column_style(table, c, s.col, theme))),
            }
        }
        if cut_short && n + 1 == usize::from(legend_area.height) {
            spans.push(Span::styled(" …", theme.dim));
        }
        frame.render_widget(Line::from(spans), line_at(legend_area, n as u16));
    }
}

/// How column `c`'s head and legend entry look: the selected one
/// highlighted, families apart from mined formulas.
fn column_style(table: &crate::survey::OutletTable, c: usize, selected: usize, theme: &Theme) -> Style {
    if c == selected {
        theme.selected
    } else if table.columns.get(c).is_some_and(|col| col.family) {
        theme.header
    } else {
        Style::new()
    }
}

use crate::app::{
    LEGEND_GAP, OUTLET_CELL_WIDTH, OUTLET_COUNT_WIDTH, OutletLayout, outlet_legend_entry, pack_lines,
};

// ---------------------------------------------------------------- keyness

pub fn draw_keyness(frame: &mut Frame, app: &App, s: &KeynessState, theme: &Theme) {
    let area = app.env().main_area();
    let Some(inner) = frame_block(
        frame,
        app,
        area,
        format!(" Keyness · {} against the rest ", clean(&s.scope.describe())),
        s,
        s.failed.as_deref(),
        theme,
    ) else {
        return;
    };
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
        thousands(u64::from(k.target_articles)),
        thousands(k.target_words),
        thousands(u64::from(k.reference_articles)),
        thousands(k.reference_words)
    );
    one_line(frame, line_at(inner, 0), &head, theme.dim);
    let (over_area, under_area) = crate::app::keyness_areas(area, s.side);
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
    if area.height == 0 {
        // folded away in a short terminal: the other list has the room
        return;
    }
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
    // the occurrences only where the term keeps 12 columns beside them
    let times = area.width >= 50;
    // the term's column: what the numbers leave (border, columns, spacing)
    let numbers: u16 = if times { 9 + 11 + 6 + 6 + 4 } else { 9 + 6 + 6 + 3 };
    let term_w = usize::from(area.width.saturating_sub(2 + numbers)).max(1);
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
            let mut cells = vec![
                Line::styled(cut(&clean(&text), term_w), style),
                Line::raw(format!("{}/{}", t.target_docs, t.reference_docs)).right_aligned(),
            ];
            if times {
                cells.push(
                    Line::styled(
                        format!("{}/{}", t.target_occurrences, t.reference_occurrences),
                        theme.dim,
                    )
                    .right_aligned(),
                );
            }
            cells.push(Line::raw(ll(t.ll_docs)).right_aligned());
            cells.push(Line::raw(format!("{:+.2}", t.log_ratio_docs)).right_aligned());
            Row::new(cells)
        })
        .collect();
    let empty = rows.is_empty();
    let (widths, head): (Vec<Constraint>, Vec<&str>) = if times {
        (
            vec![
                Constraint::Fill(1),
                Constraint::Length(9),
                Constraint::Length(11),
                Constraint::Length(6),
                Constraint::Length(6),
            ],
            vec!["Term", "Articles", "Times", "LL", "LR"],
        )
    } else {
        (
            vec![
                Constraint::Fill(1),
                Constraint::Length(9),
                Constraint::Length(6),
                Constraint::Length(6),
            ],
            vec!["Term", "Articles", "LL", "LR"],
        )
    };
    let table = Table::new(rows, widths)
        .header(Row::new(head).style(theme.header))
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
        one_line(
            frame,
            line_at(rows_area, 0),
            " none (in 3 articles or more, LL ≥ 6.63)",
            theme.dim,
        );
    }
}

/// A count with its thousands apart: 1133263 as "1,133,263".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A log-likelihood in the 6 columns of its column: one decimal under
/// 1,000, none above (up to 999,999).
fn ll(v: f64) -> String {
    if v.abs() < 999.95 {
        format!("{v:.1}")
    } else {
        format!("{v:.0}")
    }
}

// ---------------------------------------------------------------- timeline

pub fn draw_timeline(frame: &mut Frame, app: &App, s: &TimelineState, theme: &Theme) {
    let area = app.env().main_area();
    let Some(inner) = frame_block(
        frame,
        app,
        area,
        format!(" Timeline · {} ", clean(&s.title)),
        s,
        s.failed.as_deref(),
        theme,
    ) else {
        return;
    };
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
    one_line(frame, line_at(inner, 0), &head, theme.dim);
    let mut series: Vec<(&str, Vec<(f64, f64)>)> = std::iter::once(&t.total)
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
    let mut names: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| {
            let name = if i == 0 { "all outlets" } else { name };
            clean(name)
        })
        .collect();
    // an outlet whose line is the total's (every article is its own): one
    // line named for both, not one hidden under the other
    if let Some(i) = (1..series.len()).find(|&i| series[i].1 == series[0].1) {
        names[0] = format!("all outlets = {}", names[i]);
        series.remove(i);
        names.remove(i);
    }
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
    let marker = |i: usize| {
        if theme.color {
            Marker::Braille
        } else {
            MARKERS[i % MARKERS.len()]
        }
    };
    // the legend: lines of its own above the chart, never over the data
    let below = Rect {
        y: inner.y + 1.min(inner.height),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let entries: Vec<(String, String)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let sample = sample(marker(i));
            let room = usize::from(below.width).saturating_sub(sample.width() + 1);
            (sample.to_string(), cut(name, room))
        })
        .collect();
    let widths: Vec<usize> = entries.iter().map(|(m, n)| m.width() + 1 + n.width()).collect();
    let lines = pack_lines(&widths, usize::from(below.width), LEGEND_GAP);
    // the chart keeps 5 lines at least
    let legend_h = lines
        .len()
        .min(usize::from(below.height.saturating_sub(5)).max(1));
    for (n, line) in lines.iter().take(legend_h).enumerate() {
        let mut spans = Vec::new();
        for i in line.clone() {
            if i > line.start {
                spans.push(Span::raw(" ".repeat(LEGEND_GAP)));
            }
            spans.push(Span::styled(format!("{} ", entries[i].0), theme.series(i)));
            spans.push(Span::styled(entries[i].1.clone(), theme.series(i)));
        }
        if n + 1 == legend_h && lines.len() > legend_h {
            spans.push(Span::styled(" …", theme.dim));
        }
        frame.render_widget(Line::from(spans), line_at(below, n as u16));
    }
    let chart_area = Rect {
        y: below.y + (legend_h as u16).min(below.height),
        height: below.height.saturating_sub(legend_h as u16),
        ..below
    };
    if chart_area.height < 5 || chart_area.width < 20 {
        say(
            frame,
            chart_area,
            " (too small to draw the chart: a larger terminal shows it)",
            theme.dim,
        );
        return;
    }
    let datasets: Vec<Dataset> = series
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, ((_, points), name))| {
            Dataset::default()
                .name(name.clone())
                .marker(marker(i))
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
        .legend_position(None);
    frame.render_widget(chart, chart_area);
}

/// Markers of the timeline's lines without colour (they tell them apart).
const MARKERS: [Marker; 6] = [
    Marker::Braille,
    Marker::Dot,
    Marker::Block,
    Marker::Bar,
    Marker::Custom('+'),
    Marker::Custom('x'),
];

/// How the legend shows a line drawn with `marker`.
fn sample(marker: Marker) -> &'static str {
    match marker {
        Marker::Dot => "••",
        Marker::Block => "██",
        Marker::Bar => "▄▄",
        Marker::Custom('+') => "++",
        Marker::Custom('x') => "xx",
        _ => "──",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_scores_read_at_a_glance() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(162000), "162,000");
        assert_eq!(thousands(1133263), "1,133,263");
        assert_eq!(ll(26.94), "26.9");
        assert_eq!(ll(999.9), "999.9");
        assert_eq!(ll(1507.1), "1507");
        assert_eq!(ll(123456.7), "123457");
        for v in [0.0, 6.63, 999.96, 15007.4, 999_999.0] {
            assert!(ll(v).len() <= 6, "{v}");
        }
    }
}
