//! The header (plan, as-of date, filters, user), the status line and the hint bar. The hint bar
//! is generated from the loaded keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::text::{fit, safe};
use crate::action::{Action, Mode};
use crate::app::{App, Grouping, Tone};
use crate::i18n::{Lang, Msg, actions::describe, format as vf};
use crate::query::Due;

pub(super) fn header(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let width = usize::from(area.width);
    let mut first = format!(
        " steerdeck · {} {} · {} {} · {}",
        lang.t(Msg::Plan),
        safe(app.plan_name()),
        lang.t(Msg::AsOf),
        vf::date(app.as_of()),
        safe(&app.actor().user),
    );
    if app.read_only() {
        first.push_str(" · ");
        first.push_str(lang.t(Msg::ReadOnlyTag));
    }
    let grouping = match app.grouping() {
        Grouping::Pillar => Msg::GroupByPillar,
        Grouping::Lead => Msg::GroupByLead,
        Grouping::Quarter => Msg::GroupByQuarter,
        Grouping::Ranked => Msg::GroupByRank,
    };
    let filters = filter_summary(app);
    let on_dashboard = app.mode() == Mode::Dashboard
        || (app.mode() == Mode::Help && app.help().mode == Some(Mode::Dashboard));
    let body = usize::from(frame.area().height.saturating_sub(4));
    let second = if on_dashboard {
        super::dashboard::header_line(app, body)
    } else {
        format!(
            " {}: {} · {} / {} {} · {}",
            lang.t(Msg::Filters),
            if filters.is_empty() {
                lang.t(Msg::NoFilter).to_string()
            } else {
                filters.join(", ")
            },
            vf::count(lang, app.view().matched),
            vf::count(lang, app.tasks().len()),
            lang.t(Msg::Tasks),
            lang.t(grouping),
        )
    };
    let pad = |s: String| {
        let s = fit(&s, width);
        let fill = width.saturating_sub(s.width());
        format!("{s}{}", " ".repeat(fill))
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(pad(first), theme.header_label),
            Line::styled(pad(second), theme.header),
        ]),
        area,
    );
}

/// The active filters and search, in words.
pub(super) fn filter_summary(app: &App) -> Vec<String> {
    let lang = app.lang();
    let f = &app.filter();
    let mut out = Vec::new();
    for p in &f.pillars {
        let label = app.plan().pillar(p).map_or_else(
            || p.clone(),
            |x| {
                if x.numeral.is_empty() {
                    pillar_name(lang, x)
                } else {
                    format!("{} {}", lang.t(Msg::Pillar), x.numeral)
                }
            },
        );
        out.push(safe(&label));
    }
    for s in &f.statuses {
        out.push(lang.status(*s).to_lowercase());
    }
    if let Some(l) = &f.lead {
        out.push(safe(l));
    }
    for d in &f.due {
        out.push(due_label(lang, *d));
    }
    if let Some(x) = &f.funding {
        out.push(safe(x));
    }
    if f.ids.is_some() {
        out.push(super::meeting::changed_label(lang, app));
    }
    if !app.search().is_empty() {
        out.push(format!(
            "{} \"{}\"",
            lang.t(Msg::Search).to_lowercase(),
            safe(app.search().text())
        ));
    }
    out
}

pub(super) fn pillar_name(lang: Lang, p: &crate::domain::Pillar) -> String {
    vf::pillar_name(lang, p).to_string()
}

pub(super) fn due_label(lang: Lang, d: Due) -> String {
    match d {
        Due::Overdue => lang.t(Msg::Overdue).to_lowercase(),
        Due::ThisQuarter => lang.t(Msg::DueThisQuarter).to_lowercase(),
        Due::Quarter(y, q) => vf::quarter_label(lang, y, q),
        Due::By(date) => format!("≤ {}", vf::date(date)),
        Due::NoDeadline => lang.t(Msg::NoDeadline).to_lowercase(),
    }
}

pub(super) fn status_line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let line = if app.mode() == Mode::Search
        || (app.mode() == Mode::Help && app.help().mode == Some(Mode::Search))
    {
        let text = format!("/{}", safe(app.search().text()));
        let count = format!("  ({})", vf::count(app.lang(), app.view().matched));
        if app.mode() == Mode::Search {
            let cursor_x = 1 + app
                .search()
                .text()
                .chars()
                .take(app.search().cursor())
                .collect::<String>()
                .width();
            let x = area.x + u16::try_from(cursor_x.min(width.saturating_sub(1))).unwrap_or(0);
            frame.set_cursor_position((x, area.y));
        }
        Line::from(vec![
            Span::styled(fit(&text, width), theme.title),
            Span::styled(count, theme.dim),
        ])
    } else if let Some((tone, msg)) = app.message() {
        let style = match tone {
            Tone::Info => theme.info,
            Tone::Error => theme.error,
        };
        if area.height > 1 {
            let text = Paragraph::new(Line::styled(format!(" {msg} "), style))
                .wrap(ratatui::widgets::Wrap { trim: false });
            frame.render_widget(text, area);
            return;
        }
        Line::styled(fit(&format!(" {msg} "), width), style)
    } else if let (Mode::Normal, Some(crate::app::Row::Group(g))) =
        (app.mode(), app.view().rows.get(app.selected()))
    {
        // A header: the group's full name and every count; where that does not fit, the
        // counts as the 80-column header row writes them.
        let text = app.view().groups.get(*g).map_or_else(String::new, |group| {
            let label = safe(&group.label);
            let long = format!(
                " {label} — {}",
                crate::i18n::tally::long(app.lang(), &group.counts)
            );
            if long.width() <= width {
                long
            } else {
                format!(
                    " {label} — {}",
                    crate::i18n::tally::short(app.lang(), &group.counts)
                )
            }
        });
        Line::styled(fit(&text, width), theme.dim)
    } else if let (Mode::Normal, Some(t)) = (app.mode(), app.selected_task()) {
        // The table cuts titles; the selected one is shown in full here.
        Line::styled(
            fit(
                &format!(" {} — {}", safe(&t.def.id), safe(&t.def.title)),
                width,
            ),
            theme.dim,
        )
    } else {
        Line::default()
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// How useful an action is in the hint bar (lower first); `None` keeps it out (every screen
/// has it, or it is obvious). The keys themselves always come from the loaded keymap.
fn hint_rank(action: Action) -> Option<u8> {
    Some(match action {
        Action::Confirm | Action::Save => 0,
        Action::OpenDetail | Action::Search | Action::NextValue => 1,
        Action::SetStatus | Action::PickDone => 2,
        Action::SetProgress | Action::PickInProgress => 3,
        Action::AddNote | Action::PickBlocked => 4,
        Action::Filter | Action::NextField => 5,
        Action::ViewOverdue | Action::ClearFilters => 6,
        Action::Undo | Action::MoveDown => 7,
        Action::CycleGrouping | Action::PickNotStarted => 8,
        Action::ToggleGroup | Action::PickCancelled => 9,
        Action::Back => 10,
        Action::Quit => 11,
        Action::ViewDueThisQuarter | Action::ViewBlocked | Action::Redo => 12,
        Action::ToggleLanguage | Action::NextGroup | Action::FoldAll | Action::UnfoldAll => 13,
        Action::NextNote | Action::CorrectNote | Action::WithdrawNote | Action::DiscardNote => 6,
        Action::Dashboard => 6,
        Action::Conclude | Action::Assign => 1,
        Action::OpenMeeting | Action::CloseMeeting => 5,
        Action::Meeting | Action::AddToAgenda | Action::NewMeeting => 12,
        Action::DropItem | Action::ViewChanged => 12,
        _ => return None,
    })
}

pub(super) fn hint_bar(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let mode = app.mode();
    let help = app
        .keymap()
        .keys_for(mode, Action::Help)
        .first()
        .map(ToString::to_string);
    let reserve = help.as_ref().map_or(0, |k| {
        k.width() + describe(app.lang(), Action::Help).0.width() + 3
    });
    // First key of each action, most useful first (keymap order breaks ties).
    let mut hints: Vec<(u8, Action, String)> = Vec::new();
    for b in app.keymap().bindings(mode) {
        // On the dashboard, scrolling is what one needs to know first.
        let rank = match (mode, b.action) {
            (Mode::Dashboard, Action::ScrollDown) => Some(7),
            // In a meeting, walking the agenda comes first; the way back to the plan is esc.
            (Mode::Meeting, Action::MoveDown) => Some(0),
            (Mode::Meeting, Action::Meeting) => Some(10),
            _ => hint_rank(b.action),
        };
        let Some(rank) = rank else {
            continue;
        };
        if hints.iter().any(|(_, a, _)| *a == b.action) || (app.read_only() && is_edit(b.action)) {
            continue;
        }
        if mode == Mode::Search && b.action == Action::MoveDown {
            continue;
        }
        hints.push((rank, b.action, b.key.to_string()));
    }
    hints.sort_by_key(|(rank, _, _)| *rank);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (_, action, key) in hints {
        let label = crate::i18n::actions::describe_in(app.lang(), mode, action).0;
        let w = key.width() + label.width() + 3;
        if used + w + reserve > width {
            continue;
        }
        used += w;
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::raw(format!(" {label} ")));
    }
    if let Some(k) = help {
        spans.push(Span::styled(format!(" {k}"), theme.key));
        spans.push(Span::raw(format!(
            " {} ",
            describe(app.lang(), Action::Help).0
        )));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn is_edit(a: Action) -> bool {
    matches!(
        a,
        Action::SetStatus
            | Action::SetProgress
            | Action::AddNote
            | Action::Undo
            | Action::Redo
            | Action::AddToAgenda
            | Action::NewMeeting
            | Action::DropItem
            | Action::ItemUp
            | Action::ItemDown
            | Action::Conclude
            | Action::Assign
            | Action::OpenMeeting
            | Action::CloseMeeting
            | Action::EditMeeting
    )
}
