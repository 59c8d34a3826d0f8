//! The meeting screen: the meeting's head line, its agenda (the item on screen marked), and the
//! item in full — why it is on the agenda, the conclusion, the tasks assigned under it, then the
//! task as the detail shows it. Its forms are popups over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Theme;
use super::popup::{centered, frame_block};
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::domain::meeting::{Meeting, MeetingState};
use crate::domain::{Status, Timeliness};
use crate::i18n::meet::{Word, t as word};
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
            Paragraph::new(Line::styled(fit(&text, width), theme.dim)),
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
        first = format!("{first} · {}: {}", word(lang, Word::Chair), safe(&m.chair));
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
            word(lang, Word::Agenda),
            m.agenda.len(),
            word(lang, Word::Conclusion)
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
    let label = |w: Word| Span::styled(format!("{}: ", word(lang, w)), theme.title);
    let reasons = if item.reasons.is_empty() {
        word(lang, Word::AddedByHand).to_string()
    } else {
        item.reasons
            .iter()
            .map(|r| words::reason(lang, *r))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut lines = vec![Line::from(vec![label(Word::Reasons), Span::raw(reasons)])];
    match &item.conclusion {
        Some(c) => {
            lines.push(Line::from(label(Word::Conclusion)));
            lines.extend(c.lines().map(|l| Line::raw(format!("  {}", safe(l)))));
        }
        None => lines.push(Line::from(vec![
            label(Word::Conclusion),
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
        lines.push(Line::from(label(Word::Assigned)));
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

/// A popup's own hint line, in the words of its mode: "enter lưu  tab ô sau  esc quay lại".
fn hints(app: &App, mode: Mode, actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| {
            let keys: Vec<String> = app
                .keymap()
                .keys_for(mode, *a)
                .iter()
                .map(ToString::to_string)
                .collect();
            let label = crate::i18n::actions::describe_in(app.lang(), mode, *a).0;
            format!("{} {label}", keys.join("/"))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

fn key(app: &App, mode: Mode, action: Action) -> String {
    app.keymap()
        .keys_for(mode, action)
        .first()
        .map_or_else(String::new, ToString::to_string)
}

/// The end of a typed text that fits `w` cells, and the cursor's column in it.
fn field_view(text: &str, cursor: usize, w: usize) -> (String, usize) {
    let before: String = text.chars().take(cursor).collect();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    while before.chars().skip(start).collect::<String>().width() + 1 > w && start < cursor {
        start += 1;
    }
    let mut shown = String::new();
    for c in chars.iter().skip(start) {
        if shown.width() + c.width().unwrap_or(0) > w {
            break;
        }
        shown.push(*c);
    }
    let col = before.chars().skip(start).collect::<String>().width();
    (shown, col)
}

/// A form's fields, one a line: label, then the text typed (the cursor in the one typed in).
fn form(frame: &mut Frame, app: &App, theme: &Theme, labels: &[String], area: Rect) {
    let (fields, current) = app.meeting_form();
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 2;
    let w = usize::from(area.width).saturating_sub(label_w + 1).max(1);
    for (i, (label, field)) in labels.iter().zip(fields).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        if y >= area.y + area.height {
            break;
        }
        let (shown, col) = field_view(&safe(field.text()), field.cursor(), w);
        let style = if i == current { theme.title } else { theme.dim };
        let line = Line::from(vec![
            Span::styled(
                format!("{label}:{}", " ".repeat(label_w - label.width() - 1)),
                style,
            ),
            Span::styled(shown, theme.base),
        ]);
        frame.render_widget(Paragraph::new(line), Rect::new(area.x, y, area.width, 1));
        if i == current {
            let x = area.x + u16::try_from(label_w + col).unwrap_or(0);
            frame.set_cursor_position((x.min(area.x + area.width.saturating_sub(1)), y));
        }
    }
}

fn popup(frame: &mut Frame, theme: &Theme, area: Rect, size: (u16, u16), title: &str) -> Rect {
    let r = centered(area, size.0, size.1);
    frame.render_widget(Clear, r);
    let block = frame_block(theme, title);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

pub(super) fn new_meeting(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let inner = popup(frame, theme, area, (70, 7), word(lang, Word::NewTitle));
    let [fields, _, hint] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let labels: Vec<String> = crate::app::NEW_FIELDS
        .iter()
        .map(|w| word(lang, *w).to_string())
        .collect();
    form(frame, app, theme, &labels, fields);
    let actions = [Action::Confirm, Action::NextField, Action::Back];
    frame.render_widget(
        Paragraph::new(Line::styled(
            hints(app, Mode::NewMeeting, &actions),
            theme.dim,
        )),
        hint,
    );
}

pub(super) fn assign(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let inner = popup(frame, theme, area, (74, 9), word(lang, Word::AssignTitle));
    let [about, fields, reads, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let width = usize::from(inner.width);
    let task = app
        .agenda_task()
        .map(|t| format!("{} — {}", safe(&t.def.id), safe(&t.def.title)))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&task, width), theme.dim)),
        about,
    );
    let labels = [
        word(lang, Word::What).to_string(),
        lang.t(Msg::Lead).to_string(),
        lang.t(Msg::Support).to_string(),
        lang.t(Msg::Timeframe).to_string(),
    ];
    form(frame, app, theme, &labels, fields);
    let reading = app.assign_deadline().map(|r| match r.deadline() {
        Some(d) => word(lang, Word::ReadsAs).replace("{date}", &vf::date(d)),
        None => word(lang, Word::ReadsNone).to_string(),
    });
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&reading.unwrap_or_default(), width),
            theme.info,
        )),
        reads,
    );
    let actions = [Action::Confirm, Action::NextField, Action::Back];
    frame.render_widget(
        Paragraph::new(Line::styled(hints(app, Mode::Assign, &actions), theme.dim)),
        hint,
    );
}

pub(super) fn conclusion(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let task = app.concluding().unwrap_or_default();
    let title = word(lang, Word::ConclusionTitle).replace("{task}", &safe(task));
    let size = (
        area.width.saturating_sub(4).max(40),
        area.height.saturating_sub(2).clamp(6, 14),
    );
    let inner = popup(frame, theme, area, size, &title);
    let [editor, hint] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(app.conclusion_editor(), editor);
    let actions = [Action::Save, Action::Back, Action::DiscardNote];
    frame.render_widget(
        Paragraph::new(Line::styled(
            hints(app, Mode::Conclusion, &actions),
            theme.dim,
        )),
        hint,
    );
}

pub(super) fn close_meeting(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let id = app
        .shown_meeting()
        .map(|m| m.id.clone())
        .unwrap_or_default();
    let inner = popup(
        frame,
        theme,
        area,
        (60, 6),
        lang.mode_name(Mode::CloseMeeting),
    );
    let text = word(lang, Word::CloseQuestion)
        .replace("{id}", &safe(&id))
        .replace("{date}", &vf::date(app.as_of()));
    let [q, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
        q,
    );
    let actions = [Action::Confirm, Action::Back];
    frame.render_widget(
        Paragraph::new(Line::styled(
            hints(app, Mode::CloseMeeting, &actions),
            theme.dim,
        )),
        hint,
    );
}

/// The header's words for the "changed since the last meeting" filter.
pub(super) fn changed_label(lang: Lang, app: &App) -> String {
    let date = app.changed_since().map(vf::date).unwrap_or_default();
    word(lang, Word::ChangedSince).replace("{date}", &date)
}
