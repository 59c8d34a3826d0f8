//! The popup recording a target's value: the targets with their goal and latest value (the one
//! chosen marked), then the value, the day measured and the source as typed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::meeting_forms::{field_view, hints, popup};
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::domain::target;
use crate::i18n::format as vf;
use crate::i18n::meeting::{self as words, W};

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let form = app.target_form();
    let targets = &app.plan().targets;
    let rows = u16::try_from(targets.len()).unwrap_or(9).min(9);
    let height = (rows + 8).min(area.height);
    let inner = popup(
        frame,
        theme,
        area,
        (76, height),
        words::word(lang, W::RecordTitle),
    );
    let [list, title, fields, hint] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    let w = usize::from(inner.width);
    // The window of targets that holds the one chosen.
    let first = form
        .pick
        .saturating_sub(usize::from(rows).saturating_sub(1));
    for (row, (i, k)) in targets
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rows))
        .enumerate()
    {
        let readings = app
            .desk()
            .readings
            .get(&k.id)
            .map_or(&[][..], Vec::as_slice);
        let latest = crate::i18n::meeting::reading(lang, target::latest(readings));
        let standing = words::standing(lang, target::standing(k, readings, app.plan().year));
        let mark = if i == form.pick { "▶ " } else { "  " };
        let baseline = crate::i18n::meeting::percent_or_dash(lang, k.baseline);
        let text = format!(
            "{mark}{:<5} {:>5} {:>7}  {:<20} {standing}",
            safe(&k.id),
            vf::percent_exact(lang, k.target),
            baseline,
            latest
        );
        let style = if i == form.pick {
            theme.selected
        } else {
            theme.base
        };
        let y = list.y + u16::try_from(row).unwrap_or(0);
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&text, w), style)),
            Rect::new(list.x, y, list.width, 1),
        );
    }
    if let Some(k) = targets.get(form.pick) {
        let line = format!("{}: {}", safe(&k.id), safe(&k.title));
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&line, w), theme.dim)),
            title,
        );
    }
    let labels: Vec<&str> = crate::app::targets::FIELDS
        .iter()
        .map(|f| words::word(lang, *f))
        .collect();
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 2;
    let fw = w.saturating_sub(label_w + 1).max(1);
    for (i, (label, field)) in labels.iter().zip(&form.fields).enumerate() {
        let y = fields.y + u16::try_from(i).unwrap_or(0);
        if y >= fields.y + fields.height {
            break;
        }
        let (shown, col) = field_view(&safe(field.text()), field.cursor(), fw);
        let style = if i == form.field {
            theme.title
        } else {
            theme.dim
        };
        let line = Line::from(vec![
            Span::styled(
                format!("{label}:{}", " ".repeat(label_w - label.width() - 1)),
                style,
            ),
            Span::styled(shown, theme.base),
        ]);
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(fields.x, y, fields.width, 1),
        );
        if i == form.field {
            let x = fields.x + u16::try_from(label_w + col).unwrap_or(0);
            frame.set_cursor_position((x.min(fields.x + fields.width.saturating_sub(1)), y));
        }
    }
    let actions = [
        Action::Confirm,
        Action::NextValue,
        Action::NextField,
        Action::Back,
    ];
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&hints(app, Mode::TargetValue, &actions), w),
            theme.dim,
        )),
        hint,
    );
}
