//! The plan table: group headers with their counts, task rows with id, title (matched chars
//! highlighted), deadline with days left or overdue, lead unit, status and progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::text::{fit, highlighted, safe};
use crate::app::view::Group;
use crate::app::{App, Row};
use crate::domain::timeframe::{quarter_end, quarter_of};
use crate::domain::{Status, Task, TimeframeReading, Timeliness};
use crate::i18n::{Lang, Msg, format as vf, tally};
use crate::query::FIELD_TITLE;

/// Column widths for a screen width.
struct Columns {
    id: usize,
    title: usize,
    deadline: usize,
    days: usize,
    lead: usize,
    status: usize,
    progress: usize,
}

impl Columns {
    fn for_width(width: usize) -> Self {
        let wide = width >= 120;
        let mut c = Columns {
            id: 6,
            title: 0,
            deadline: 12,
            days: if wide { 12 } else { 8 },
            lead: if wide { 18 } else { 10 },
            status: if wide { 15 } else { 7 },
            progress: 4,
        };
        // marks + id + deadline + days + lead + status + progress, and a space between each.
        let fixed = 3 + c.id + c.deadline + c.days + c.lead + c.status + c.progress + 7;
        c.title = width.saturating_sub(fixed).max(10);
        c
    }
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let cols = Columns::for_width(width);
    let lang = app.lang();
    let mut lines = vec![column_titles(lang, &cols, theme)];
    if app.view().rows.is_empty() {
        lines.push(Line::styled(
            format!("  {}.", lang.t(Msg::NothingFound)),
            theme.dim,
        ));
    }
    let page = usize::from(area.height.saturating_sub(1));
    for (i, row) in app
        .view()
        .rows
        .iter()
        .enumerate()
        .skip(app.offset())
        .take(page)
    {
        let selected = i == app.selected();
        let mut line = match row {
            Row::Group(g) => group_line(app, &app.view().groups[*g], theme, width),
            Row::Task { task, hit } => {
                let positions: &[usize] = hit
                    .as_ref()
                    .and_then(|h| h.positions.iter().find(|(f, _)| *f == FIELD_TITLE))
                    .map_or(&[], |(_, p)| p.as_slice());
                task_line(app, &app.tasks()[*task], positions, &cols, theme)
            }
        };
        if selected {
            line = line.patch_style(theme.selected);
            let used = line.width();
            if used < width {
                line.spans
                    .push(Span::styled(" ".repeat(width - used), theme.selected));
            }
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn column_titles(lang: Lang, c: &Columns, theme: &Theme) -> Line<'static> {
    let cell = |s: &str, w: usize| pad(&fit(s, w), w);
    let text = format!(
        "   {} {} {} {} {} {} {}",
        cell(lang.t(Msg::Id), c.id),
        cell(lang.t(Msg::Title), c.title),
        cell(lang.t(Msg::Deadline), c.deadline),
        cell(lang.t(Msg::Days), c.days),
        cell(lang.t(Msg::LeadShort), c.lead),
        cell(
            lang.t(if c.status >= 15 {
                Msg::Status
            } else {
                Msg::StatusShort
            }),
            c.status
        ),
        cell("%", c.progress),
    );
    Line::styled(text, theme.column_header)
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.width())))
}

fn group_line(app: &App, g: &Group, theme: &Theme, width: usize) -> Line<'static> {
    let lang = app.lang();
    let arrow = if g.folded { "▸" } else { "▾" };
    let counts = if width >= 120 {
        tally::long(lang, &g.counts)
    } else {
        tally::short(lang, &g.counts)
    };
    let label_width = width.saturating_sub(counts.width() + 4).max(10);
    let label = fit(&format!("{arrow} {}", safe(&g.label)), label_width);
    let gap = width
        .saturating_sub(label.width() + counts.width() + 1)
        .max(1);
    Line::from(vec![
        Span::styled(label, theme.group),
        Span::raw(" ".repeat(gap)),
        Span::styled(
            counts,
            if g.counts.overdue > 0 {
                theme.overdue
            } else {
                theme.dim
            },
        ),
    ])
}

/// The deadline as people say it: "Quý II/2025" when the timeframe is a quarter, else the date.
pub(super) fn deadline_label(lang: Lang, task: &Task) -> String {
    match task.reading {
        TimeframeReading::Period {
            start: Some(s),
            end,
        } if is_one_quarter(s, end) => vf::quarter(lang, end),
        TimeframeReading::Period { end, .. } => vf::date(end),
        TimeframeReading::NoDeadline | TimeframeReading::Unreadable => safe(&task.def.timeframe),
    }
}

fn is_one_quarter(start: chrono::NaiveDate, end: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let q = quarter_of(end);
    quarter_of(start) == q && start.year() == end.year() && quarter_end(end.year(), q) == Some(end)
}

/// The days column: for an open task, days left or overdue; for a done one, on time or how
/// many days late (never "overdue"); nothing for a cancelled one or one without a deadline.
fn days_label(lang: Lang, task: &Task, as_of: chrono::NaiveDate) -> String {
    let Some(d) = task.deadline() else {
        return String::new();
    };
    let n = |days: i64| {
        vf::count(
            lang,
            usize::try_from(days.unsigned_abs()).unwrap_or(usize::MAX),
        )
    };
    match task.timeliness(as_of) {
        Timeliness::Cancelled => String::new(),
        Timeliness::DoneOnTime | Timeliness::DoneNoDeadline => match lang {
            Lang::Vi => "đúng hạn".into(),
            Lang::En => "on time".into(),
        },
        Timeliness::DoneLate => {
            let late = task.state.completed_on.map_or(0, |c| (c - d).num_days());
            match lang {
                Lang::Vi => format!("trễ {}", n(late)),
                Lang::En => format!("{} late", n(late)),
            }
        }
        _ => {
            let days = (d - as_of).num_days();
            match (lang, days.signum()) {
                (Lang::Vi, 0) => "hôm nay".into(),
                (Lang::Vi, 1) => format!("còn {}", n(days)),
                (Lang::Vi, _) => format!("quá {}", n(days)),
                (Lang::En, 0) => "today".into(),
                (Lang::En, 1) => format!("{} left", n(days)),
                (Lang::En, _) => format!("{} over", n(days)),
            }
        }
    }
}

fn short_status(lang: Lang, s: Status, width: usize) -> String {
    if width >= 15 {
        return lang.status(s).to_string();
    }
    vf::status_short(lang, s).to_string()
}

fn task_line(
    app: &App,
    task: &Task,
    positions: &[usize],
    c: &Columns,
    theme: &Theme,
) -> Line<'static> {
    let lang = app.lang();
    let timeliness = task.timeliness(app.as_of());
    let (marker, row_style) = match (timeliness, task.state.status) {
        (Timeliness::OpenOverdue, _) => ("!", theme.overdue),
        (_, Status::Blocked) => ("×", theme.blocked),
        (_, Status::Done) => ("✓", theme.done),
        _ => (" ", theme.base),
    };
    let leads: Vec<&str> = task
        .def
        .lead
        .iter()
        .map(|l| app.registry().short(l))
        .collect();
    let cell = |s: &str, w: usize| pad(&fit(&safe(s), w), w);
    let title = safe(&task.def.title);
    let noted = if app.changed_since_meeting(&task.def.id) {
        "•"
    } else if task.state.current_notes().next().is_some() {
        "*"
    } else {
        " "
    };
    let mut spans = vec![
        Span::styled(format!("{marker}{noted} "), row_style),
        Span::styled(format!("{} ", cell(&task.def.id, c.id)), theme.base),
    ];
    let title_line = highlighted(&title, positions, c.title, Style::new(), theme.matched);
    let title_w = title_line.width();
    spans.extend(title_line.spans);
    spans.push(Span::raw(" ".repeat(c.title.saturating_sub(title_w) + 1)));
    let days_style = if timeliness == Timeliness::OpenOverdue {
        theme.overdue
    } else {
        theme.dim
    };
    spans.push(Span::raw(format!(
        "{} ",
        cell(&deadline_label(lang, task), c.deadline)
    )));
    spans.push(Span::styled(
        format!("{} ", cell(&days_label(lang, task, app.as_of()), c.days)),
        days_style,
    ));
    spans.push(Span::raw(format!("{} ", cell(&leads.join(", "), c.lead))));
    spans.push(Span::styled(
        format!(
            "{} ",
            cell(&short_status(lang, task.state.status, c.status), c.status)
        ),
        row_style,
    ));
    spans.push(Span::raw(format!("{:>3}%", task.state.progress)));
    Line::from(spans)
}
