//! Help: every binding of the mode it was opened from, generated from the loaded keymap, and
//! filtered by what the user types.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::App;
use crate::i18n::Msg;
use crate::query::fold::fold;

/// The help entries of a mode: (keys, description), one per action, in keymap order.
pub fn entries(app: &App, mode: Mode) -> Vec<(String, String)> {
    let mut out: Vec<(Action, Vec<String>, String)> = Vec::new();
    for b in app.keymap().bindings(mode) {
        if b.action == Action::Noop {
            continue;
        }
        let desc = b.desc.clone().unwrap_or_else(|| {
            crate::i18n::actions::describe_in(app.lang(), mode, b.action)
                .1
                .to_string()
        });
        match out.iter_mut().find(|(a, _, _)| *a == b.action) {
            Some((_, keys, _)) => keys.push(b.key.to_string()),
            None => out.push((b.action, vec![b.key.to_string()], desc)),
        }
    }
    let query = fold(app.help().query.text());
    out.into_iter()
        .map(|(_, keys, desc)| (keys.join(", "), desc))
        .filter(|(k, d)| query.is_empty() || fold(&format!("{k} {d}")).contains(query.trim()))
        .collect()
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mode = app.help().mode.unwrap_or(Mode::Normal);
    let r = area;
    frame.render_widget(Clear, r);
    let lang = app.lang();
    let title = format!(" {} — {} ", lang.t(Msg::HelpTitle), lang.mode_name(mode));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(title, theme.title));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let width = usize::from(inner.width);
    let entries = entries(app, mode);
    let key_w = entries
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let query = app.help().query.text();
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "{}: {}",
                lang.t(Msg::Search),
                if query.is_empty() {
                    lang.t(Msg::HelpFilter).to_string()
                } else {
                    safe(query)
                }
            ),
            width,
        ),
        theme.dim,
    )];
    let mut notes = vec![
        String::new(),
        format!(
            "{}: {}",
            lang.t(Msg::Legend),
            crate::i18n::tally::legend(lang)
        ),
        format!(
            "• {}",
            crate::i18n::meet::t(lang, crate::i18n::meet::Word::ChangedMark)
        ),
        crate::i18n::tally::rate_formula(lang).to_string(),
    ];
    if mode == Mode::Dashboard {
        // The dashboard's marks are its bars'.
        let legend = (0..2).map(|l| {
            crate::i18n::tally::legend_line(lang, l)
                .into_iter()
                .map(|(m, w)| format!("{m} {w}"))
                .collect::<Vec<_>>()
                .join("  ")
        });
        notes.splice(1..2, legend);
    }
    if !query.is_empty() {
        notes.clear();
    }
    for (k, d) in entries.iter().skip(usize::from(app.help().scroll)) {
        let k = fit(k, key_w);
        let pad = " ".repeat(key_w.saturating_sub(k.width()) + 2);
        let desc = fit(&safe(d), width.saturating_sub(key_w + 3));
        lines.push(Line::from(vec![
            Span::styled(format!(" {k}{pad}"), theme.key),
            Span::raw(desc),
        ]));
    }
    for n in notes {
        lines.push(Line::styled(
            format!(" {}", fit(&n, width.saturating_sub(1))),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
