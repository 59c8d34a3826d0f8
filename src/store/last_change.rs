//! Who last changed each field of a task, and when: what a conflict names ("changed by Minh at
//! 09:12"). Kept per task beside its state, so that an edit's cost does not grow with the task's
//! history; built once from the history for a task that has no record yet (older stores).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::Event;

/// The latest change of each field of one task: field → (who, when).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastChanges(pub BTreeMap<String, (String, DateTime<Utc>)>);

impl LastChanges {
    /// From a task's history, oldest first.
    pub fn from_events(events: &[Event]) -> Self {
        let mut r = LastChanges::default();
        for e in events {
            r.record(e);
        }
        r
    }

    /// Takes a newer event into account.
    pub fn record(&mut self, e: &Event) {
        self.0.insert(e.field.clone(), (e.who.clone(), e.at));
    }

    /// Who made the latest change of `field`, or "someone". (When is in the history, shown in
    /// the store's zone by whoever shows it; the store itself has no zone.)
    pub fn by(&self, field: &str) -> String {
        self.0
            .get(field)
            .map_or_else(|| "someone".to_string(), |(who, _)| who.clone())
    }
}
