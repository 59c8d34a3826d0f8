//! Drawing: a pure function of `&App` and the theme. Nothing here changes state or touches the
//! store. Every piece of text from data goes through [`text::safe`] before it reaches a cell.

mod bars;
mod dashboard;
mod detail;
mod export_menu;
mod help;
mod meeting;
mod meeting_forms;
mod popup;
mod stacked;
mod table;
mod targets;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::action::Mode;
use crate::app::App;
use crate::i18n::Msg;
pub use theme::{Theme, ThemeName};

pub use crate::app::{CHROME, MIN_HEIGHT, MIN_WIDTH};

/// How many task rows fit in a screen of this size (the runtime tells the app on resize).
pub fn table_rows(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(CHROME))
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, app, theme, area);
        return;
    }
    let [header, body, status, hints] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::header(frame, app, theme, header);
    match app.mode() {
        _ if app.on_meeting() => meeting::draw(frame, app, theme, body),
        Mode::Detail => detail::draw(frame, app, theme, body),
        Mode::Dashboard => dashboard::draw(frame, app, theme, body),
        Mode::TargetValue if app.popup_return() == Mode::Dashboard => {
            dashboard::draw(frame, app, theme, body);
        }
        Mode::Help => match app.help().mode {
            Some(Mode::Detail) => detail::draw(frame, app, theme, body),
            Some(Mode::Dashboard) => dashboard::draw(frame, app, theme, body),
            _ => table::draw(frame, app, theme, body),
        },
        Mode::Status | Mode::Progress | Mode::DoneOn | Mode::Note | Mode::Withdraw
            if app.popup_return() == Mode::Detail =>
        {
            detail::draw(frame, app, theme, body);
        }
        _ => table::draw(frame, app, theme, body),
    }
    // A sentence too long for the status line (a refused edit names who changed what) takes
    // the hint bar's line too, rather than being cut.
    let long = app.mode() != Mode::Search
        && app.message().is_some_and(|(_, m)| {
            unicode_width::UnicodeWidthStr::width(m.as_str()) + 2 > usize::from(area.width)
        });
    if long {
        bars::status_line(frame, app, theme, status.union(hints));
    } else {
        bars::status_line(frame, app, theme, status);
        bars::hint_bar(frame, app, theme, hints);
    }
    match app.mode() {
        Mode::Status => popup::status(frame, app, theme, body),
        Mode::Progress => popup::progress(frame, app, theme, body),
        Mode::DoneOn => popup::done_on(frame, app, theme, body),
        Mode::Withdraw => popup::withdraw(frame, app, theme, body),
        Mode::Note => popup::note(frame, app, theme, body),
        Mode::Filter => popup::filter(frame, app, theme, body),
        Mode::UnitPicker => popup::unit_picker(frame, app, theme, body),
        Mode::Help => help::draw(frame, app, theme, body),
        Mode::NewMeeting => meeting_forms::new_meeting(frame, app, theme, body),
        Mode::Assign => meeting_forms::assign(frame, app, theme, body),
        Mode::Conclusion => meeting_forms::conclusion(frame, app, theme, body),
        Mode::CloseMeeting => meeting_forms::close_meeting(frame, app, theme, body),
        Mode::TargetValue => targets::draw(frame, app, theme, body),
        Mode::Export => export_menu::draw(frame, app, theme, body),
        _ => {}
    }
}

fn too_small(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let msg = app
        .lang()
        .t(Msg::TooSmall)
        .replace("{w}", &MIN_WIDTH.to_string())
        .replace("{h}", &MIN_HEIGHT.to_string())
        .replace("{cw}", &area.width.to_string())
        .replace("{ch}", &area.height.to_string());
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(msg)
            .style(theme.title)
            .wrap(Wrap { trim: true }),
        area,
    );
}
