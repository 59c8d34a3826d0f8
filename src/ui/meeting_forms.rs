//! The meeting screen's popups: the form of a new meeting, the form of an action item (with the
//! deadline its timeframe reads as, live), the conclusion editor, and the close confirmation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Theme;
use super::popup::{centered, frame_block};
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::i18n::meet::{Word, t as word};
use crate::i18n::{Msg, format as vf};

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
    let title = app.meeting_editing().map_or_else(
        || word(lang, Word::NewTitle).to_string(),
        |id| word(lang, Word::EditTitle).replace("{id}", &safe(id)),
    );
    let inner = popup(frame, theme, area, (70, 7), &title);
    let [fields, _, hint] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let labels: Vec<String> = crate::app::NEW_FIELDS
        .iter()
        .map(|w| crate::i18n::meeting::word(lang, *w).to_string())
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
        None => format!(
            "→ {}",
            crate::i18n::meeting::word(lang, crate::i18n::meeting::W::NoDeadlineRead)
        ),
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
        crate::i18n::actions::describe_in(lang, Mode::CloseMeeting, Action::Confirm).1,
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
