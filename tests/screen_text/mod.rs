//! Shared by the screen tests: an `App` drawn into a test terminal, and what it shows as text.
#![allow(dead_code)] // each test file uses a part

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use steerdeck::app::App;
use steerdeck::ui::{self, Theme, ThemeName};

/// `app` drawn at `w`×`h` with `theme`.
pub fn drawn(app: &App, theme: &Theme, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| ui::draw(f, app, theme)).expect("draw");
    term.backend().buffer().clone()
}

/// Each row of `buf` as a line, without its trailing blanks.
pub fn text(buf: &Buffer) -> String {
    rows(buf, true)
}

/// Each row of `buf` as a line as wide as the screen.
pub fn full_text(buf: &Buffer) -> String {
    rows(buf, false)
}

/// What `app` shows at 80×24 without colour, as text.
pub fn mono_80x24(app: &App) -> String {
    text(&drawn(
        app,
        &Theme::from_name(ThemeName::Mono, true),
        80,
        24,
    ))
}

fn rows(buf: &Buffer, trim: bool) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(if trim { line.trim_end() } else { &line });
        out.push('\n');
    }
    out
}
