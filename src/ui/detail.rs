//! One task in full: every field wrapped, units with their full names, deadline and timeliness,
//! notes, and the task's history.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::table::deadline_label;
use super::text::safe;
use crate::app::App;
use crate::domain::Task;
use crate::i18n::{Msg, format as vf};

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(task) = app.selected_task() else {
        return;
    };
    let lines = task_lines(app, theme, task);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", app.lang().t(Msg::DetailTitle)),
            theme.title,
        ));
    scrolled(frame, lines, block, app.detail_scroll(), area);
}

/// Lines in a block, scrolled; "to the end" (`u16::MAX`) is clamped to the last screenful: the
/// app does not know how tall the text is once wrapped.
pub(super) fn scrolled(
    frame: &mut Frame,
    lines: Vec<Line<'static>>,
    block: Block<'static>,
    scroll: u16,
    area: Rect,
) {
    let width = usize::from(area.width.max(1));
    let tall: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
    let last_top = u16::try_from(tall.saturating_sub(usize::from(area.height.saturating_sub(1))))
        .unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(last_top), 0)),
        area,
    );
}

/// The task in full, as the detail shows it (the meeting screen shows its items so too).
pub(super) fn task_lines(app: &App, theme: &Theme, task: &Task) -> Vec<Line<'static>> {
    let lang = app.lang();
    let field = |label: Msg, value: String| -> Line<'static> {
        Line::from(vec![
            Span::styled(format!("{}: ", lang.t(label)), theme.title),
            Span::raw(value),
        ])
    };
    let units = |names: &[String]| -> String {
        if names.is_empty() {
            return "—".into();
        }
        names
            .iter()
            .map(|n| match app.registry().resolve(n) {
                Some(u) if u.name != *n => format!("{} ({})", safe(n), safe(&u.name)),
                _ => safe(n),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let pillar = app.plan().pillar(&task.def.pillar).map_or_else(
        || safe(&task.def.pillar),
        |p| safe(&vf::pillar_label(lang, p)),
    );
    let deadline = task.deadline().map_or_else(
        || lang.t(Msg::NoDeadline).to_string(),
        |d| {
            let label = deadline_label(lang, task);
            let date = vf::date(d);
            let when = if label == date {
                date
            } else {
                format!("{label} — {date}")
            };
            match vf::deadline_note(lang, task, app.as_of()) {
                Some(note) => format!("{when} ({note})"),
                None => when,
            }
        },
    );
    let mut lines = vec![
        Line::styled(
            format!("{} — {}", safe(&task.def.id), safe(&task.def.title)),
            theme.title,
        ),
        Line::default(),
        field(Msg::Pillar, pillar),
        field(Msg::Timeframe, safe(&task.def.timeframe)),
        field(Msg::Deadline, deadline),
        field(Msg::Lead, units(&task.def.lead)),
        field(Msg::Support, units(&task.def.support)),
        field(
            Msg::Funding,
            task.def.funding.as_deref().map_or_else(|| "—".into(), safe),
        ),
    ];
    if let Some(r) = &task.def.remark {
        lines.push(field(Msg::Remark, safe(r)));
    }
    lines.push(field(Msg::Status, lang.status(task.state.status).into()));
    lines.push(field(Msg::Progress, format!("{}%", task.state.progress)));
    if let Some(c) = task.state.completed_on {
        lines.push(field(Msg::CompletedOn, vf::date(c)));
    }
    let t = task.timeliness(app.as_of());
    let style = if task.is_overdue(app.as_of()) {
        theme.overdue
    } else {
        theme.base
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", lang.t(Msg::Timeliness)), theme.title),
        Span::styled(lang.timeliness(t).to_string(), style),
    ]));
    if !task.state.notes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(lang.t(Msg::Notes).to_string(), theme.title));
        for (i, n) in task.state.notes.iter().enumerate() {
            let cursor = if app.note_cursor() == Some(i) {
                "▶"
            } else {
                " "
            };
            let mark = match &n.withdrawn {
                None => String::new(),
                Some(w) => format!(
                    " — {} ({}, {})",
                    lang.t(if w.corrected {
                        Msg::CorrectedTag
                    } else {
                        Msg::WithdrawnTag
                    }),
                    safe(&w.who),
                    app.zone().date_and_time(w.at)
                ),
            };
            let style = if n.is_current() {
                theme.dim
            } else {
                theme.dim.add_modifier(Modifier::CROSSED_OUT)
            };
            lines.push(Line::styled(
                format!(
                    "{cursor}{}. [{}, {}]{mark}",
                    i + 1,
                    app.zone().date_and_time(n.at),
                    safe(&n.who)
                ),
                if n.is_current() { theme.dim } else { style },
            ));
            let text_style = if n.is_current() { theme.base } else { style };
            for l in n.text.lines() {
                lines.push(Line::styled(format!("    {}", safe(l)), text_style));
            }
        }
    }
    match app.detail_history() {
        Some(Ok(history)) if !history.is_empty() => {
            lines.push(Line::default());
            lines.push(Line::styled(lang.t(Msg::History).to_string(), theme.title));
            for e in history.iter().rev() {
                lines.push(Line::raw(safe(&format!(
                    "  {}",
                    crate::i18n::history::describe(lang, app.zone(), e)
                ))));
            }
        }
        Some(Err(e)) => {
            lines.push(Line::default());
            lines.push(Line::styled(
                format!("{}: {}", lang.t(Msg::HistoryUnavailable), safe(e)),
                theme.error,
            ));
        }
        _ => {}
    }
    lines
}
