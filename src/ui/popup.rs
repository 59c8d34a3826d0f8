//! Popups over the table: status picker, progress, note editor, filter menu. Key labels come
//! from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use super::bars::due_label;
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::app::menu::{self, Field, Value};
use crate::domain::Status;
use crate::i18n::{Msg, actions::describe};

pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(h);
    v
}

pub(super) fn frame_block(theme: &Theme, title: &str) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

fn keys(app: &App, mode: Mode, action: Action) -> String {
    app.keymap()
        .keys_for(mode, action)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

/// A popup's own hint line: "enter xác nhận  esc quay lại", keys from the keymap.
fn hints(app: &App, mode: Mode, actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| format!("{} {}", keys(app, mode, *a), describe(app.lang(), *a).0))
        .collect::<Vec<_>>()
        .join("  ")
}

fn task_label(app: &App) -> String {
    app.selected_task()
        .map(|t| format!("{} — {}", safe(&t.def.id), safe(&t.def.title)))
        .unwrap_or_default()
}

pub(super) fn status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(area, 44, 10);
    frame.render_widget(Clear, r);
    let picks = [
        (Status::NotStarted, Action::PickNotStarted),
        (Status::InProgress, Action::PickInProgress),
        (Status::Blocked, Action::PickBlocked),
        (Status::Done, Action::PickDone),
        (Status::Cancelled, Action::PickCancelled),
    ];
    let width = usize::from(r.width.saturating_sub(2));
    let mut lines = vec![Line::styled(fit(&task_label(app), width), theme.dim)];
    for (i, (s, a)) in picks.iter().enumerate() {
        let text = format!(
            " [{}] {}",
            keys(app, Mode::Status, *a),
            app.lang().status(*s)
        );
        let style = if i == app.status_cursor() {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(format!("{text:<width$}"), style));
    }
    lines.push(Line::styled(
        format!(
            " {}",
            hints(app, Mode::Status, &[Action::Confirm, Action::Back])
        ),
        theme.dim,
    ));
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, app.lang().t(Msg::StatusTitle))),
        r,
    );
}

pub(super) fn progress(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(area, 44, 5);
    frame.render_widget(Clear, r);
    let width = usize::from(r.width.saturating_sub(2));
    let value = format!(" {}%", app.progress_input().text());
    let lines = vec![
        Line::styled(fit(&task_label(app), width), theme.dim),
        Line::styled(value, theme.title),
        Line::styled(
            format!(
                " {} ±10  {} {}",
                keys(app, Mode::Progress, Action::NextValue),
                keys(app, Mode::Progress, Action::Confirm),
                describe(app.lang(), Action::Confirm).0
            ),
            theme.dim,
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, app.lang().t(Msg::ProgressTitle))),
        r,
    );
    let x = r.x + 2 + u16::try_from(app.progress_input().cursor()).unwrap_or(0);
    frame.set_cursor_position((x.min(r.right().saturating_sub(2)), r.y + 2));
}

pub(super) fn done_on(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(area, 48, 5);
    frame.render_widget(Clear, r);
    let width = usize::from(r.width.saturating_sub(2));
    let lines = vec![
        Line::styled(fit(&task_label(app), width), theme.dim),
        Line::styled(format!(" {}", safe(app.done_input().text())), theme.title),
        Line::styled(
            fit(
                &format!(
                    " dd/mm/yyyy ≤ {}  {} ±1  {}",
                    crate::i18n::format::date(app.as_of()),
                    keys(app, Mode::DoneOn, Action::NextValue),
                    hints(app, Mode::DoneOn, &[Action::Confirm, Action::Back])
                ),
                width,
            ),
            theme.dim,
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, app.lang().t(Msg::DoneOnTitle))),
        r,
    );
    let x = r.x + 2 + u16::try_from(app.done_input().cursor()).unwrap_or(0);
    frame.set_cursor_position((x.min(r.right().saturating_sub(2)), r.y + 2));
}

pub(super) fn withdraw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(area, 60, 6);
    frame.render_widget(Clear, r);
    let width = usize::from(r.width.saturating_sub(2));
    let note = app
        .selected_task()
        .zip(app.note_cursor())
        .and_then(|(t, i)| t.state.notes.get(i).map(|n| (i, n)));
    let text = note.map_or_else(String::new, |(i, n)| {
        format!(" {}. {}", i + 1, safe(&n.text))
    });
    let lines = vec![
        Line::styled(fit(&task_label(app), width), theme.dim),
        Line::styled(fit(&text, width), theme.base),
        Line::default(),
        Line::styled(
            fit(
                &format!(
                    " {}",
                    hints(app, Mode::Withdraw, &[Action::Confirm, Action::Back])
                ),
                width,
            ),
            theme.dim,
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, app.lang().t(Msg::WithdrawTitle))),
        r,
    );
}

pub(super) fn note(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(
        area,
        area.width.saturating_sub(4).max(40),
        area.height.saturating_sub(2).clamp(6, 16),
    );
    frame.render_widget(Clear, r);
    let block = frame_block(
        theme,
        app.lang().t(if app.note_correcting().is_some() {
            Msg::CorrectTitle
        } else {
            Msg::NoteTitle
        }),
    );
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [label, editor, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let id = app.note_task().unwrap_or_default();
    let title = app
        .tasks()
        .iter()
        .find(|t| t.def.id == id)
        .map(|t| safe(&t.def.title))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&format!("{} — {title}", safe(id)), usize::from(label.width)),
            theme.dim,
        )),
        label,
    );
    frame.render_widget(app.note(), editor);
    frame.render_widget(
        Paragraph::new(Line::styled(
            hints(
                app,
                Mode::Note,
                &[Action::Save, Action::Back, Action::DiscardNote],
            ),
            theme.dim,
        )),
        hint,
    );
}

pub(super) fn filter(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = centered(area, 64, 9);
    frame.render_widget(Clear, r);
    let lang = app.lang();
    let width = usize::from(r.width.saturating_sub(2));
    let mut lines = Vec::new();
    for (i, field) in Field::ALL.iter().enumerate() {
        let name = match field {
            Field::Pillar => lang.t(Msg::Pillar),
            Field::Status => lang.t(Msg::Status),
            Field::Lead => lang.t(Msg::Lead),
            Field::Due => lang.t(Msg::Deadline),
            Field::Funding => lang.t(Msg::Funding),
        };
        let value = match menu::current(*field, app.filter()) {
            None => lang.t(Msg::All).to_string(),
            Some(Value::Pillar(p)) => app.plan().pillar(&p).map_or(p.clone(), |x| {
                crate::i18n::format::pillar_label(lang, x)
                    .trim()
                    .to_string()
            }),
            Some(Value::Status(s)) => lang.status(s).to_string(),
            Some(Value::Lead(l)) => l,
            Some(Value::Due(d)) => due_label(lang, d),
            Some(Value::Funding(f)) => f,
        };
        let text = fit(&safe(&format!(" {name:<18} ‹ {value} ›")), width);
        let style = if i == app.menu().field {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(format!("{text:<width$}"), style));
    }
    lines.push(Line::default());
    // On the lead unit line, Enter opens the picker one types in.
    let on_lead = Field::ALL.get(app.menu().field) == Some(&Field::Lead);
    let hint = if on_lead {
        format!(
            " {} {}  {}",
            keys(app, Mode::Filter, Action::Confirm),
            lang.t(Msg::UnitPickerTitle).to_lowercase(),
            hints(app, Mode::Filter, &[Action::ClearFilters])
        )
    } else {
        format!(
            " {}",
            hints(
                app,
                Mode::Filter,
                &[Action::NextValue, Action::ClearFilters, Action::Confirm]
            )
        )
    };
    lines.push(Line::styled(fit(&hint, width), theme.dim));
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, lang.t(Msg::FilterTitle))),
        r,
    );
}

/// The lead unit picker: the words typed, then the units they match, best first.
pub(super) fn unit_picker(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let choices = app.unit_choices();
    let wanted = u16::try_from(choices.len().max(1) + 5).unwrap_or(u16::MAX);
    let r = centered(
        area,
        72,
        wanted.min(area.height.saturating_sub(2)).clamp(6, 16),
    );
    frame.render_widget(Clear, r);
    let lang = app.lang();
    let width = usize::from(r.width.saturating_sub(2));
    let mut lines = vec![
        Line::styled(
            fit(&format!(" {}", lang.t(Msg::UnitPickerHint)), width),
            theme.dim,
        ),
        Line::styled(
            fit(&format!(" › {}", safe(app.unit_query().text())), width),
            theme.title,
        ),
    ];
    // Lines left for the list: borders, the two lines above and the hint line below.
    let room = usize::from(r.height.saturating_sub(5)).max(1);
    let cursor = app.unit_cursor().min(choices.len().saturating_sub(1));
    let first = cursor.saturating_sub(room - 1);
    if choices.is_empty() {
        lines.push(Line::styled(
            fit(&format!(" {}", lang.t(Msg::NoUnitMatches)), width),
            theme.dim,
        ));
    }
    for (i, choice) in choices.iter().enumerate().skip(first).take(room) {
        let text = match choice {
            None => format!(" {}", lang.t(Msg::All)),
            Some(u) if u.short == u.name => format!(" {}", safe(&u.name)),
            Some(u) => format!(" {} — {}", safe(&u.short), safe(&u.name)),
        };
        let text = fit(&text, width);
        let style = if i == cursor {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(format!("{text:<width$}"), style));
    }
    while lines.len() < room + 2 {
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        fit(
            &format!(
                " {}",
                hints(app, Mode::UnitPicker, &[Action::Confirm, Action::Back])
            ),
            width,
        ),
        theme.dim,
    ));
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, lang.t(Msg::UnitPickerTitle))),
        r,
    );
    let typed: String = app
        .unit_query()
        .text()
        .chars()
        .take(app.unit_query().cursor())
        .collect();
    let x =
        r.x + 4 + u16::try_from(unicode_width::UnicodeWidthStr::width(typed.as_str())).unwrap_or(0);
    frame.set_cursor_position((x.min(r.right().saturating_sub(2)), r.y + 2));
}
