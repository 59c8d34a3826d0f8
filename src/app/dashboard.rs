//! The dashboard's state: the [`Overview`] (computed when the data changes, never per frame),
//! the lines it is drawn as — one screen line each, so scrolling and the jumps from section to
//! section are decided here — and how far it is scrolled.

use chrono::NaiveDate;

use super::{Action, App, Mode, Tone};
use crate::domain::meeting::Desk;
use crate::domain::{Overview, Plan, Task, UnitRegistry};
use crate::i18n::dashboard::{Word, word};

/// The sections of the dashboard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Overall and per pillar, with the legend and the rate's formula.
    Pillars,
    /// Per lead unit, successors merged.
    Leads,
    /// Open tasks due in the next 30 days.
    DueSoon,
    /// The plan's targets.
    Targets,
}

/// One line of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A section's title (for counts, with the columns' heads).
    Heading(Section),
    /// The whole plan's counts.
    Overall,
    /// Done now against the close of the last meeting.
    Since,
    /// A pillar's counts (index into `summary.pillars`).
    Pillar(usize),
    /// What the bars' marks mean (first or second line).
    Legend(u8),
    /// The rate's formula.
    Formula,
    /// A lead unit's counts (index into `summary.leads`).
    Lead(usize),
    /// A task due soon (index into the task list).
    Due(usize),
    /// Nothing falls due soon.
    NothingDue,
    /// The targets' column heads.
    TargetColumns,
    /// A target (index into `targets`).
    Target(usize),
    /// The plan gives no targets.
    NoTargets,
    /// Space between sections.
    Blank,
}

/// What the dashboard shows and where it is scrolled to.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The numbers.
    pub overview: Overview,
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
    /// The first line drawn.
    pub scroll: usize,
    /// The meetings' days by id, to name the pillars of their action items shortly.
    pub meetings: Vec<(String, NaiveDate)>,
}

impl Dashboard {
    /// Counts `tasks` as of `as_of` and lays the lines out.
    pub fn new(
        plan: &Plan,
        tasks: &[Task],
        registry: &UnitRegistry,
        as_of: NaiveDate,
        desk: &Desk,
    ) -> Dashboard {
        let overview = Overview::of(plan, tasks, registry, as_of, desk);
        let s = &overview.summary;
        let mut lines = vec![Line::Heading(Section::Pillars), Line::Overall];
        if overview.since.is_some() {
            lines.push(Line::Since);
        }
        lines.extend((0..s.pillars.len()).map(Line::Pillar));
        lines.extend([Line::Legend(0), Line::Legend(1), Line::Formula, Line::Blank]);
        lines.push(Line::Heading(Section::Leads));
        lines.extend((0..s.leads.len()).map(Line::Lead));
        lines.extend([Line::Blank, Line::Heading(Section::DueSoon)]);
        if s.due_soon.is_empty() {
            lines.push(Line::NothingDue);
        }
        lines.extend(s.due_soon.iter().copied().map(Line::Due));
        lines.extend([Line::Blank, Line::Heading(Section::Targets)]);
        if overview.targets.is_empty() {
            lines.push(Line::NoTargets);
        } else {
            lines.push(Line::TargetColumns);
            lines.extend((0..overview.targets.len()).map(Line::Target));
        }
        Dashboard {
            overview,
            lines,
            scroll: 0,
            meetings: desk
                .meetings
                .iter()
                .map(|m| (m.id.clone(), m.date))
                .collect(),
        }
    }

    /// The lines where sections start.
    fn headings(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, Line::Heading(_)))
            .map(|(i, _)| i)
    }
}

impl App {
    /// Counts again after the data changed, when the dashboard is on screen (the place on it
    /// is kept); else when it is next shown: opening the plan does not wait for its counts.
    pub(super) fn refresh_dashboard(&mut self) {
        let shown = self.mode == Mode::Dashboard
            || self.popup_return == Mode::Dashboard
            || self.help.mode == Some(Mode::Dashboard);
        if !shown {
            self.dash_stale = true;
            return;
        }
        self.dash_stale = false;
        let scroll = self.dash.scroll;
        self.dash = Dashboard::new(
            &self.plan,
            self.index.tasks(),
            &self.cfg.registry,
            self.cfg.as_of,
            &self.desk,
        );
        self.dash.scroll = scroll;
        self.clamp_dashboard();
    }

    /// Lines of the dashboard that fit on screen: the body between the header and the status
    /// line (the table's area plus its column titles).
    fn dashboard_page(&self) -> usize {
        self.page + 1
    }

    fn clamp_dashboard(&mut self) {
        let max = self.dash.lines.len().saturating_sub(self.dashboard_page());
        self.dash.scroll = self.dash.scroll.min(max);
    }

    pub(super) fn update_dashboard(&mut self, action: Action) {
        let page = self.dashboard_page().saturating_sub(1).max(1);
        let max = self.dash.lines.len().saturating_sub(self.dashboard_page());
        let scroll = self.dash.scroll;
        // The last sections may start below the last full screen: that screen shows them.
        let next = self
            .dash
            .headings()
            .find(|&h| h > scroll)
            .filter(|_| scroll < max)
            .map(|h| h.min(max));
        let prev = self.dash.headings().filter(|&h| h < scroll).last();
        match action {
            Action::Quit => self.quit = true,
            Action::Back | Action::Dashboard => self.mode = Mode::Normal,
            Action::RecordTarget => self.open_record_target(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Help => self.open_help(),
            Action::ToggleLanguage => self.toggle_language(),
            Action::ScrollDown => self.dash.scroll = scroll + 1,
            Action::ScrollUp => self.dash.scroll = scroll.saturating_sub(1),
            Action::PageDown => self.dash.scroll = scroll + page,
            Action::PageUp => self.dash.scroll = scroll.saturating_sub(page),
            Action::GoTop => self.dash.scroll = 0,
            Action::GoBottom => self.dash.scroll = max,
            // The next section's title to the top.
            Action::NextGroup => match next {
                Some(h) => self.dash.scroll = h,
                None => self.say(Tone::Info, word(self.cfg.lang, Word::LastSection)),
            },
            Action::PrevGroup => match prev {
                Some(h) => self.dash.scroll = h,
                None => self.say(Tone::Info, word(self.cfg.lang, Word::FirstSection)),
            },
            _ => {}
        }
        self.clamp_dashboard();
    }

    /// The dashboard.
    pub fn dashboard(&self) -> &Dashboard {
        &self.dash
    }
}
