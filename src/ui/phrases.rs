//! The phrases pane (with a bar chart of the selected phrase's use per
//! article, by date) and the concordance view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Row};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::picker::{self, PickerView};
use crate::app::{App, KwicState, PhrasesState, layout};
use crate::concordance::{PhraseRef, Timeline};
use crate::store::ArticleId;

pub fn draw_phrases(frame: &mut Frame, app: &App, s: &PhrasesState, theme: &Theme) {
    let area = app.env().main_area();
    let chart_lines = PhrasesState::chart_lines(&app.env());
    let h = usize::from(layout::picker_rows(area, chart_lines).height);
    let rows = s
        .picker
        .window(h)
        .iter()
        .map(|&i| {
            let r = &s.rows[i];
            let (name_style, kind) = match r.phrase {
                PhraseRef::Family(f) => (theme.family(f), "family".to_string()),
                PhraseRef::Text(_) if r.kind == crate::analysis::phrases::PhraseKind::Name => {
                    (theme.dim, "name".to_string())
                }
                PhraseRef::Text(_) if r.single_source => (theme.dim, "one source".to_string()),
                PhraseRef::Text(_) => (theme.mined, format!("mined {:.1}", r.score.unwrap_or(0.0))),
            };
            Row::new(vec![
                Line::styled(r.shown(), name_style),
                Line::styled(kind, theme.dim),
                Line::raw(r.articles.to_string()).right_aligned(),
                Line::raw(r.occurrences.to_string()).right_aligned(),
            ])
        })
        .collect();
    let families = s.rows.iter().filter(|r| r.curated()).count();
    let view = PickerView {
        title: format!(
            " Phrases · {families} families, {} mined{} ",
            s.rows.len() - families,
            if app.index.mined_sampled() {
                format!(
                    " (chosen from a sample of {} articles, counted in all)",
                    crate::analysis::phrases::MINE_SAMPLE
                )
            } else {
                String::new()
            }
        ),
        header: Row::new(vec!["Phrase", "Kind", "Articles", "Times"]),
        widths: vec![
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(8),
            Constraint::Length(6),
        ],
        rows,
        total: s.rows.len(),
        footer: super::footer(app, s),
        below: chart_lines,
        in_articles: false,
    };
    let below = picker::draw(frame, app, area, view, &s.picker, theme);
    if let Some((row, timeline)) = s.chart.as_ref().filter(|_| chart_lines > 0) {
        chart(frame, below, app, &s.rows[*row].text, timeline, theme);
    }
}

/// One bar per article by date when they fit, else per month, per year.
fn chart(frame: &mut Frame, area: Rect, app: &App, label: &str, timeline: &Timeline, theme: &Theme) {
    if area.height < 4 || area.width < 10 {
        return;
    }
    const BAR: u16 = 5;
    let max_bars = usize::from(area.width / (BAR + 1)).max(1);
    let counts = &timeline.counts;
    let (data, unit): (Vec<(String, u64)>, _) = if counts.len() <= max_bars {
        let date = |id: ArticleId| app.index.article(id).and_then(|a| a.meta.date.as_deref());
        let per_article = counts
            .iter()
            .map(|&(id, n)| {
                let l = date(id).map_or_else(|| "n/d".to_string(), |d| d.chars().skip(2).take(5).collect());
                (l, n as u64)
            })
            .collect();
        (per_article, "per article, by date")
    } else if timeline.months.len() <= max_bars {
        (timeline.months.clone(), "per month")
    } else {
        let skip = timeline.years.len().saturating_sub(max_bars);
        (timeline.years[skip..].to_vec(), "per year")
    };
    let total = timeline.total;
    let title = format!(" “{label}”: {total} times in {} articles, {unit} ", counts.len());
    let bars: Vec<Bar> = data
        .iter()
        .map(|(k, v)| Bar::with_label(Line::raw(k.clone()), *v))
        .collect();
    let chart = BarChart::new(bars)
        .block(
            Block::new()
                .borders(Borders::TOP)
                .border_style(theme.border)
                .title(Line::styled(title, theme.title)),
        )
        .bar_width(BAR)
        .bar_gap(1)
        .bar_style(theme.key)
        .value_style(theme.selected)
        .label_style(theme.dim);
    frame.render_widget(chart, area);
}

pub fn draw_kwic(frame: &mut Frame, app: &App, k: &KwicState, theme: &Theme) {
    let area = app.env().main_area();
    let h = usize::from(layout::picker_rows(area, 0).height);
    let inner_w = usize::from(layout::inner(area).width);
    let title_w = (inner_w / 5).clamp(8, 30);
    // the context each side shrinks with the terminal (it may have been
    // resized since the view opened): the match stays in view
    let col_w = inner_w.saturating_sub(title_w + 1);
    let ctx = k.context.min(col_w.saturating_sub(12) / 2).max(4);
    let shown = k.picker.window(h);
    let rows = k
        .occ
        .window(&app.index, shown)
        .into_iter()
        .filter_map(|found| {
            let (id, range) = found?;
            let a = app.index.article(id)?;
            let kwic = crate::analysis::phrases::kwic(&a.body, range, ctx);
            // the match in a column: left context right-aligned to it
            let left_w = kwic.left.width();
            let pad = " ".repeat(ctx.saturating_sub(left_w));
            let left: String = if left_w > ctx {
                kwic.left
                    .chars()
                    .skip(kwic.left.chars().count().saturating_sub(ctx))
                    .collect()
            } else {
                kwic.left.clone()
            };
            Some(Row::new(vec![
                Line::from(vec![
                    Span::raw(format!("{pad}{left} ")),
                    Span::styled(kwic.matched.clone(), theme.query),
                    Span::raw(format!(" {}", kwic.right)),
                ]),
                // outlet and date tell apart reports whose titles start alike
                Line::styled(
                    match (&a.meta.date, &a.meta.source) {
                        (Some(d), Some(s)) => format!("{d} {s}"),
                        (None, Some(s)) => s.clone(),
                        _ => a.meta.title.clone(),
                    },
                    theme.dim,
                ),
            ]))
        })
        .collect();
    let view = PickerView {
        title: match k.occ.progress() {
            Some((done, total)) => format!(
                " Concordance · “{}” · {} occurrences so far, searching {}% ",
                k.title,
                k.occ.len(),
                done * 100 / total.max(1)
            ),
            None => format!(" Concordance · “{}” · {} occurrences ", k.title, k.occ.len()),
        },
        header: Row::new(vec!["In context", "Article"]),
        widths: vec![Constraint::Fill(1), Constraint::Length(title_w as u16)],
        rows,
        total: k.occ.len(),
        footer: super::footer(app, k),
        below: 0,
        in_articles: true,
    };
    picker::draw(frame, app, area, view, &k.picker, theme);
}
