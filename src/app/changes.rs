//! What changed since the last closed meeting: the tasks whose state moved after its day (from
//! the history), for the agenda's "changed" reason, the plan's filter and the mark on its rows.

use chrono::NaiveDate;
use std::collections::HashSet;

use super::{App, Tone};
use crate::domain::Event;
use crate::i18n::meet::{Word, t as word};

impl App {
    /// What changed after the last meeting closed by `day` (by the history's sequence number
    /// of its close): what the agenda, the filter and the marks call "changed".
    pub(super) fn changed_since_last(&self, day: NaiveDate) -> HashSet<String> {
        // Only the events after the close: not the whole history at every reload.
        let events: Vec<Event> = self
            .store
            .history_after(&self.cfg.plan_name, self.desk.last_close_seq(day))
            .unwrap_or_default();
        self.desk.changed_since_last(&events, day)
    }

    /// A task of this screen was just edited: it moved since the last meeting.
    pub(super) fn touched(&mut self, id: &str) {
        if self.meet.since.is_some() {
            self.meet.changed.insert(id.to_string());
        }
    }

    /// "Changed since the last meeting": only the tasks that moved (again to clear).
    pub(super) fn view_changed(&mut self) {
        if self.meet.since.is_none() {
            let date = crate::i18n::format::date(self.cfg.as_of);
            let text = word(self.cfg.lang, Word::NoClosedMeeting).replace("{date}", &date);
            self.say(Tone::Info, text);
            return;
        }
        self.preset(crate::query::Filter {
            ids: Some(self.meet.changed.clone()),
            ..crate::query::Filter::default()
        });
    }
}

/// Read access for drawing.
impl App {
    /// The day of the last meeting closed by the review date.
    pub fn changed_since(&self) -> Option<NaiveDate> {
        self.meet.since
    }
    /// True when the task moved since the last closed meeting.
    pub fn changed_since_meeting(&self, id: &str) -> bool {
        self.meet.changed.contains(id)
    }
}
