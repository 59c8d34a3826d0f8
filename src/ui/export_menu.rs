//! The papers menu: which paper to write, and where it goes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::popup::{centered, frame_block};
use super::text::fit;
use crate::action::{Action, Mode};
use crate::app::App;
use crate::i18n::actions::describe_in;
use crate::i18n::papers::{W, word};

/// Draws the menu over the plan.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let (items, cursor, dir) = app.export_menu();
    let height = u16::try_from(items.len() + 4).unwrap_or(u16::MAX);
    let r = centered(area, 60, height);
    frame.render_widget(Clear, r);
    let width = usize::from(r.width.saturating_sub(2));
    let mut lines: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let style = if i == cursor {
                theme.selected
            } else {
                theme.base
            };
            Line::styled(
                format!("{:<width$}", fit(&format!(" {item}"), width)),
                style,
            )
        })
        .collect();
    lines.push(Line::styled(fit(&format!(" {dir}"), width), theme.dim));
    let hint = [Action::Confirm, Action::Back]
        .iter()
        .map(|a| {
            let keys: Vec<String> = app
                .keymap()
                .keys_for(Mode::Export, *a)
                .iter()
                .map(ToString::to_string)
                .collect();
            format!(
                "{} {}",
                keys.join("/"),
                describe_in(app.lang(), Mode::Export, *a).0
            )
        })
        .collect::<Vec<_>>()
        .join("  ");
    lines.push(Line::styled(fit(&format!(" {hint}"), width), theme.dim));
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(theme, word(app.lang(), W::MenuTitle))),
        r,
    );
}
