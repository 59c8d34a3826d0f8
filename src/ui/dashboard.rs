//! The dashboard: where the plan stands, overall and per pillar (stacked bars with the counts
//! of every category and the rate), per lead unit, what falls due in the next 30 days, and the
//! targets. One screen line per [`DashLine`], scrolled as the app says.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::stacked::{self, BAR};
use super::text::{fit, safe};
use crate::app::{App, DashLine, Section};
use crate::domain::summary::DUE_SOON_DAYS;
use crate::domain::{Standing, Tally, Timeliness};
use crate::i18n::dashboard::{self as words, Word, word};
use crate::i18n::{Lang, format as vf, tally};

/// The columns of a counts line at a width.
struct Columns {
    label: usize,
    bar: usize,
    count: usize,
    rate: usize,
}

impl Columns {
    fn new(width: usize, largest: usize) -> Columns {
        let count = largest.to_string().len().max(2) + 1;
        let label = (width * 2 / 7).clamp(10, 40);
        let rate = 7;
        let fixed = 1 + label + 1 + 1 + (BAR.len() + 1) * count + rate;
        Columns {
            label,
            bar: width.saturating_sub(fixed),
            count,
            rate,
        }
    }
}

/// The first line drawn, kept inside the lines at this height.
pub fn first_line(app: &App, height: usize) -> usize {
    let d = app.dashboard();
    d.scroll.min(d.lines.len().saturating_sub(height))
}

/// The header's second line on the dashboard: what it is, as of when, which lines are shown.
pub fn header_line(app: &App, body_height: usize) -> String {
    let lang = app.lang();
    let d = app.dashboard();
    let first = first_line(app, body_height);
    let last = (first + body_height).min(d.lines.len());
    format!(
        " {} · {} {} · {} {}–{}/{}",
        word(lang, Word::Title),
        vf::count(lang, d.overview.summary.overall.total()),
        lang.t(crate::i18n::Msg::Tasks),
        word(lang, Word::Lines),
        first + 1,
        last,
        d.lines.len()
    )
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let height = usize::from(area.height);
    let width = usize::from(area.width);
    let d = app.dashboard();
    let s = &d.overview.summary;
    let largest = s.overall.total();
    let cols = Columns::new(width, largest);
    let first = first_line(app, height);
    let lines: Vec<Line<'static>> = d
        .lines
        .iter()
        .skip(first)
        .take(height)
        .map(|l| line(app, theme, &cols, width, *l))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn line(app: &App, theme: &Theme, cols: &Columns, width: usize, l: DashLine) -> Line<'static> {
    let lang = app.lang();
    let o = &app.dashboard().overview;
    let s = &o.summary;
    match l {
        DashLine::Heading(Section::Pillars) => heads(lang, theme, cols, word(lang, Word::ByPillar)),
        DashLine::Heading(Section::Leads) => heads(lang, theme, cols, word(lang, Word::ByLead)),
        DashLine::Heading(Section::DueSoon) => {
            let until = s.as_of + chrono::Duration::days(DUE_SOON_DAYS);
            let text = words::due_soon(lang, DUE_SOON_DAYS, until);
            Line::styled(fit(&format!(" {text}"), width), theme.column_header)
        }
        DashLine::Heading(Section::Targets) => {
            let text = words::targets(lang, app.plan().year);
            Line::styled(fit(&format!(" {text}"), width), theme.column_header)
        }
        DashLine::Overall => counts(
            lang,
            theme,
            cols,
            word(lang, Word::Overall),
            &s.overall,
            true,
        ),
        DashLine::Since => o.since.as_ref().map_or_else(Line::default, |since| {
            let text = format!(" {}", tally::since(lang, since));
            Line::styled(fit(&text, width), theme.title)
        }),
        DashLine::Pillar(i) => s.pillars.get(i).map_or_else(Line::default, |g| {
            let label = words::pillar(lang, app.plan(), &app.dashboard().meetings, &g.key);
            counts(lang, theme, cols, &safe(&label), &g.tally, false)
        }),
        DashLine::Lead(i) => s.leads.get(i).map_or_else(Line::default, |g| {
            let label = words::lead(app.registry(), &g.key);
            counts(lang, theme, cols, &safe(&label), &g.tally, false)
        }),
        DashLine::Legend(n) => legend(lang, theme, width, n),
        DashLine::Formula => Line::styled(
            fit(&format!(" {}", tally::rate_formula_short(lang)), width),
            theme.dim,
        ),
        DashLine::Due(i) => due(app, theme, width, i),
        DashLine::NothingDue => Line::styled(
            fit(&format!(" {}", word(lang, Word::NothingDue)), width),
            theme.dim,
        ),
        DashLine::TargetColumns => target_heads(app, theme, width),
        DashLine::Target(i) => target(app, theme, width, i),
        DashLine::NoTargets => Line::styled(
            fit(&format!(" {}", word(lang, Word::NoTargets)), width),
            theme.dim,
        ),
        DashLine::Blank => Line::default(),
    }
}

fn pad(s: &str, w: usize) -> String {
    let s = fit(s, w);
    let fill = w.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(fill))
}

fn right(s: &str, w: usize) -> String {
    let s = fit(s, w);
    format!("{}{s}", " ".repeat(w.saturating_sub(s.width())))
}

/// A section's title over the label and bar, each category's mark over its count.
fn heads(lang: Lang, theme: &Theme, cols: &Columns, title: &str) -> Line<'static> {
    let mut spans = vec![Span::styled(
        pad(&format!(" {title}"), 1 + cols.label + 1 + cols.bar + 1),
        theme.column_header,
    )];
    for c in BAR.iter().copied().chain([Timeliness::Cancelled]) {
        spans.push(Span::styled(
            right(tally::mark(c), cols.count),
            stacked::style(theme, c),
        ));
    }
    spans.push(Span::styled(
        right(word(lang, Word::Rate), cols.rate),
        theme.column_header,
    ));
    Line::from(spans)
}

/// A group's line: its label, bar, the count of each category and the rate.
fn counts(
    lang: Lang,
    theme: &Theme,
    cols: &Columns,
    label: &str,
    t: &Tally,
    strong: bool,
) -> Line<'static> {
    let label_style = if strong { theme.title } else { theme.base };
    let mut spans = vec![Span::styled(
        format!(" {} ", pad(label, cols.label)),
        label_style,
    )];
    spans.extend(stacked::bar(t, cols.bar, theme));
    spans.push(Span::raw(" "));
    for c in BAR.iter().copied().chain([Timeliness::Cancelled]) {
        let n = t.get(c);
        let style = if n == 0 {
            theme.dim
        } else {
            stacked::style(theme, c)
        };
        spans.push(Span::styled(right(&vf::count(lang, n), cols.count), style));
    }
    let rate_style = if strong { theme.title } else { theme.base };
    spans.push(Span::styled(
        right(&tally::rate(lang, t), cols.rate),
        rate_style,
    ));
    Line::from(spans)
}

/// One line of the legend: each mark and its words, two spaces apart where they fit.
fn legend(lang: Lang, theme: &Theme, width: usize, n: u8) -> Line<'static> {
    let items = tally::legend_line(lang, n);
    let wide: usize = items.iter().map(|(m, w)| m.width() + w.width() + 3).sum();
    let gap = if wide < width { "  " } else { " " };
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, (m, w)) in items.into_iter().enumerate() {
        let sep = if i == 0 { "" } else { gap };
        let piece = m.width() + 1 + w.width() + sep.width();
        if used + piece > width {
            break;
        }
        used += piece;
        let cat = Timeliness::ALL
            .into_iter()
            .find(|c| tally::mark(*c) == m)
            .unwrap_or(Timeliness::Cancelled);
        spans.push(Span::raw(sep.to_string()));
        spans.push(Span::styled(m.to_string(), stacked::style(theme, cat)));
        spans.push(Span::styled(format!(" {w}"), theme.dim));
    }
    Line::from(spans)
}

fn due(app: &App, theme: &Theme, width: usize, i: usize) -> Line<'static> {
    let lang = app.lang();
    let Some(t) = app.tasks().get(i) else {
        return Line::default();
    };
    let deadline = t.deadline().map_or_else(String::new, vf::date);
    let left = t
        .deadline()
        .map_or_else(String::new, |d| vf::days_left(lang, d, app.as_of()));
    let lead = t
        .def
        .lead
        .first()
        .map(|l| {
            app.registry()
                .resolve(l)
                .map_or(l.clone(), |u| u.short.clone())
        })
        .unwrap_or_default();
    let lead_w = 12.min(width / 6);
    let fixed = 1 + 10 + 1 + 13 + 1 + 7 + 1 + 1 + lead_w;
    let title_w = width.saturating_sub(fixed);
    Line::from(vec![
        Span::raw(format!(" {deadline} ")),
        Span::styled(pad(&left, 13), theme.dim),
        Span::raw(format!(" {} ", pad(&safe(&t.def.id), 7))),
        Span::raw(pad(&safe(&t.def.title), title_w)),
        Span::styled(format!(" {}", pad(&safe(&lead), lead_w)), theme.dim),
    ])
}

/// Widths of the targets' columns: id, goal, last year, latest; the standing takes its longest
/// word, the title the rest.
const TARGET_COLS: [usize; 4] = [5, 8, 8, 13];

fn target_cells(lang: Lang, width: usize, cells: [String; 6]) -> [String; 6] {
    let [id, title, goal, last, latest, standing] = cells;
    let [wi, wg, wl, wr] = TARGET_COLS;
    let ws = [
        Standing::Met,
        Standing::OnTrack,
        Standing::Behind,
        Standing::NoData,
    ]
    .into_iter()
    .map(|s| crate::i18n::meeting::standing(lang, s).width())
    .max()
    .unwrap_or(0);
    let fixed = 1 + wi + 1 + wg + wl + 1 + wr + 1 + ws;
    let wt = width.saturating_sub(fixed);
    [
        format!(" {} ", pad(&id, wi)),
        pad(&title, wt),
        right(&goal, wg),
        right(&last, wl),
        format!(" {}", right(&latest, wr)),
        format!(" {}", pad(&standing, ws)),
    ]
}

fn target_heads(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let lang = app.lang();
    let cells = target_cells(
        lang,
        width,
        [
            String::new(),
            word(lang, Word::Target).to_string(),
            word(lang, Word::Goal).to_string(),
            words::last_year(lang, app.plan().year),
            word(lang, Word::Latest).to_string(),
            word(lang, Word::Standing).to_string(),
        ],
    );
    Line::from(
        cells
            .into_iter()
            .map(|c| Span::styled(c, theme.dim))
            .collect::<Vec<_>>(),
    )
}

fn target(app: &App, theme: &Theme, width: usize, i: usize) -> Line<'static> {
    let lang = app.lang();
    let Some(t) = app.dashboard().overview.targets.get(i) else {
        return Line::default();
    };
    let latest = t.latest.as_ref().map_or_else(
        || "—".to_string(),
        |r| {
            format!(
                "{} {}",
                vf::percent_exact(lang, r.value),
                r.as_of.format("%d/%m")
            )
        },
    );
    let cells = target_cells(
        lang,
        width,
        [
            safe(&t.kpi.id),
            safe(&t.kpi.title),
            vf::percent_exact(lang, t.kpi.target),
            crate::i18n::meeting::percent_or_dash(lang, t.kpi.baseline),
            latest,
            crate::i18n::meeting::standing(lang, t.standing).to_string(),
        ],
    );
    let standing_style = match t.standing {
        Standing::Met => theme.done,
        Standing::OnTrack => theme.base,
        Standing::Behind => theme.overdue,
        Standing::NoData => theme.dim,
    };
    let [a, b, c, d, e, f] = cells;
    Line::from(vec![
        Span::raw(a),
        Span::raw(b),
        Span::raw(c),
        Span::styled(d, theme.dim),
        Span::raw(e),
        Span::styled(f, standing_style),
    ])
}
