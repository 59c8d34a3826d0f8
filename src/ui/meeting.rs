//! The meeting screen: the meeting's head line, its agenda (the item on screen marked), and the
//! item in full — why it is on the agenda, the conclusion, the tasks assigned under it, then the
//! task as the detail shows it. Its forms are popups over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::domain::meeting::{Meeting, MeetingState};
use crate::domain::{Status, Timeliness};
use crate::i18n::meet::{Word, t as word};
use crate::i18n::meeting::{W, word as said};
use crate::i18n::{Lang, Msg, format as vf, meeting as words};

/// Agenda rows shown at most; the item below gets the rest.
const AGENDA_ROWS: usize = 6;

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let width = usize::from(area.width);
    let Some(m) = app.shown_meeting() else {
        let key = key(app, Mode::Meeting, Action::NewMeeting);
        let text = word(lang, Word::NoMeeting).replace("{key}", &key);
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&format!(" {text}"), width), theme.dim)),
            area,
        );
        return;
    };
    let rows = m.agenda.len().clamp(1, AGENDA_ROWS);
    let [head, agenda, item] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::try_from(rows).unwrap_or(1)),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head_lines(app, m, theme, width)), head);
    frame.render_widget(
        Paragraph::new(agenda_lines(app, m, theme, width, rows)),
        agenda,
    );
    let Some(task) = app.agenda_task() else {
        return;
    };
    let n = app.agenda_item();
    let title = format!(
        " {} — {} ",
        word(lang, Word::Item)
            .replace("{n}", &(n + 1).to_string())
            .replace("{total}", &m.agenda.len().to_string()),
        safe(&task.def.id)
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(title, theme.title));
    let mut lines = item_lines(app, m, theme);
    lines.push(Line::default());
    lines.extend(super::detail::task_lines(app, theme, task));
    super::detail::scrolled(frame, lines, block, app.meeting_scroll(), item);
}

/// "H1 · Họp Ban Chỉ đạo · 15/07/2025 · Chủ trì: … · đang họp", then the agenda's size, or the
/// counts kept when it closed.
fn head_lines(app: &App, m: &Meeting, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut first = format!(
        " {} · {} · {}",
        safe(&m.id),
        safe(&m.title),
        vf::date(m.date)
    );
    if !m.chair.is_empty() {
        first = format!("{first} · {}: {}", said(lang, W::Chair), safe(&m.chair));
    }
    let state = words::state(lang, m.state);
    let first = fit(&first, width.saturating_sub(state.width() + 4));
    let pad = width.saturating_sub(first.width() + state.width() + 3);
    let kept = m
        .closing
        .as_ref()
        .filter(|_| m.state == MeetingState::Closed);
    let second = if let Some(c) = kept {
        word(lang, Word::CountsKept)
            .replace("{date}", &vf::date(c.as_of))
            .replace("{counts}", &crate::i18n::tally::short(lang, &c.overall))
    } else {
        let concluded = m.agenda.iter().filter(|i| i.conclusion.is_some()).count();
        format!(
            " {} ({}) · {}: {concluded}",
            said(lang, W::Agenda),
            m.agenda.len(),
            said(lang, W::Conclusion)
        )
    };
    vec![
        Line::from(vec![
            Span::styled(first, theme.title),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(format!("[{state}]"), theme.header_label),
        ]),
        Line::styled(fit(&format!(" {}", second.trim_start()), width), theme.dim),
    ]
}

fn agenda_lines(
    app: &App,
    m: &Meeting,
    theme: &Theme,
    width: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang();
    if m.agenda.is_empty() {
        let key = key(app, Mode::Normal, Action::AddToAgenda);
        let text = word(lang, Word::EmptyAgenda).replace("{key}", &key);
        return vec![Line::styled(fit(&format!(" {text}"), width), theme.dim)];
    }
    let cur = app.agenda_item();
    let start = cur
        .saturating_sub(rows / 2)
        .min(m.agenda.len().saturating_sub(rows));
    let reason_w = 18.min(width / 4);
    m.agenda
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(i, item)| {
            let task = app.tasks().iter().find(|t| t.def.id == item.task);
            let mark = task.map_or(" ", |t| match (t.timeliness(app.as_of()), t.state.status) {
                (Timeliness::OpenOverdue, _) => "!",
                (_, Status::Blocked) => "×",
                (_, Status::Done) => "✓",
                _ => " ",
            });
            let said = if item.conclusion.is_some() { "*" } else { " " };
            let reason = item.reasons.first().map_or_else(
                || word(lang, Word::AddedByHand),
                |r| words::reason(lang, *r),
            );
            let lead = format!(
                "{}{mark}{said}{:>2}. {:<7} ",
                if i == cur { "▶" } else { " " },
                i + 1,
                safe(&item.task)
            );
            let title_w = width.saturating_sub(lead.width() + reason_w + 1);
            let title = task.map_or_else(String::new, |t| fit(&safe(&t.def.title), title_w));
            let text = format!(
                "{lead}{title}{} {}",
                " ".repeat(title_w.saturating_sub(title.width())),
                fit(reason, reason_w)
            );
            let style = if i == cur { theme.selected } else { theme.base };
            Line::styled(text, style)
        })
        .collect()
}

/// Why the item is on the agenda, the conclusion, and the tasks assigned under it.
fn item_lines(app: &App, m: &Meeting, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let Some(item) = m.agenda.get(app.agenda_item()) else {
        return Vec::new();
    };
    let label = |w: &str| Span::styled(format!("{w}: "), theme.title);
    let reasons = if item.reasons.is_empty() {
        word(lang, Word::AddedByHand).to_string()
    } else {
        item.reasons
            .iter()
            .map(|r| words::reason(lang, *r))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut lines = vec![Line::from(vec![
        label(word(lang, Word::Reasons)),
        Span::raw(reasons),
    ])];
    match &item.conclusion {
        Some(c) => {
            lines.push(Line::from(label(said(lang, W::Conclusion))));
            lines.extend(c.lines().map(|l| Line::raw(format!("  {}", safe(l)))));
        }
        None => lines.push(Line::from(vec![
            label(said(lang, W::Conclusion)),
            Span::styled(word(lang, Word::NoConclusion), theme.dim),
        ])),
    }
    let assigned: Vec<_> = app
        .desk()
        .actions
        .iter()
        .filter(|a| a.meeting == m.id && a.about.as_deref() == Some(item.task.as_str()))
        .collect();
    if !assigned.is_empty() {
        lines.push(Line::from(label(said(lang, W::Assigned))));
        for a in assigned {
            let status = app
                .tasks()
                .iter()
                .find(|t| t.def.id == a.def.id)
                .map_or("", |t| lang.status(t.state.status));
            let units = |u: &[String]| {
                u.iter()
                    .map(|n| app.registry().short(n).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut who = units(&a.def.lead);
            if !a.def.support.is_empty() {
                who = format!(
                    "{who} ({}: {})",
                    lang.t(Msg::Support),
                    units(&a.def.support)
                );
            }
            lines.push(Line::raw(safe(&format!(
                "  {} — {} — {} — {} [{status}]",
                a.def.id, a.def.title, who, a.def.timeframe
            ))));
        }
    }
    lines
}

fn key(app: &App, mode: Mode, action: Action) -> String {
    app.keymap()
        .keys_for(mode, action)
        .first()
        .map_or_else(String::new, ToString::to_string)
}

/// The header's words for the "changed since the last meeting" filter.
pub(super) fn changed_label(lang: Lang, app: &App) -> String {
    let date = app.changed_since().map(vf::date).unwrap_or_default();
    word(lang, Word::ChangedSince).replace("{date}", &date)
}
